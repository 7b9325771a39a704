/// What an OIV judgement of an achievement is: a confirmation of the computed achievement, or a correction of it.
/// The two are told apart to the hundredth of a percent, the precision Performa guarantees (`Score.percent`).
/// A correction must say why; a confirmation need not (the store records a standard reason for it).
public enum OIVJudgement: Sendable, Equatable {
    case confirmation
    case correction

    /// The judgement that validating `achievement` (in percent: 95 = 95%) makes of a score computed as `computed`
    /// (a fraction; nil when nothing could be computed, so that any achievement corrects it).
    public init(achievement: Double, computed: Double?) {
        let hundredths = { (percent: Double) in (percent * 100).rounded(.toNearestOrAwayFromZero) }
        guard let computed, hundredths(computed * 100) == hundredths(achievement) else { self = .correction; return }
        self = .confirmation
    }

    public var needsReason: Bool { self == .correction }

    /// How pages and documents mark a score the OIV judged.
    public var italian: String {
        switch self {
        case .confirmation: return "validato OIV"
        case .correction: return "corretto dall'OIV"
        }
    }

    /// The reason recorded for a confirmation given without one.
    public static let confirmationReason = "Grado calcolato confermato dall'OIV."
}

extension Score {
    /// The OIV's judgement of this score, when there is one that counts.
    public var judgement: OIVJudgement? {
        override.map { OIVJudgement(achievement: $0.achievement, computed: computed) }
    }
}
