/// How an administration rates risk exposure. The default is the qualitative method of the PNA 2019 (ANAC,
/// Allegato 1): each indicator of exposure gets a level and the event gets an overall judgement. A numeric
/// method (probability × impact, 1–5 each) is the other one administrations commonly use.
public enum RiskMethod: String, Codable, Hashable, Sendable {
    case qualitative, numeric

    public var italian: String {
        switch self {
        case .qualitative: return "qualitativo (PNA 2019, Allegato 1)"
        case .numeric: return "numerico (probabilità × impatto, da 1 a 5)"
        }
    }
}

public enum RiskLevel: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case low, medium, high

    public var italian: String {
        switch self {
        case .low: return "basso"
        case .medium: return "medio"
        case .high: return "alto"
        }
    }

    private var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// The indicators of exposure of the PNA 2019, Allegato 1, §4.2 (the administration may add its own).
public enum ExposureIndicator: String, Codable, Hashable, Sendable, CaseIterable {
    case externalInterest, discretion, pastEvents, opacity, commitment, measuresInPlace

    public var italian: String {
        switch self {
        case .externalInterest: return "Livello di interesse esterno"
        case .discretion: return "Grado di discrezionalità del decisore"
        case .pastEvents: return "Manifestazione di eventi corruttivi in passato"
        case .opacity: return "Opacità del processo decisionale"
        case .commitment: return "Livello di collaborazione del responsabile"
        case .measuresInPlace: return "Grado di attuazione delle misure di trattamento"
        }
    }
}

public struct ExposureRating: Codable, Hashable, Sendable {
    public var indicator: ExposureIndicator
    public var level: RiskLevel
    public init(indicator: ExposureIndicator, level: RiskLevel) {
        self.indicator = indicator
        self.level = level
    }
}

/// The assessment of one risk event: the exposure indicators (qualitative method) or probability and impact
/// (numeric method), and optionally the rating the RPCT decided with its motivation, which prevails.
public struct RiskAssessment: Codable, Hashable, Sendable {
    public var exposure: [ExposureRating]?
    public var probability: Int?
    public var impact: Int?
    /// The overall judgement when the RPCT sets it (PNA 2019: a motivated synthetic judgement, not an average).
    public var rating: RiskLevel?
    public var motivation: String?

    public init(exposure: [ExposureRating]? = nil, probability: Int? = nil, impact: Int? = nil, rating: RiskLevel? = nil, motivation: String? = nil) {
        self.exposure = exposure
        self.probability = probability
        self.impact = impact
        self.rating = rating
        self.motivation = motivation
    }

    /// The event's rating under `method`: the stated `rating` if any; otherwise, qualitative, the level most
    /// indicators share, a tie going to the higher level (the PNA asks for prudence); numeric, probability × impact
    /// banded as 1–7 low, 8–14 medium, 15–25 high. Nil when there is nothing to rate from.
    public func level(by method: RiskMethod) -> RiskLevel? {
        if let rating { return rating }
        switch method {
        case .qualitative:
            let levels = (exposure ?? []).map(\.level)
            guard !levels.isEmpty else { return nil }
            let counts = Dictionary(grouping: levels, by: { $0 }).mapValues(\.count)
            return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key
        case .numeric:
            guard let score = numericScore else { return nil }
            return score >= 15 ? .high : score >= 8 ? .medium : .low
        }
    }

    /// Probability × impact, when both are given and within 1–5.
    public var numericScore: Int? {
        guard let probability, let impact, (1...5).contains(probability), (1...5).contains(impact) else { return nil }
        return probability * impact
    }
}
