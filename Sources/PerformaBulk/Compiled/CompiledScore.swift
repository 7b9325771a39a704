import Performa

/// A score read from a `CompiledRollUp`: the computed achievement, the OIV's override (both fractions)
/// and the status, as `Score` has them.
public struct CompiledScore: Hashable, Sendable {
    public var computed: Double?
    public var override: Double?
    public var status: ScoreStatus

    public init(computed: Double?, override: Double?, status: ScoreStatus) {
        self.computed = computed
        self.override = override
        self.status = status
    }

    init(score: Double, override: Double = .nan, status: UInt8) {
        self.init(computed: score.isNaN ? nil : score, override: override.isNaN ? nil : override, status: ScoreStatus(compiledCode: status))
    }

    /// The achievement that counts: the OIV's when given, else the computed one.
    public var final: Double? { override ?? computed }
}
