/// Assegnazione obiettivi ai dirigenti: one manager's objectives and their weights.
public struct Assignment: Codable, Hashable, Sendable {
    /// Manager id.
    public var manager: String
    public var objectives: [AssignedObjective]
    /// The total as the table prints it (`100,00%`), kept to check it.
    public var printedTotal: Double?
    public init(manager: String, objectives: [AssignedObjective], printedTotal: Double? = nil) {
        self.manager = manager
        self.objectives = objectives
        self.printedTotal = printedTotal
    }
}

public struct AssignedObjective: Codable, Hashable, Sendable {
    /// Objective key: `1.2` (strategic), `1.2.1` (operational), `PB.1` (special agency).
    public var objective: String
    /// Weight in the manager's score, in percent.
    public var weight: Double
    /// The title as the assignment table prints it, when it differs from the sheet.
    public var printedTitle: String?
    public init(objective: String, weight: Double, printedTitle: String? = nil) {
        self.objective = objective
        self.weight = weight
        self.printedTitle = printedTitle
    }
}
