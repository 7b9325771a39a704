/// The numbers of a scheda without its texts: what the bonus and any national total need. The bulk path
/// (`AppraisalScoring.numbersAll`) computes them for a whole staff without the Italian steps, the component rows or
/// the behaviour rows, with the same rules as the scheda (`BehaviourScoring.value`, `AppraisalScoring.finalScore`,
/// `IndividualObjectiveScoring`, `DifferentiationCapacity`), so the final scores and the bonus are the same to the
/// last bit; the full scheda (`AppraisalScoring.appraise`) is built only when one is shown.
public struct AppraisalNumbers: Hashable, Sendable {
    public var person: String
    /// The SMVP profile that appraised the person; nil when no profile covers their category.
    public var profile: String?
    public var serviceMonths: Int
    /// False when the person is not appraised this year (no profile, too few months of service).
    public var appraised: Bool
    public var final: Score
    /// Final points on 100, rounded to the hundredth: what is printed and what the bonus uses.
    public var points: Double?

    /// The numbers of a full scheda.
    public init(_ scheda: Appraisal) {
        self.init(person: scheda.person, profile: scheda.profile, serviceMonths: scheda.serviceMonths, appraised: scheda.notAppraised == nil,
                  final: scheda.final, points: scheda.points)
    }

    public init(person: String, profile: String?, serviceMonths: Int, appraised: Bool, final: Score, points: Double?) {
        self.person = person
        self.profile = profile
        self.serviceMonths = serviceMonths
        self.appraised = appraised
        self.final = final
        self.points = points
    }
}

extension AppraisalScoring {
    /// One person's numbers, without texts.
    public static func numbers(_ person: Person, in context: AppraisalContext) -> AppraisalNumbers {
        let smvp = context.smvp
        let months = person.serviceMonths(in: context.year)
        let notApplicable = Score(computed: nil, status: .notApplicable)
        guard let profile = smvp.profile(for: person.category) else {
            return AppraisalNumbers(person: person.id, profile: nil, serviceMonths: months, appraised: false, final: notApplicable, points: nil)
        }
        guard months >= smvp.minimumServiceMonths else {
            return AppraisalNumbers(person: person.id, profile: profile.id, serviceMonths: months, appraised: false, final: notApplicable, points: nil)
        }
        let input = context.input(for: person.id)
        let card = context.scorecard
        let parts = profile.components.map { component -> (weight: Double, score: Score) in
            let score: Score
            switch component.kind {
            case .organization:
                score = card.result
            case .unit:
                score = context.units.performance(of: person.unit)?.score ?? notApplicable
            case .assignedObjectives:
                score = card.manager(person.id)?.score ?? notApplicable
            case .individualObjectives:
                let objectives = input?.objectives ?? []
                score = objectives.isEmpty
                    ? notApplicable
                    : IndividualObjectiveScoring.score(objectives, results: input?.results, year: context.year, policy: card.policy).score
            case .behaviours:
                let value = BehaviourScoring.value(input?.ratings ?? [], behaviours: profile.behaviours, scale: smvp.scale)
                score = Score(computed: value.hundredths.map { Double($0) / 10_000 }, status: value.status)
            case .differentiation:
                if let rule = smvp.differentiationCapacity {
                    let scores = context.ratedBy(person.id).compactMap { context.behaviourPoints[$0] }
                    score = DifferentiationCapacity.score(rated: scores.count,
                                                          standardDeviation: RatingDistribution.meanAndStandardDeviation(scores)?.standardDeviation,
                                                          rule: rule)
                } else {
                    score = notApplicable
                }
            }
            return (component.weight, score)
        }
        let final = finalScore(parts).score
        return AppraisalNumbers(person: person.id, profile: profile.id, serviceMonths: months, appraised: true, final: final,
                                points: Appraisal.points(final))
    }

    /// Every person's numbers, in id order (the order of `appraiseAll`).
    public static func numbersAll(_ context: AppraisalContext) -> [AppraisalNumbers] {
        context.peopleInIdOrder.map { numbers($0, in: context) }
    }
}
