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

    public static func combine(_ parts: [Part]) -> Outcome {
        let ordered = parts.sorted { ObjectiveCode.precedes($0.key, $1.key) }
        let dropped = ordered.filter { $0.score.status.dropsOut && $0.score.override == nil }
        let remaining = ordered.filter { !($0.score.status.dropsOut && $0.score.override == nil) }
        let droppedWithWeight = dropped.filter { ($0.weight ?? 0) > 0 }.map(\.key)

        if remaining.contains(where: { $0.score.status == .blocked && $0.score.override == nil }) {
            return Outcome(score: Score(computed: nil, status: .blocked), droppedWithWeight: droppedWithWeight, usedEqualWeights: false)
        }
        let valued = remaining.filter { $0.score.final != nil }
        guard !valued.isEmpty else {
            let status: ScoreStatus = remaining.isEmpty ? (dropped.allSatisfy { $0.score.status == .neutralised } && !dropped.isEmpty ? .neutralised : .notApplicable) : .missing
            return Outcome(score: Score(computed: nil, status: status), droppedWithWeight: droppedWithWeight, usedEqualWeights: false)
        }
        let complete = valued.count == remaining.count && valued.allSatisfy { $0.score.status == .complete || $0.score.override != nil }

        var weights = valued.map { max($0.weight ?? 0, 0) }
        let equal = weights.allSatisfy { $0 == 0 }
        if equal { weights = Array(repeating: 1, count: valued.count) }
        var total = 0.0
        var sum = 0.0
        for (part, weight) in zip(valued, weights) {
            total += weight
            sum += weight * (part.score.final ?? 0)
        }
        let value = sum / total
        return Outcome(score: Score(computed: value, status: complete ? .complete : .incomplete),
                       droppedWithWeight: droppedWithWeight, usedEqualWeights: equal && valued.count > 1)
    }
}
