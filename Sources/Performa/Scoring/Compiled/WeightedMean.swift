/// `RollUp.combine` over flat numbers: parts are added one by one (in code order, as `RollUp` sorts
/// them) and the outcome is the same value and status, without building `Part`s or sorting.
///
/// A part is its computed achievement (NaN: none), its override as a fraction (NaN: none), its status
/// code and its weight (already `max(weight ?? 0, 0)`).
struct WeightedMean {
    private var weightedSum = 0.0
    private var weightTotal = 0.0
    /// Sum of the values, for when no part has a weight and the parts count equally.
    private var plainSum = 0.0
    private var valued = 0
    private var remaining = 0
    private var dropped = 0
    private var droppedOnlyNeutralised = true
    private var incomplete = false
    private var blocked = false

    init() {}

    /// The mean of `count` parts added with `addComplete`, from their sums taken in the same order.
    @inline(__always)
    init(complete count: Int, weightedSum: Double, weightTotal: Double, plainSum: Double) {
        (self.valued, self.remaining) = (count, count)
        (self.weightedSum, self.weightTotal, self.plainSum) = (weightedSum, weightTotal, plainSum)
    }

    @inline(__always)
    mutating func add(weight: Double, computed: Double, override: Double, status: UInt8) {
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
    @inline(__always)
    mutating func addComplete(_ value: Double, weight: Double) {
        remaining += 1
        take(value, weight: weight)
    }

    @inline(__always)
    private mutating func take(_ value: Double, weight: Double) {
        valued += 1
        weightTotal += weight
        weightedSum += weight * value
        plainSum += value
    }

    /// The combined achievement (NaN: none) and status code.
    @inline(__always)
    func outcome() -> (computed: Double, status: UInt8) {
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
}
