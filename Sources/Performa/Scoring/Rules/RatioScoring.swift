/// Ratio targets (`n. pratiche evase / n. pratiche pervenute ≥ 95%`): the measured ratio over the required one.
/// With nothing to handle (denominator 0) the target is met.
public enum RatioScoring {
    @inlinable
    public static func achievement(numerator: Double, denominator: Double, requiredPercent: Double) -> Double {
        guard denominator > 0 else { return 1 }
        return HigherIsBetterScoring.achievement(actual: numerator / denominator * 100, target: requiredPercent)
    }
}
