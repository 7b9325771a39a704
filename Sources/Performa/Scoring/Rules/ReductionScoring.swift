/// Relative changes (`-5,00%` riduzione delle pratiche sospese, `+20%`): the change achieved over the change
/// required. For a reduction, a measured `-6%` against `-5%` is 6/5; any increase scores 0.
/// A zero change target is met when the measure did not move the wrong way (did not grow).
public enum ReductionScoring {
    @inlinable
    public static func achievement(actualChange: Double, requiredChange: Double) -> Double {
        if requiredChange < 0 { return max(0, -actualChange / -requiredChange) }
        if requiredChange > 0 { return max(0, actualChange / requiredChange) }
        return actualChange <= 0 ? 1 : 0
    }
}
