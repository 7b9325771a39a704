/// The roll-up's weighted mean over flat numbers, the one definition of how parts combine at every level
/// (`RollUp` for `Scorer`, and the bulk roll-up's loops in `PerformaBulk`): parts are added one by one, in
/// code order, and the outcome is the value and the status.
///
/// - A part with an override counts its override, whatever its status.
/// - Parts without a target or neutralised drop out: the remaining weights are re-normalised (the sums only
///   hold the parts that count).
/// - A blocked part blocks the result; a part without a value, or not complete, makes it incomplete.
/// - When no part that counts has a weight, the parts count equally.
///
/// A part is its computed achievement (NaN: none), its override as a fraction (NaN: none), its status code
/// (`ScoreStatus.compiledCode`) and its weight (`weight(_:)`: never negative). `@inlinable` throughout, so that
/// the bulk roll-up's loops inline it from another module.
public struct WeightedMean: Sendable {
    @usableFromInline var weightedSum = 0.0
    @usableFromInline var weightTotal = 0.0
    /// Sum of the values, for when no part has a weight and the parts count equally.
    @usableFromInline var plainSum = 0.0
    @usableFromInline var valued = 0
    @usableFromInline var remaining = 0
    @usableFromInline var dropped = 0
    @usableFromInline var droppedOnlyNeutralised = true
    @usableFromInline var incomplete = false
    @usableFromInline var blocked = false

    @inlinable
    public init() {}

    /// The mean of `count` parts added with `addComplete`, from their sums taken in the same order (a loop
    /// that sums a run of complete parts itself, without a branch).
    @inlinable @inline(__always)
    public init(complete count: Int, weightedSum: Double, weightTotal: Double, plainSum: Double) {
        (self.valued, self.remaining) = (count, count)
        (self.weightedSum, self.weightTotal, self.plainSum) = (weightedSum, weightTotal, plainSum)
    }

    /// The weight a part counts with: a planner's weight, none or negative counting as 0.
    @inlinable @inline(__always)
    public static func weight(_ planned: Double?) -> Double { max(planned ?? 0, 0) }

    @inlinable @inline(__always)
    public mutating func add(weight: Double, computed: Double, override: Double, status: UInt8) {
        if !override.isNaN {
            // An override counts whatever the status: it never drops out and is complete.
            remaining += 1
            take(override, weight: weight)
            return
        }
        switch status {
        case ScoreStatus.notApplicable.compiledCode:
            dropped += 1
            droppedOnlyNeutralised = false
        case ScoreStatus.neutralised.compiledCode:
            dropped += 1
        case ScoreStatus.blocked.compiledCode:
            remaining += 1
            blocked = true
        default:
            remaining += 1
            if computed.isNaN {
                incomplete = true
            } else {
                take(computed, weight: weight)
                if status != ScoreStatus.complete.compiledCode { incomplete = true }
            }
        }
    }

    /// A part with a computed value, status complete and no override (the common case).
    @inlinable @inline(__always)
    public mutating func addComplete(_ value: Double, weight: Double) {
        remaining += 1
        take(value, weight: weight)
    }

    @inlinable @inline(__always)
    mutating func take(_ value: Double, weight: Double) {
        valued += 1
        weightTotal += weight
        weightedSum += weight * value
        plainSum += value
    }

    /// The combined achievement (NaN: none) and status code.
    @inlinable @inline(__always)
    public func outcome() -> (computed: Double, status: UInt8) {
        if blocked { return (.nan, ScoreStatus.blocked.compiledCode) }
        guard valued > 0 else {
            if remaining > 0 { return (.nan, ScoreStatus.missing.compiledCode) }
            let neutralised = dropped > 0 && droppedOnlyNeutralised
            return (.nan, neutralised ? ScoreStatus.neutralised.compiledCode : ScoreStatus.notApplicable.compiledCode)
        }
        // Weights are never negative, so a zero total means no part had a weight: equal weights.
        let value = weightTotal > 0 ? weightedSum / weightTotal : plainSum / Double(valued)
        return (value, incomplete ? ScoreStatus.incomplete.compiledCode : ScoreStatus.complete.compiledCode)
    }

    /// Whether the outcome counts more than one part equally because none had a weight (`R-EQUAL`).
    @inlinable
    public var usesEqualWeights: Bool { !blocked && valued > 1 && !(weightTotal > 0) }

    /// A strategic objective's result: its operational objectives' result and its own indicators' result
    /// weighted by the objective's split (`ResultSplit`, shares already `weight(_:)`). When one side has nothing
    /// to score at the checkpoint the other counts alone. In the order `RollUp` sorts them ("operational"
    /// before "own").
    @inlinable @inline(__always)
    public static func split(operationalShare: Double, operational: (computed: Double, status: UInt8),
                             ownShare: Double, own: (computed: Double, status: UInt8)) -> (computed: Double, status: UInt8) {
        var mean = WeightedMean()
        mean.add(weight: operationalShare, computed: operational.computed, override: .nan, status: operational.status)
        mean.add(weight: ownShare, computed: own.computed, override: .nan, status: own.status)
        return mean.outcome()
    }
}
