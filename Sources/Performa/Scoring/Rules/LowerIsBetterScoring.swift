/// Quantities not to exceed (`massimo 5 giorni`, `non oltre il 10%`): `target / actual`.
/// An actual of zero meets any target; a zero target is met only by zero.
public enum LowerIsBetterScoring {
    @inlinable
    public static func achievement(actual: Double, target: Double) -> Double {
        if actual <= 0 { return 1 }
        guard target > 0 else { return 0 }
        return target / actual
    }

    /// Progress from the baseline down to the target. Nil when the baseline does not lie above.
    @inlinable
    public static func progress(actual: Double, baseline: Double, target: Double) -> Double? {
        guard baseline > target else { return nil }
        return max(0, (baseline - actual) / (baseline - target))
    }

    /// The rule as a policy applies it: progress from `baseline` when given and usable, else the ratio.
    @inlinable
    public static func achievement(actual: Double, target: Double, baseline: Double?) -> Double {
        if let baseline, let progress = progress(actual: actual, baseline: baseline, target: target) { return progress }
        return achievement(actual: actual, target: target)
    }
}
