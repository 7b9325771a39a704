/// The parts every objective sheet (*scheda obiettivo*) has, strategic or operational.
public protocol ObjectiveSheet: Sendable {
    var code: String { get }
    var title: String { get }
    var weight: Double? { get }
    var classification: BudgetClassification? { get }
    var description: String? { get }
    var unitsInvolved: String? { get }
    var staffCommitted: String? { get }
    var indicators: [Indicator] { get }
    var budgetLines: [BudgetLine]? { get }
    var relevance: Double? { get }
}

/// Missione/Programma of the budget classification (`011`/`005`).
public struct BudgetClassification: Codable, Hashable, Sendable {
    public var missione: CodedTitle
    public var programma: CodedTitle
    public init(missione: CodedTitle, programma: CodedTitle) {
        self.missione = missione
        self.programma = programma
    }
}

public struct CodedTitle: Codable, Hashable, Sendable {
    public var code: String
    public var title: String
    public init(code: String, title: String) {
        self.code = code
        self.title = title
    }
}

/// Actions planned for one year of a strategic objective (`ANNO 2021: 1. … 2. …`).
public struct YearActions: Codable, Hashable, Sendable {
    public var year: Int
    public var items: [String]
    public init(year: Int, items: [String]) {
        self.year = year
        self.items = items
    }
}
