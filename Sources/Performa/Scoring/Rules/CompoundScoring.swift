/// Compound targets (`100% visite ispettive (almeno 20) …`): every part must hold, so the achievement is
/// the lowest of the parts' achievements (each already capped). A compound target has at least one part
/// (`RuleMeasure` reads one without parts, or with a part it cannot score, as an invalid value).
public enum CompoundScoring {
    /// The achievement before any part is taken (the lowest of no parts).
    @inlinable
    public static var start: Double { .infinity }

    /// The achievement so far with one more part taken, for a loop over parts kept in columns.
    @inlinable @inline(__always)
    public static func achievement(_ lowest: Double, with part: Double) -> Double {
        min(lowest, part)
    }

    @inlinable
    public static func achievement(parts: some Sequence<Double>) -> Double {
        parts.reduce(start, achievement(_:with:))
    }
}
