/// What the policy does to a rule's achievement: cap, then threshold, then bands.
public enum PolicyAdjustments {
    public static func apply(_ raw: Double, policy: ScoringPolicy) -> Double {
        var value = min(max(raw, 0), policy.cap)
        if value < policy.threshold { return 0 }
        value = band(value, bands: policy.bands.sorted { $0.minimum < $1.minimum }, mode: policy.bandMode)
        return min(max(value, 0), policy.cap)
    }

    /// Below the lowest band the value is kept; within a band it takes the band's score (fixed) or the
    /// straight line to the next band's score (interpolated); above the last band it takes the last score.
    static func band(_ value: Double, bands: [ScoreBand], mode: BandMode) -> Double {
        guard let index = bands.lastIndex(where: { value >= $0.minimum }) else { return value }
        let current = bands[index]
        guard mode == .interpolated, index + 1 < bands.count else { return current.score }
        let next = bands[index + 1]
        let span = next.minimum - current.minimum
        guard span > 0 else { return current.score }
        return current.score + (value - current.minimum) / span * (next.score - current.score)
    }
}
