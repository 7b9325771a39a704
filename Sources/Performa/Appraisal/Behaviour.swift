/// A behaviour of the SMVP's catalogue (*comportamento organizzativo*): what is rated on the scale.
public struct Behaviour: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    /// What the evaluator looks at, as the SMVP words it.
    public var description: String
    /// Weight among the profile's behaviours, in percent; equal weights when every behaviour leaves it out.
    public var weight: Double?

    public init(id: String, title: String, description: String, weight: Double? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.weight = weight
    }
}
