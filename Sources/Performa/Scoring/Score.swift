/// A computed achievement with the OIV's override, if any. Both are kept; `final` is what counts.
public struct Score: Codable, Hashable, Sendable {
    /// The computed achievement as a fraction (1.0 = 100%); nil when it cannot be computed.
    public var computed: Double?
    public var override: AchievementOverride?
    public var status: ScoreStatus

    public init(computed: Double?, override: AchievementOverride? = nil, status: ScoreStatus) {
        self.computed = computed
        self.override = override
        self.status = status
    }

    /// The achievement that counts: the OIV's when given, else the computed one.
    public var final: Double? { override?.fraction ?? computed }

    /// The final achievement in percent, rounded to the hundredth (the precision Performa guarantees).
    public var percent: Double? { final.map { ($0 * 10_000).rounded(.toNearestOrAwayFromZero) / 100 } }
}

public enum ScoreStatus: String, Codable, Hashable, Sendable {
    /// Every part measured.
    case complete
    /// Some parts were missing and left out (policy `showAsMissing`); the value covers the rest.
    case incomplete
    /// No measurement (an indicator), or nothing measured below (an objective).
    case missing
    /// No target in this period.
    case notApplicable
    /// Declared not assessable, with a reason.
    case neutralised
    /// A measurement is missing and the policy blocks the roll-up.
    case blocked
    /// The measured value does not suit the target.
    case invalid

    public var italian: String {
        switch self {
        case .complete: return "completo"
        case .incomplete: return "incompleto"
        case .missing: return "mancante"
        case .notApplicable: return "non applicabile"
        case .neutralised: return "neutralizzato"
        case .blocked: return "bloccato"
        case .invalid: return "valore non valido"
        }
    }

    /// Parts with these statuses drop out of a roll-up and the remaining weights are re-normalised.
    var dropsOut: Bool { self == .notApplicable || self == .neutralised }
}

extension AchievementOverride {
    /// The OIV's achievement as a fraction (it is given in percent).
    public var fraction: Double { achievement / 100 }
}
