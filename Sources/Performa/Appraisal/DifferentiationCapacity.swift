/// The *capacità di differenziazione* of an evaluator (D.Lgs. 150/2009 art. 9 c. 1 lett. d): the standard
/// deviation of the behaviour scores they gave, against the SMVP's target — `min(1, σ / target)`.
///
/// Behaviour scores, not final scores: they are the evaluator's own judgement (the organizational components are
/// the same for a whole unit and would hide it), and they never depend on another scheda's final score, so no
/// scheda waits for another one.
public enum DifferentiationCapacity {
    public struct Outcome: Sendable {
        public var score: Score
        public var distribution: RatingDistribution
        public var explanation: String
    }

    /// - Parameter behaviourScores: the behaviours component (points on 100) of each person the evaluator rated.
    public static func evaluate(behaviourScores: [Double], rule: DifferentiationCapacityRule, topFrom: Double) -> Outcome {
        let distribution = RatingDistribution(scores: behaviourScores, topFrom: topFrom)
        let score = score(rated: distribution.count, standardDeviation: distribution.standardDeviation, rule: rule)
        guard let value = score.computed, let sigma = distribution.standardDeviation else {
            return Outcome(score: score, distribution: distribution,
                           explanation: "valutati \(distribution.count), meno dei \(rule.minimumRated) richiesti: componente non applicabile, pesi ri-normalizzati")
        }
        let text = "scarto quadratico medio dei comportamenti valutati \(ItalianNumber.format(sigma, fractionDigits: 2)) punti su \(distribution.count) valutati, "
            + "atteso \(ItalianNumber.format(rule.targetStandardDeviation, fractionDigits: 2)): min(1; \(ItalianNumber.format(sigma, fractionDigits: 2)) / \(ItalianNumber.format(rule.targetStandardDeviation, fractionDigits: 2))) = \(ItalianNumber.percent(value))"
        return Outcome(score: score, distribution: distribution, explanation: text)
    }

    /// The component's score, without its text: `min(1, σ / σ target)` of the behaviour scores of the `rated` people
    /// (σ from `RatingDistribution.meanAndStandardDeviation`), not applicable with fewer than the rule's minimum.
    public static func score(rated: Int, standardDeviation sigma: Double?, rule: DifferentiationCapacityRule) -> Score {
        guard rated >= rule.minimumRated, let sigma else { return Score(computed: nil, status: .notApplicable) }
        return Score(computed: min(1, sigma / rule.targetStandardDeviation), status: .complete)
    }
}
