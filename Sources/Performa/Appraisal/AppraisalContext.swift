/// Everything the schede of one year are computed from, indexed once: the SMVP, the organization and its plan
/// scorecard (the organizational components), the people and what was entered in their schede. Built again when
/// any of them changes, so a corrected measurement or an OIV correction reaches every scheda that depends on it.
public struct AppraisalContext: Sendable {
    public let smvp: SMVP
    public let organization: Organization
    public let scorecard: Scorecard
    public let year: Int
    public let people: [Person]
    let peopleById: [String: Person]
    let inputs: [String: AppraisalInput]
    let evaluators: [String: String]
    public let units: UnitPerformance
    /// The behaviours component (points on 100) of each appraised person with every behaviour rated.
    let behaviourPoints: [String: Double]
    /// Person ids each evaluator rates, in id order.
    let rated: [String: [String]]
    /// Positions in `people` in id order, sorted once (a stable sort of the positions, not of the people themselves).
    let idOrder: [Int]

    public init(smvp: SMVP, organization: Organization, scorecard: Scorecard, year: Int, people: [Person], inputs: [AppraisalInput]) {
        self.smvp = smvp
        self.organization = organization
        self.scorecard = scorecard
        self.year = year
        self.people = people
        peopleById = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let inputs = Dictionary(inputs.filter { $0.year == year }.map { ($0.person, $0) }, uniquingKeysWith: { _, last in last })
        self.inputs = inputs
        var evaluators: [String: String] = [:]
        var rated: [String: [String]] = [:]
        var behaviourPoints: [String: Double] = [:]
        let unitsById = EvaluatorResolution.unitsById(organization)
        let idOrder = people.indices.sorted { people[$0].id < people[$1].id }
        self.idOrder = idOrder
        for person in idOrder.lazy.map({ people[$0] }) {
            let serving = person.serviceMonths(in: year) >= smvp.minimumServiceMonths
            if let evaluator = EvaluatorResolution.evaluator(of: person, organization: organization, units: unitsById) {
                evaluators[person.id] = evaluator
                if serving { rated[evaluator, default: []].append(person.id) }
            }
            if serving, let profile = smvp.profile(for: person.category),
               let hundredths = BehaviourScoring.value(inputs[person.id]?.ratings ?? [], behaviours: profile.behaviours, scale: smvp.scale).hundredths {
                behaviourPoints[person.id] = Double(hundredths) / 100
            }
        }
        self.evaluators = evaluators
        self.rated = rated
        self.behaviourPoints = behaviourPoints
        units = UnitPerformance(organization: organization, scorecard: scorecard, smvp: smvp)
    }

    public func person(_ id: String) -> Person? { peopleById[id] }
    /// The people in id order (ties in the order given), the order of every scheda list.
    public var peopleInIdOrder: some Sequence<Person> { idOrder.lazy.map { people[$0] } }
    public func input(for person: String) -> AppraisalInput? { inputs[person] }
    public func evaluator(of person: String) -> String? { evaluators[person] }
    /// The people an evaluator rates (appraised this year), in id order.
    public func ratedBy(_ evaluator: String) -> [String] { rated[evaluator] ?? [] }
    /// A person's behaviours component in points on 100, when every behaviour is rated.
    public func behaviourPoints(of person: String) -> Double? { behaviourPoints[person] }
}
