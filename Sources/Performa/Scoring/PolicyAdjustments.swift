/// What the policy does to a rule's achievement: cap, then threshold, then bands; and what it does to a value
/// that is missing or unusable. Defined once, for `Scorer` and the bulk roll-up (`PerformaBulk`) alike: the
/// steps a loop over many indicators runs are `@inlinable` so that they inline there.
public enum PolicyAdjustments {
    public static func apply(_ raw: Double, policy: ScoringPolicy) -> Double {
        PreparedPolicy(policy).adjusted(raw)
    }

    /// The same with the bands already sorted (`PreparedPolicy`), for callers that score many indicators under
    /// one policy.
    @inlinable
    public static func apply(_ raw: Double, cap: Double, threshold: Double, sortedBands: [ScoreBand], mode: BandMode) -> Double {
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
    @inlinable
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

extension MissingMeasurementRule {
    /// What an indicator whose value is missing or unusable (`status`: `.missing` or `.invalid`) scores: 0
    /// (`scoreZero`), nothing (`showAsMissing`: left out, the result above incomplete), or it blocks the
    /// roll-up (`blockRollUp`). The achievement is NaN for none; the status a `ScoreStatus.compiledCode`.
    @inlinable
    public func outcome(_ status: ScoreStatus) -> (computed: Double, status: UInt8) {
        switch self {
        case .scoreZero: return (0, status.compiledCode)
        case .showAsMissing: return (.nan, status.compiledCode)
        case .blockRollUp: return (.nan, ScoreStatus.blocked.compiledCode)
        }
    }
}
