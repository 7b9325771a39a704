/// Everything scoring needs besides the plan: measurements, declared neutralisations and OIV overrides.
/// This is the root of a results file (`performa-results/1`).
public struct Results: Codable, Hashable, Sendable {
    public var format: String?
    /// Plan id the results belong to.
    public var plan: String
    /// True for invented figures (demo and examples): printed on every scorecard.
    public var illustrative: Bool?
    public var description: String?
    public var measurements: [Measurement]
    public var neutralisations: [DeclaredNeutralisation]?
    public var overrides: [AchievementOverride]?

    public init(plan: String, measurements: [Measurement] = [], neutralisations: [DeclaredNeutralisation]? = nil, overrides: [AchievementOverride]? = nil) {
        self.format = "performa-results/1"
        self.plan = plan
        self.measurements = measurements
        self.neutralisations = neutralisations
        self.overrides = overrides
    }

    /// The measurement that counts for an indicator at a checkpoint: the last one recorded.
    public func current(_ key: IndicatorKey, at checkpoint: Day) -> Measurement? {
        measurements.last { $0.indicator == key && $0.at == checkpoint }
    }

    /// Every value recorded for an indicator at a checkpoint, oldest first (the history of corrections).
    public func history(_ key: IndicatorKey, at checkpoint: Day) -> [Measurement] {
        measurements.filter { $0.indicator == key && $0.at == checkpoint }
    }
}

/// An indicator declared not assessable after the plan was adopted, with the reason.
public struct DeclaredNeutralisation: Codable, Hashable, Sendable {
    public var indicator: IndicatorKey
    public var reason: String
    /// From this checkpoint on; always when absent.
    public var from: Day?
    public var by: String?
    public init(indicator: IndicatorKey, reason: String, from: Day? = nil, by: String? = nil) {
        self.indicator = indicator
        self.reason = reason
        self.from = from
        self.by = by
    }
}

/// An OIV-validated achievement that replaces the computed one; both are kept and shown.
public struct AchievementOverride: Codable, Hashable, Sendable {
    /// An indicator key (`2.3.1/2`) or an objective key (`2.3.1`, `PB.1`).
    public var subject: String
    public var at: Day
    /// The validated achievement, in percent (95 = 95%).
    public var achievement: Double
    public var reason: String
    public var by: String?
    public var on: Day?
    public init(subject: String, at: Day, achievement: Double, reason: String, by: String? = nil, on: Day? = nil) {
        self.subject = subject
        self.at = at
        self.achievement = achievement
        self.reason = reason
        self.by = by
        self.on = on
    }
}
