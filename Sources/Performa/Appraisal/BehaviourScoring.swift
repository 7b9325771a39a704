/// The behaviours component: each rating as a share of the scale's best (`rating / maximum`), weighted by the
/// behaviours' weights (equal when none is given), to the hundredth of a percent. A behaviour not yet rated
/// leaves the component missing; a rating outside the scale makes it invalid.
public enum BehaviourScoring {
    public struct Outcome: Sendable {
        public var score: Score
        /// The component in hundredths of a percent, when every behaviour is rated.
        var hundredths: Int?
        public var behaviours: [Appraisal.BehaviourScore]
        public var explanation: String
    }

    /// The component's numbers alone (status and hundredths, no rows or text): the rule both the scheda and the
    /// bulk path (`AppraisalNumbers`) use.
    static func value(_ ratings: [BehaviourRating], behaviours: [Behaviour], scale: RatingScale) -> (status: ScoreStatus, hundredths: Int?) {
        value(behaviours: behaviours, scale: scale) { k in ratings.last { $0.behaviour == behaviours[k].id }?.rating }
    }

    /// `value` with the rating of behaviour `k` (the profile's `behaviours[k]`) given by `rating(k)`, nil when not
    /// rated: the bulk path (`CompiledStaff`) keeps the ratings by position.
    public static func value(behaviours: [Behaviour], scale: RatingScale, rating: (Int) -> Int?) -> (status: ScoreStatus, hundredths: Int?) {
        let equal = behaviours.allSatisfy { $0.weight == nil }
        var totalWeight = 0, weighted = 0
        var invalid = false, missing = behaviours.isEmpty
        for (k, behaviour) in behaviours.enumerated() {
            guard let given = rating(k) else { missing = true; continue }
            guard scale.contains(given) else { invalid = true; continue }
            let weight = equal ? 100 : Hundredths.of(percent: behaviour.weight ?? 0)
            totalWeight += weight
            weighted += weight * given
        }
        if invalid { return (.invalid, nil) }
        if missing { return (.missing, nil) }
        // Σ weight × rating / (Σ weight × maximum), in hundredths of a percent.
        return (.complete, Hundredths.divide(weighted * 10_000, totalWeight * scale.maximum))
    }

    public static func score(_ ratings: [BehaviourRating], behaviours: [Behaviour], scale: RatingScale) -> Outcome {
        let equal = behaviours.allSatisfy { $0.weight == nil }
        var rows: [Appraisal.BehaviourScore] = []
        var items: [(weight: Int, rating: Int)] = []
        var invalid: [String] = []
        var missing: [String] = []
        for behaviour in behaviours {
            let given = ratings.last { $0.behaviour == behaviour.id }
            let weight = equal ? 100 : Hundredths.of(percent: behaviour.weight ?? 0)
            rows.append(Appraisal.BehaviourScore(behaviour: behaviour.id, title: behaviour.title, weight: behaviour.weight, rating: given?.rating,
                                                 label: given.flatMap { scale.label($0.rating) }, comment: given?.comment))
            guard let given else { missing.append(behaviour.title); continue }
            guard scale.contains(given.rating) else { invalid.append(behaviour.title); continue }
            items.append((weight, given.rating))
        }
        if !invalid.isEmpty {
            return Outcome(score: Score(computed: nil, status: .invalid), behaviours: rows,
                           explanation: "valutazione fuori dalla scala \(scale.minimum)–\(scale.maximum) per: \(invalid.joined(separator: ", "))")
        }
        if !missing.isEmpty || behaviours.isEmpty {
            return Outcome(score: Score(computed: nil, status: .missing), behaviours: rows,
                           explanation: behaviours.isEmpty ? "nessun comportamento nel profilo" : "comportamenti ancora da valutare: \(missing.joined(separator: ", "))")
        }
        let totalWeight = items.reduce(0) { $0 + $1.weight }
        let weighted = items.reduce(0) { $0 + $1.weight * $1.rating }
        guard let hundredths = value(ratings, behaviours: behaviours, scale: scale).hundredths else {
            preconditionFailure("every behaviour rated on the scale has a value")
        }
        let ratingsText = items.map { String($0.rating) }.joined(separator: ", ")
        let how = equal
            ? "media delle valutazioni (\(ratingsText)) = \(ItalianNumber.format(Double(weighted) / Double(totalWeight), fractionDigits: 4)) su \(scale.maximum)"
            : "media ponderata delle valutazioni (\(ratingsText)) = \(ItalianNumber.format(Double(weighted) / Double(totalWeight), fractionDigits: 4)) su \(scale.maximum)"
        return Outcome(score: Score(computed: Double(hundredths) / 10_000, status: .complete), hundredths: hundredths, behaviours: rows,
                       explanation: "\(how) → \(Hundredths.text(hundredths))%")
    }
}
