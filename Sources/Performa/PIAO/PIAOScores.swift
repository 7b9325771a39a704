/// What the PIAO reports of a scorecard: how far each public-value objective got (its objectives' achievements,
/// in equal parts: they sit at different levels of the tree, so their own weights do not compare), and how each
/// prevention measure is doing (its own score, or that of the objective it is).
public struct PIAOScores: Sendable {
    public struct PublicValue: Sendable {
        public var objective: PublicValueObjective
        public var score: Score
        /// Each linked objective's achievement, in the order the PIAO lists them; nil when it has no score.
        public var parts: [(key: String, title: String, achievement: Double?)]
    }

    public struct Measure: Sendable {
        public var measure: PreventionMeasure
        /// The measure's score, or the objective's it coincides with; nil when neither is scored.
        public var score: Score?
        /// The indicators its monitoring rests on, with their values and achievements.
        public var indicators: [IndicatorScore]
    }

    public let publicValue: [PublicValue]
    public let measures: [Measure]

    public init(plan: Plan, scorecard: Scorecard) {
        let objectives = Dictionary(scorecard.objectives.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        publicValue = (plan.piao?.publicValue ?? []).map { value in
            let parts = value.objectives.map { key in
                RollUp.Part(key: key, weight: nil, score: objectives[key]?.score ?? Score(computed: nil, status: .notApplicable))
            }
            return PublicValue(objective: value, score: RollUp.combine(parts).score,
                               parts: value.objectives.map { ($0, objectives[$0]?.title ?? $0, objectives[$0]?.score.final) })
        }
        measures = (plan.piao?.risks?.measures ?? []).map { measure in
            let key = measure.monitoredKey
            return Measure(measure: measure, score: objectives[key]?.score,
                           indicators: scorecard.indicators.filter { $0.key.objective == key })
        }
    }
}
