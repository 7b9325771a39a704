/// Compound targets (`100% visite ispettive (almeno 20) …`): every part must hold, so the achievement is
/// the lowest of the parts' achievements (each already capped). A compound target has at least one part
/// (`RuleMeasure` reads one without parts, or with a part it cannot score, as an invalid value).
public enum CompoundScoring {
    @inlinable
    public static func achievement(parts: some Sequence<Double>) -> Double {
        var lowest = Double.infinity
        for part in parts { lowest = min(lowest, part) }
        return lowest
    }
}
