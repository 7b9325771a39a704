/// How differentiated the final scores are, per profile (category) and per evaluator: the distribution, mean,
/// standard deviation and share of top ratings of the appraised people with a final score. For the HR office and
/// the OIV (art. 9 c. 1 lett. d; D.Lgs. 33/2013 art. 20 asks to publish the *grado di differenziazione*); the
/// figures are aggregated and name nobody but evaluators.
public struct DifferentiationReport: Codable, Hashable, Sendable {
    public struct Group: Codable, Hashable, Sendable {
        /// Profile id or evaluator id.
        public var key: String
        public var title: String
        public var distribution: RatingDistribution
    }

    public var year: Int
    public var byProfile: [Group]
    public var byEvaluator: [Group]

    public init(appraisals: [Appraisal], smvp: SMVP, year: Int, evaluatorNames: [String: String] = [:]) {
        self.year = year
        let scored = appraisals.filter { $0.points != nil && $0.final.status == .complete }
        byProfile = smvp.profiles.map { profile in
            Group(key: profile.id, title: profile.title,
                  distribution: RatingDistribution(scores: scored.filter { $0.profile == profile.id }.compactMap(\.points), topFrom: smvp.topRatingFrom))
        }
        let evaluators = Set(scored.compactMap(\.evaluator)).sorted()
        byEvaluator = evaluators.map { evaluator in
            Group(key: evaluator, title: evaluatorNames[evaluator] ?? evaluator,
                  distribution: RatingDistribution(scores: scored.filter { $0.evaluator == evaluator }.compactMap(\.points), topFrom: smvp.topRatingFrom))
        }
    }
}
