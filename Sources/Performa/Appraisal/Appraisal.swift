/// A computed *scheda di valutazione individuale*: each component with its weight and score, the individual
/// objectives and their indicators, the behaviours with their ratings, the final score, and every step of the
/// computation in Italian. Pure data: the same SMVP, plan scores and inputs give the same scheda.
public struct Appraisal: Codable, Hashable, Sendable {
    public var person: String
    public var name: String
    public var year: Int
    /// The SMVP profile that appraised the person.
    public var profile: String?
    public var evaluator: String?
    public var serviceMonths: Int
    /// Why the person is not appraised this year (too few months of service, no profile); nil when appraised.
    public var notAppraised: String?
    public var components: [ComponentScore]
    public var objectives: [ObjectiveScore]
    public var indicators: [IndicatorScore]
    public var behaviours: [BehaviourScore]
    /// The weighted roll-up of the components (a fraction: 1 = 100 points).
    public var final: Score
    /// The final score in points on 100, rounded to the hundredth: what is printed and what the bonus uses.
    public var points: Double?
    public var steps: [AppraisalStep]

    public struct ComponentScore: Codable, Hashable, Sendable {
        public var kind: AppraisalComponent.Kind
        public var title: String
        public var weight: Double
        public var score: Score
        /// Where the value comes from, in Italian.
        public var source: String
    }

    public struct BehaviourScore: Codable, Hashable, Sendable {
        public var behaviour: String
        public var title: String
        public var weight: Double?
        public var rating: Int?
        public var label: String?
        public var comment: String?
    }

    /// Final points of a score, rounded to the hundredth of a point.
    public static func points(_ score: Score) -> Double? {
        score.final.map { ($0 * 10_000).rounded(.toNearestOrAwayFromZero) / 100 }
    }
}

/// One line of the computation as the scheda prints it: what was computed and how, with Italian numbers.
public struct AppraisalStep: Codable, Hashable, Sendable {
    public var title: String
    public var text: String
    public init(_ title: String, _ text: String) {
        self.title = title
        self.text = text
    }
}
