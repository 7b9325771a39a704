/// Exact arithmetic on the numbers a scheda prints: percentages and points to the hundredth, held as integers so
/// that a weighted mean computed by hand from the printed values gives the same last digit (half away from zero).
enum Hundredths {
    /// `value` (a fraction, 1 = 100%) as hundredths of a percent: 0,92345 → 9235.
    static func of(fraction value: Double) -> Int {
        Int((value * 10_000).rounded(.toNearestOrAwayFromZero))
    }

    /// `numerator / denominator` rounded half away from zero (both non-negative, denominator positive).
    static func divide(_ numerator: Int, _ denominator: Int) -> Int {
        (2 * numerator + denominator) / (2 * denominator)
    }

    /// Weighted mean of values in hundredths, weights in hundredths of a percent.
    static func weightedMean(_ items: [(weight: Int, value: Int)]) -> Int? {
        let total = items.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        return divide(items.reduce(0) { $0 + $1.weight * $1.value }, total)
    }

    /// `9235` → `92,35`.
    static func text(_ hundredths: Int) -> String {
        ItalianNumber.format(Double(hundredths) / 100, fractionDigits: 2, minimumFractionDigits: 2)
    }

    /// A weight in percent (20, 12,5) as hundredths of a percent.
    static func of(percent value: Double) -> Int {
        Int((value * 100).rounded(.toNearestOrAwayFromZero))
    }
}
