/// The administration's *Sistema di Misurazione e Valutazione della Performance* as data: how each category of
/// staff is appraised (components, weights, behaviours), the rating scale, the minimum service, the deadline for
/// a review and how the funds are shared. Read from its own file (`performa-smvp/1`, docs/smvp-format.md).
public struct SMVP: Codable, Hashable, Sendable {
    /// File format marker, `performa-smvp/1`.
    public var format: String?
    public var id: String
    public var title: String
    /// Organization id (`Organization.id`) the system belongs to.
    public var organization: String
    /// First year the system applies to.
    public var fromYear: Int
    /// True for an invented example (the Brescia demo): printed on every scheda.
    public var illustrative: Bool?
    /// The act that adopted it (`delibera di Giunta n. …`).
    public var adoptedBy: String?
    public var scale: RatingScale
    /// Fewer months of service in the year (`ServiceMonths`) and the person is not appraised.
    public var minimumServiceMonths: Int
    /// Days after the delivery of the scheda within which the person may ask for a review.
    public var reviewDeadlineDays: Int
    /// Who decides a review (*procedura di conciliazione*).
    public var reviewDecidedBy: String?
    /// Final score (points on 100) from which a rating counts as a top rating in the differentiation report.
    public var topRatingFrom: Double
    /// How differentiated a dirigente's ratings must be to score 100% on the differentiation component.
    public var differentiationCapacity: DifferentiationCapacityRule?
    /// The objectives that measure a unit's performance, where the head's assignment does not (`UnitPerformance`).
    public var unitObjectives: [UnitObjectives]?
    public var profiles: [AppraisalProfile]

    public init(id: String, title: String, organization: String, fromYear: Int, scale: RatingScale, minimumServiceMonths: Int,
                reviewDeadlineDays: Int, topRatingFrom: Double = 95, profiles: [AppraisalProfile]) {
        self.format = "performa-smvp/1"
        self.id = id
        self.title = title
        self.organization = organization
        self.fromYear = fromYear
        self.scale = scale
        self.minimumServiceMonths = minimumServiceMonths
        self.reviewDeadlineDays = reviewDeadlineDays
        self.topRatingFrom = topRatingFrom
        self.profiles = profiles
    }

    /// The profile that appraises a category.
    public func profile(for category: PersonCategory) -> AppraisalProfile? {
        profiles.first { $0.categories.contains(category) }
    }
}

/// The objectives of the plan (keys, or strategic area codes) that make up one unit's performance, with weights.
public struct UnitObjectives: Codable, Hashable, Sendable {
    public var unit: String
    public var objectives: [AssignedObjective]
    public init(unit: String, objectives: [AssignedObjective]) {
        self.unit = unit
        self.objectives = objectives
    }
}

/// The differentiation component: the standard deviation of the behaviour scores a dirigente gave, against the
/// one the SMVP expects; with fewer people rated than `minimumRated` the component does not apply.
public struct DifferentiationCapacityRule: Codable, Hashable, Sendable {
    /// Standard deviation (points on 100) that scores 100%; less scores proportionally less.
    public var targetStandardDeviation: Double
    public var minimumRated: Int
    public init(targetStandardDeviation: Double, minimumRated: Int) {
        self.targetStandardDeviation = targetStandardDeviation
        self.minimumRated = minimumRated
    }
}
