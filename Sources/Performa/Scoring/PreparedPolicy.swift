/// An organization's scoring policy ready for scoring many indicators: the bands sorted once instead of for
/// every indicator. `Scorer` prepares one per scorecard, the bulk roll-up (`PerformaBulk`) one per policy;
/// both score every indicator through `outcome` and `achievement`, which are `@inlinable` so that the bulk
/// roll-up's loops, in another module, inline them.
public struct PreparedPolicy: Sendable {
    public let policy: ScoringPolicy
    public let sortedBands: [ScoreBand]
    /// Whether a baseline is ever read (rule `progressFromBaseline`): otherwise it is not even loaded.
    public let fromBaseline: Bool

    public init(_ policy: ScoringPolicy) {
        self.policy = policy
        self.sortedBands = PolicyAdjustments.sortedBands(policy)
        self.fromBaseline = policy.rule == .progressFromBaseline
    }

    /// A scored indicator's achievement: its rule (`ScoringRule.rawScore`), then cap, threshold and bands.
    @inlinable @inline(__always)
    public func achievement(rule: ScoringRule, target: Double, auxiliary: @autoclosure () -> Double, value: Double,
                            compound: () -> Double) -> Double {
        adjusted(rule.rawScore(target: target, auxiliary: auxiliary(), value: value, policy: self, compound: compound))
    }

    /// Cap, threshold and bands (`PolicyAdjustments`) on a rule's achievement.
    @inlinable @inline(__always)
    public func adjusted(_ raw: Double) -> Double {
        PolicyAdjustments.apply(raw, cap: policy.cap, threshold: policy.threshold, sortedBands: sortedBands, mode: policy.bandMode)
    }

    /// One indicator's computed achievement (NaN: none) and status code (`ScoreStatus.compiledCode`) before any
    /// override: none for an indicator without a target in the period or neutralised; the missing-measurement
    /// rule for a missing or unusable value; else `achievement()`, complete.
    @inlinable @inline(__always)
    public func outcome(_ rule: ScoringRule, achievement: () -> Double) -> (computed: Double, status: UInt8) {
        switch rule {
        case .notApplicable: return (.nan, ScoreStatus.notApplicable.compiledCode)
        case .neutralised: return (.nan, ScoreStatus.neutralised.compiledCode)
        case .missing: return policy.missingMeasurement.outcome(.missing)
        case .invalid: return policy.missingMeasurement.outcome(.invalid)
        default: return (achievement(), ScoreStatus.complete.compiledCode)
        }
    }

    /// The achievement of one measure held as a value (`Scorer`'s way), compound parts included.
    public func achievement(of measure: RuleMeasure) -> Double {
        adjusted(rawScore(of: measure))
    }

    /// One measure's outcome (`outcome`), for `Scorer`.
    public func outcome(of measure: RuleMeasure) -> (computed: Double, status: UInt8) {
        outcome(measure.rule) { achievement(of: measure) }
    }

    private func rawScore(of measure: RuleMeasure) -> Double {
        measure.rule.rawScore(target: measure.target, auxiliary: measure.auxiliary, value: measure.value, policy: self) {
            CompoundScoring.achievement(parts: measure.parts.lazy.map { rawScore(of: $0) })
        }
    }
}
