/// Where a scheda stands in the year's appraisal (D.Lgs. 150/2009 art. 9; the SMVP's procedure): objectives
/// assigned and acknowledged, the mid-year check, the self-assessment and the OIV's proposal where the SMVP asks for
/// them, the evaluation, the *colloquio*, the delivery, the person's acknowledgement or request for a review
/// (*procedura di conciliazione*), its outcome, the closing.
public enum AppraisalState: String, Codable, CaseIterable, Hashable, Sendable {
    case draft, objectivesCommunicated, objectivesAcknowledged, midYearChecked, selfAssessed, proposed
    case evaluated, interviewed, delivered, accepted, reviewRequested, reviewDecided, closed

    public var italian: String {
        switch self {
        case .draft: return "bozza"
        case .objectivesCommunicated: return "obiettivi comunicati"
        case .objectivesAcknowledged: return "presa visione degli obiettivi"
        case .midYearChecked: return "verifica intermedia svolta"
        case .selfAssessed: return "autovalutazione compilata"
        case .proposed: return "proposta dell'OIV"
        case .evaluated: return "valutata"
        case .interviewed: return "colloquio svolto"
        case .delivered: return "consegnata"
        case .accepted: return "presa visione della valutazione"
        case .reviewRequested: return "riesame richiesto"
        case .reviewDecided: return "riesame concluso"
        case .closed: return "chiusa"
        }
    }
}

/// Who acts on a scheda, by their relation to it.
public enum AppraisalActor: String, Codable, CaseIterable, Hashable, Sendable {
    /// The person appraised.
    case person
    /// Their evaluator (the head of their unit, or whom the SMVP or the HR office names).
    case evaluator
    /// The *ufficio personale*, which runs the campaign and records the outcome of reviews.
    case hr
    /// The OIV, which proposes the dirigenti's evaluation where the SMVP says so.
    case oiv

    public var italian: String {
        switch self {
        case .person: return "valutato"
        case .evaluator: return "valutatore"
        case .hr: return "ufficio personale"
        case .oiv: return "OIV"
        }
    }

    /// The actor with the preposition «a» and its article, for «spetta al valutatore» and «all'OIV».
    public var italianDative: String {
        switch self {
        case .person: return "al valutato"
        case .evaluator: return "al valutatore"
        case .hr: return "all'ufficio personale"
        case .oiv: return "all'OIV"
        }
    }
}
