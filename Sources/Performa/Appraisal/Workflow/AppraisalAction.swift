import Foundation

/// A step of the appraisal's workflow, with what it records.
public enum AppraisalAction: Codable, Hashable, Sendable {
    case communicateObjectives
    case acknowledgeObjectives
    case recordMidYearCheck(day: Day, notes: String)
    case selfAssess(text: String)
    case propose(notes: String)
    case evaluate
    case recordInterview(day: Day, notes: String)
    case deliver
    case acceptEvaluation
    case requestReview(reasons: String)
    case decideReview(outcome: ReviewOutcome, reasons: String)
    case close

    public enum ReviewOutcome: String, Codable, Hashable, Sendable {
        case confirmed, changed

        public var italian: String { self == .confirmed ? "valutazione confermata" : "valutazione modificata" }
    }

    /// The steps by name, for forms, buttons, the API and the history.
    public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
        case communicateObjectives, acknowledgeObjectives, recordMidYearCheck, selfAssess, propose, evaluate
        case recordInterview, deliver, acceptEvaluation, requestReview, decideReview, close

        /// The button's label.
        public var italian: String {
            switch self {
            case .communicateObjectives: return "Comunica gli obiettivi"
            case .acknowledgeObjectives: return "Prendi visione degli obiettivi"
            case .recordMidYearCheck: return "Registra la verifica intermedia"
            case .selfAssess: return "Invia l'autovalutazione"
            case .propose: return "Registra la proposta dell'OIV"
            case .evaluate: return "Conferma la valutazione"
            case .recordInterview: return "Registra il colloquio"
            case .deliver: return "Consegna la valutazione"
            case .acceptEvaluation: return "Prendi visione della valutazione"
            case .requestReview: return "Chiedi il riesame"
            case .decideReview: return "Registra l'esito del riesame"
            case .close: return "Chiudi la scheda"
            }
        }

        /// Who takes the step.
        public var actor: AppraisalActor {
            switch self {
            case .communicateObjectives, .recordMidYearCheck, .evaluate, .recordInterview, .deliver: return .evaluator
            case .acknowledgeObjectives, .selfAssess, .acceptEvaluation, .requestReview: return .person
            case .propose: return .oiv
            case .decideReview, .close: return .hr
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .communicateObjectives: return .communicateObjectives
        case .acknowledgeObjectives: return .acknowledgeObjectives
        case .recordMidYearCheck: return .recordMidYearCheck
        case .selfAssess: return .selfAssess
        case .propose: return .propose
        case .evaluate: return .evaluate
        case .recordInterview: return .recordInterview
        case .deliver: return .deliver
        case .acceptEvaluation: return .acceptEvaluation
        case .requestReview: return .requestReview
        case .decideReview: return .decideReview
        case .close: return .close
        }
    }
}
