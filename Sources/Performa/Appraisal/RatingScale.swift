/// The rating scale of behaviours (e.g. 1–5 with a label for each step). A rating counts as `rating / maximum`
/// of the behaviours' component: 4 on a scale up to 5 is 80%.
public struct RatingScale: Codable, Hashable, Sendable {
    public var minimum: Int
    public var maximum: Int
    /// One label per step, lowest first (`Inadeguato` … `Eccellente`).
    public var labels: [RatingLabel]

    public init(minimum: Int, maximum: Int, labels: [RatingLabel] = []) {
        self.minimum = minimum
        self.maximum = maximum
        self.labels = labels
    }

    public func contains(_ rating: Int) -> Bool { rating >= minimum && rating <= maximum }

    public func label(_ rating: Int) -> String? { labels.first { $0.value == rating }?.label }

    /// A rating as a fraction of the best one.
    public func fraction(_ rating: Double) -> Double { rating / Double(maximum) }
}

public struct RatingLabel: Codable, Hashable, Sendable {
    public var value: Int
    public var label: String
    /// What the step means, as the SMVP describes it.
    public var description: String?
    public init(value: Int, label: String, description: String? = nil) {
        self.value = value
        self.label = label
        self.description = description
    }
}
