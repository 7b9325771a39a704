/// What the evaluator (and the person) put in one scheda for a year: the individual or group objectives with
/// their indicators and targets (the plan's own types, read by the same target parser), their measurements,
/// and the behaviour ratings with a comment each. The organizational components are not here: they come from
/// the plan's scorecard when the scheda is computed, so a corrected measurement flows into every scheda.
public struct AppraisalInput: Codable, Hashable, Sendable {
    public var person: String
    public var year: Int
    /// Individual or group objectives, weighted among themselves; their indicators as in the plan.
    public var objectives: [OperationalObjective]
    /// Measurements of those objectives' indicators (keys `OI.1/1`, …), OIV-style overrides and neutralisations.
    public var results: Results?
    public var ratings: [BehaviourRating]

    public init(person: String, year: Int, objectives: [OperationalObjective] = [], results: Results? = nil, ratings: [BehaviourRating] = []) {
        self.person = person
        self.year = year
        self.objectives = objectives
        self.results = results
        self.ratings = ratings
    }
}

/// A behaviour rated on the SMVP's scale, with the evaluator's comment.
public struct BehaviourRating: Codable, Hashable, Sendable {
    public var behaviour: String
    public var rating: Int
    public var comment: String?
    public init(behaviour: String, rating: Int, comment: String? = nil) {
        self.behaviour = behaviour
        self.rating = rating
        self.comment = comment
    }
}
