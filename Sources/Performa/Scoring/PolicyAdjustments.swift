/// What the policy does to a rule's achievement: cap, then threshold, then bands.
public enum PolicyAdjustments {
    public static func apply(_ raw: Double, policy: ScoringPolicy) -> Double {
        apply(raw, cap: policy.cap, threshold: policy.threshold, sortedBands: sortedBands(policy), mode: policy.bandMode)
    }

    /// The same with the bands already sorted, for callers that score many indicators under one policy.
    static func apply(_ raw: Double, cap: Double, threshold: Double, sortedBands: [ScoreBand], mode: BandMode) -> Double {
        var value = min(max(raw, 0), cap)
        if value < threshold { return 0 }
        if !sortedBands.isEmpty { value = band(value, bands: sortedBands, mode: mode) }
        return min(max(value, 0), cap)
    }

    static func sortedBands(_ policy: ScoringPolicy) -> [ScoreBand] {
        policy.bands.sorted { $0.minimum < $1.minimum }
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
