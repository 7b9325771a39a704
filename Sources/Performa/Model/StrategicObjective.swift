/// Obiettivo strategico (1.1 …): three-year, weighted inside its area, measured partly by its own
/// indicators (with a target and a weight per year) and partly by its operational objectives.
public struct StrategicObjective: Codable, Hashable, Sendable, ObjectiveSheet {
    public var code: String
    public var title: String
    /// Second line of the title as some sheets print it (`Approccio a nuove modalità di comunicazione`).
    public var subtitle: String?
    /// Weight inside the strategic area, in percent.
    public var weight: Double?
    /// Share of the objective's result given by its own indicators vs its operational objectives
    /// (the seed's "Indicatori dell'obiettivo strategico Peso 50%").
    public var split: ResultSplit?
    public var classification: BudgetClassification?
    public var description: String?
    public var actions: [YearActions]?
    public var unitsInvolved: String?
    public var staffCommitted: String?
    /// Own indicators: each has one target and one weight per year of the plan.
    public var indicators: [Indicator]
    public var budgetLines: [BudgetLine]?
    public var operationalObjectives: [OperationalObjective]
    /// The OIV's relevance weighting for the *valorizzazione*.
    public var relevance: Double?
    public var notes: String?

    public init(code: String, title: String, weight: Double? = nil, split: ResultSplit? = nil,
                indicators: [Indicator] = [], operationalObjectives: [OperationalObjective] = []) {
        self.code = code
        self.title = title
        self.weight = weight
        self.split = split
        self.indicators = indicators
        self.operationalObjectives = operationalObjectives
    }
}

/// How a strategic objective's result divides between its own indicators and its operational objectives.
public struct ResultSplit: Codable, Hashable, Sendable {
    /// Percent given to the own indicators.
    public var ownIndicators: Double
    /// Percent given to the operational objectives.
    public var operationalObjectives: Double
    public init(ownIndicators: Double, operationalObjectives: Double) {
        self.ownIndicators = ownIndicators
        self.operationalObjectives = operationalObjectives
    }
}
