/// Area strategica (1, 2, 3): groups the three-year strategic objectives.
public struct StrategicArea: Codable, Hashable, Sendable {
    public var code: String
    public var title: String
    /// Weight of the area in the organization's result; equal weights when absent everywhere.
    public var weight: Double?
    public var objectives: [StrategicObjective]
    public init(code: String, title: String, weight: Double? = nil, objectives: [StrategicObjective] = []) {
        self.code = code
        self.title = title
        self.weight = weight
        self.objectives = objectives
    }
}
