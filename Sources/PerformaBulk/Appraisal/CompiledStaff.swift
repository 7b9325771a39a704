import Performa

/// Many organizations' schede of one year under one SMVP, compiled into flat columns so that scoring every
/// scheda and sharing the bonus of a national staff — a million people — takes well under a second, the way
/// `CompiledRollUp` does it for plans.
///
/// Compiling builds each organization's `AppraisalContext` (the same index the schede are computed from) and keeps
/// from it, per person in id order: the profile, the months of service, the part-time share, the organizational
/// components as the plan's scorecard gives them (the organization, the unit's performance, the objectives assigned to
/// a dirigente), the behaviour ratings by position in the profile, the people a dirigente rates, and the individual
/// objectives compiled, one small plan per scheda (`IndividualObjectiveScoring.plan`), into one `CompiledRollUp`.
/// `score()` then computes what changes with the ratings and the measurements: the behaviours
/// (`BehaviourScoring.value`), the individual objectives (the roll-up's kernels), the capacità di differenziazione
/// (`DifferentiationCapacity.score`) and the final score (`AppraisalScoring.finalScore`) — the scheda's own rules, so
/// the numbers are `AppraisalScoring.numbersAll`'s to the last bit (`CompiledStaffTests`) — and `distributions`
/// shares the funds (`BonusDistribution`, to the cent). A change of the plan's scores or of the staff needs a new
/// compile; no texts are built (`AppraisalScoring.appraise` does that for the scheda that is shown).
public struct CompiledStaff: Sendable {
    public let smvp: SMVP
    public let year: Int

    // Per organization.
    public internal(set) var organizationIds: [String] = []
    /// People of organization `o`: `personStart[o]..<personStart[o + 1]`, in id order.
    var personStart: [Int32] = [0]
    var organizationScore: [Score] = []

    // Per person.
    public internal(set) var personIds: [String] = []
    /// Index into `smvp.profiles`; -1 when no profile covers the person's category.
    var profile: [Int32] = []
    var serviceMonths: [Int32] = []
    var partTime: [Double] = []
    /// Appraised this year: a profile and at least the SMVP's months of service.
    var appraised: [Bool] = []
    var unitScore: [Score] = []
    /// The scorecard's score of the objectives assigned to the person as a manager; nil when none.
    var assignedScore: [Score?] = []
    /// The person's individual objectives: their strategic objective in `objectives`; -1 when none.
    var objectivesSlot: [Int32] = []
    /// Ratings of the person's profile's behaviours, by position: `ratings[ratingStart[p] + k]` for behaviour `k`,
    /// `CompiledStaff.notRated` when not rated.
    var ratingStart: [Int32] = [0]
    var ratings: [Int32] = []
    /// People the person rates (as evaluator), appraised this year, in id order: `rated[ratedStart[p]..<ratedStart[p + 1]]`.
    var ratedStart: [Int32] = [0]
    var rated: [Int32] = []
    /// Every scheda's individual objectives, one plan each.
    var objectives: CompiledRollUp

    // Results of `score()`, per person.
    public internal(set) var final: [Score] = []
    public internal(set) var points: [Double?] = []
    /// Behaviours component in hundredths of a percent, and its status.
    var behaviourHundredths: [Int32] = []
    var behaviourStatus: [ScoreStatus] = []

    static let notRated = Int32.min

    public init(smvp: SMVP, year: Int) {
        self.smvp = smvp
        self.year = year
        objectives = CompiledRollUp(checkpoint: .yearEnd(year))
    }

    public var organizationCount: Int { organizationIds.count }
    public var personCount: Int { personIds.count }

    func people(ofOrganization o: Int) -> Range<Int> { Int(personStart[o])..<Int(personStart[o + 1]) }

    /// Adds an organization's staff, with the scorecard of its plan for the year; returns its index.
    @discardableResult
    public mutating func add(organization: Organization, scorecard: Scorecard, people: [Person], inputs: [AppraisalInput]) -> Int {
        let context = AppraisalContext(smvp: smvp, organization: organization, scorecard: scorecard, year: year, people: people, inputs: inputs)
        let first = personIds.count
        let ordered = Array(context.peopleInIdOrder)
        // The last position of each id (as the context's behaviour points keep the last person of an id).
        var position: [String: Int32] = [:]
        for (offset, person) in ordered.enumerated() { position[person.id] = Int32(first + offset) }
        let notApplicable = Score(computed: nil, status: .notApplicable)
        for person in ordered {
            let profileIndex = smvp.profiles.firstIndex { $0.categories.contains(person.category) }
            let months = person.serviceMonths(in: year)
            let input = context.input(for: person.id)
            personIds.append(person.id)
            profile.append(Int32(profileIndex ?? -1))
            serviceMonths.append(Int32(months))
            partTime.append(person.partTime)
            appraised.append(profileIndex != nil && months >= smvp.minimumServiceMonths)
            unitScore.append(context.units.performance(of: person.unit)?.score ?? notApplicable)
            assignedScore.append(scorecard.manager(person.id)?.score)
            if let objectives = input?.objectives, !objectives.isEmpty {
                let plan = IndividualObjectiveScoring.plan(objectives, year: year, policy: scorecard.policy)
                let o = self.objectives.add(plan, results: input?.results ?? Results(plan: IndividualObjectiveScoring.wrapperKey))
                objectivesSlot.append(Int32(self.objectives.organizations.strategicStart[o]))
            } else {
                objectivesSlot.append(-1)
            }
            for behaviour in profileIndex.map({ smvp.profiles[$0].behaviours }) ?? [] {
                ratings.append(input?.ratings.last { $0.behaviour == behaviour.id }.map { Int32($0.rating) } ?? Self.notRated)
            }
            ratingStart.append(Int32(ratings.count))
            rated += context.ratedBy(person.id).compactMap { position[$0] }
            ratedStart.append(Int32(rated.count))
        }
        organizationIds.append(organization.id)
        organizationScore.append(scorecard.result)
        personStart.append(Int32(personIds.count))
        return organizationIds.count - 1
    }
}
