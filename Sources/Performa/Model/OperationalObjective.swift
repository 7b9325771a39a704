/// Obiettivo operativo (1.1.1 …): annual, weighted inside its strategic objective (or inside its special
/// agency), measured by indicators with a baseline, a 30/6 target, a 31/12 target and a weight.
public struct OperationalObjective: Codable, Hashable, Sendable, ObjectiveSheet {
    public var code: String
    public var title: String
    /// Weight inside the strategic objective's operational share (or the agency's objectives), in percent.
    public var weight: Double?
    /// The effective weight in the strategic objective as a sheet prints it (20% → 10%), kept to check it.
    public var printedEffectiveWeight: Double?
    public var classification: BudgetClassification?
    public var description: String?
    public var unitsInvolved: String?
    public var staffCommitted: String?
    public var indicators: [Indicator]
    public var budgetLines: [BudgetLine]?
    public var relevance: Double?
    /// True for an objective added at mid-year revision ("obiettivo aggiuntivo").
    public var additional: Bool?
    public var notes: String?

    public init(code: String, title: String, weight: Double? = nil, indicators: [Indicator] = []) {
        self.code = code
        self.title = title
        self.weight = weight
        self.indicators = indicators
    }
}

/// The objectives of one special agency.
public struct SpecialAgencyObjectives: Codable, Hashable, Sendable {
    /// Agency id.
    public var agency: String
    public var objectives: [OperationalObjective]
    public init(agency: String, objectives: [OperationalObjective]) {
        self.agency = agency
        self.objectives = objectives
    }
}
