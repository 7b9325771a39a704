/// Counts, percentages and rates to reach (`Almeno 100`, `90%`, `uno al giorno lavorativo`):
/// `actual / target`. A zero target is met by any non-negative value.
enum HigherIsBetterScoring {
    static func achievement(actual: Double, target: Double) -> Double {
        guard target > 0 else { return actual >= target ? 1 : 0 }
        return max(0, actual / target)
    }

    /// Progress from the baseline: 0 at the baseline, 1 at the target. Nil when the baseline does not lie below.
    static func progress(actual: Double, baseline: Double, target: Double) -> Double? {
        guard baseline < target else { return nil }
        return max(0, (actual - baseline) / (target - baseline))
    }
}
