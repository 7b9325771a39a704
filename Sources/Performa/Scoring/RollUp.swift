/// The weighted roll-up used at every level: indicators → objective, objectives → area, areas →
/// organization, assignments → manager.
///
/// - Parts without a target or neutralised drop out; the remaining weights are re-normalised.
/// - Parts without a value (missing, invalid) are left out and make the result `incomplete`; a `blocked`
///   part blocks the result. (Whether a missing measurement scores 0 is decided where it is measured.)
/// - When no remaining part has a weight, the parts count equally.
/// - Parts are summed in code order, so the order they are listed in changes nothing.
public enum RollUp {
    public struct Part: Sendable {
        public var key: String
        public var weight: Double?
        public var score: Score
        public init(key: String, weight: Double?, score: Score) {
            self.key = key
            self.weight = weight
            self.score = score
        }
    }

    public struct Outcome: Sendable {
        public var score: Score
        /// Keys of parts that dropped out although they carried a positive weight (for a re-normalisation note).
        public var droppedWithWeight: [String]
        /// True when no part had a weight and equal weights were used.
        public var usedEqualWeights: Bool
    }

    /// The parts' weighted mean (`WeightedMean`, the one definition of it), in code order.
    public static func combine(_ parts: [Part]) -> Outcome {
        let ordered = parts.sorted { ObjectiveCode.precedes($0.key, $1.key) }
        var mean = WeightedMean()
        var droppedWithWeight: [String] = []
        for part in ordered {
            let weight = WeightedMean.weight(part.weight)
            mean.add(weight: weight, computed: part.score.computed ?? .nan, override: part.score.overrideFraction, status: part.score.status.compiledCode)
            if part.score.status.dropsOut && part.score.override == nil && weight > 0 { droppedWithWeight.append(part.key) }
        }
        return Outcome(score: Score(mean.outcome()), droppedWithWeight: droppedWithWeight, usedEqualWeights: mean.usesEqualWeights)
    }

    /// A strategic objective's own result from its own indicators' and its operational objectives' results
    /// (`WeightedMean.split`).
    public static func split(own: Score, operational: Score, split: ResultSplit?) -> Score {
        Score(WeightedMean.split(operationalShare: WeightedMean.weight(split?.operationalObjectives), operational: operational.flat,
                                 ownShare: WeightedMean.weight(split?.ownIndicators), own: own.flat))
    }
}

extension Score {
    /// A computed achievement (NaN: none) and status code, as `WeightedMean` gives them.
    init(_ flat: (computed: Double, status: UInt8)) {
        self.init(computed: flat.computed.isNaN ? nil : flat.computed, status: ScoreStatus(compiledCode: flat.status))
    }

    /// The computed achievement (NaN: none) and status code, as `WeightedMean` takes them (override aside).
    var flat: (computed: Double, status: UInt8) { (computed ?? .nan, status.compiledCode) }

    /// The override as a fraction (NaN: none).
    var overrideFraction: Double { override?.fraction ?? .nan }
}
