/// Counts, percentages and rates to reach (`Almeno 100`, `90%`, `uno al giorno lavorativo`):
/// `actual / target`. A zero target is met by any non-negative value.
///
/// Plain numbers and `@inlinable`: `Scorer` and the bulk roll-up (`PerformaBulk`) both call these, the latter
/// from its loops in another module, where they must inline.
public enum HigherIsBetterScoring {
    @inlinable
    public static func achievement(actual: Double, target: Double) -> Double {
        guard target > 0 else { return actual >= target ? 1 : 0 }
        return max(0, actual / target)
    }

    /// Progress from the baseline: 0 at the baseline, 1 at the target. Nil when the baseline does not lie below.
    @inlinable
    public static func progress(actual: Double, baseline: Double, target: Double) -> Double? {
        guard baseline < target else { return nil }
        return max(0, (actual - baseline) / (target - baseline))
    }

    /// The rule as a policy applies it: progress from `baseline` when given (the policy's rule is
    /// `progressFromBaseline` and the indicator has a baseline of the same kind) and usable, else the ratio.
    @inlinable
    public static func achievement(actual: Double, target: Double, baseline: Double?) -> Double {
        if let baseline, let progress = progress(actual: actual, baseline: baseline, target: target) { return progress }
        return achievement(actual: actual, target: target)
    }
}
