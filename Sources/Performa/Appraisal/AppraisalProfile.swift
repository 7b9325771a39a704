/// The scheda of one group of categories in the SMVP: its components and weights, its behaviours, whether a
/// self-assessment is asked, and how its fund is shared.
public struct AppraisalProfile: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    /// The categories appraised with this scheda; each category belongs to one profile.
    public var categories: [PersonCategory]
    public var components: [AppraisalComponent]
    public var behaviours: [Behaviour]
    /// Whether the person fills in a self-assessment before the evaluation.
    public var selfAssessment: Bool?
    /// Who evaluates when the person's evaluator is not the head of their unit (`OIV` proposal for dirigenti).
    public var evaluatedBy: String?
    /// The OIV proposes the evaluation before the evaluator confirms it (the dirigenti's, D.Lgs. 150/2009 art. 14 c. 4 lett. e).
    public var proposedByOIV: Bool?
    public var bonus: BonusRules?

    public init(id: String, title: String, categories: [PersonCategory], components: [AppraisalComponent], behaviours: [Behaviour],
                selfAssessment: Bool? = nil, evaluatedBy: String? = nil, bonus: BonusRules? = nil) {
        self.id = id
        self.title = title
        self.categories = categories
        self.components = components
        self.behaviours = behaviours
        self.selfAssessment = selfAssessment
        self.evaluatedBy = evaluatedBy
        self.bonus = bonus
    }

    public func weight(of kind: AppraisalComponent.Kind) -> Double? { components.first { $0.kind == kind }?.weight }
}
