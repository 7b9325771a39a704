/// The result of scoring a plan at one checkpoint: every indicator, objective, area, agency and manager,
/// the organization, the *valorizzazione*, and notes on how the numbers came about.
public struct Scorecard: Codable, Hashable, Sendable {
    public var plan: String
    public var organization: String
    public var checkpoint: Day
    public var illustrative: Bool
    public var policy: ScoringPolicy
    public var result: Score
    public var areas: [AreaScore]
    public var objectives: [ObjectiveScore]
    public var agencies: [AgencyScore]
    public var managers: [ManagerScore]
    public var indicators: [IndicatorScore]
    public var valorization: Valorization?
    public var notes: [Diagnostic]

    public func objective(_ key: String) -> ObjectiveScore? { objectives.first { $0.key == key } }
    public func indicator(_ key: IndicatorKey) -> IndicatorScore? { indicators.first { $0.key == key } }
    public func area(_ code: String) -> AreaScore? { areas.first { $0.code == code } }
    public func manager(_ id: String) -> ManagerScore? { managers.first { $0.manager == id } }
}

public struct IndicatorScore: Codable, Hashable, Sendable {
    public var key: IndicatorKey
    public var title: String
    public var target: Target?
    public var baseline: Target?
    /// The weight that counted at this checkpoint, in percent (nil when the plan gives none).
    public var weight: Double?
    public var measurement: Measurement?
    public var score: Score
    /// Why it has no value (neutralisation reason, invalid value, …).
    public var reason: String?
}

public struct ObjectiveScore: Codable, Hashable, Sendable {
    public enum Level: String, Codable, Hashable, Sendable {
        case strategic, operational, agency
        /// A prevention measure of the PIAO's subsection 2.3 with its own indicators (`MPC.1`).
        case measure
    }
    public var key: String
    public var code: String
    public var title: String
    public var level: Level
    /// Parent key: area code for strategic objectives, strategic key for operational ones, agency id for agency ones.
    public var parent: String
    public var weight: Double?
    public var score: Score
    /// For strategic objectives: the own indicators' part and the operational objectives' part.
    public var ownIndicators: Double?
    public var operationalObjectives: Double?
}

public struct AreaScore: Codable, Hashable, Sendable {
    public var code: String
    public var title: String
    public var weight: Double?
    public var score: Score
}

public struct AgencyScore: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var score: Score
}

public struct ManagerScore: Codable, Hashable, Sendable {
    public var manager: String
    public var name: String
    public var score: Score
    public var objectives: [AssignedScore]
}

public struct AssignedScore: Codable, Hashable, Sendable {
    public var objective: String
    public var weight: Double
    public var achievement: Double?
}

/// *Valorizzazione*: the economic value of objectives from the OIV's relevance weights and a fund.
public struct Valorization: Codable, Hashable, Sendable {
    public var fundCents: Int64
    public var lines: [ValorizationLine]
    public var totalValueCents: Int64 { lines.reduce(0) { $0 + $1.valueCents } }
    public var totalEarnedCents: Int64 { lines.reduce(0) { $0 + $1.earnedCents } }
}

public struct ValorizationLine: Codable, Hashable, Sendable {
    public var objective: String
    public var relevance: Double
    /// Share of the fund, in cents.
    public var valueCents: Int64
    public var achievement: Double?
    /// Amount earned, in cents.
    public var earnedCents: Int64
}
