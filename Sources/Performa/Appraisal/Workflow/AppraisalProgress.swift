import Foundation

/// Where one scheda stands and what each step recorded: the state, the dated facts (mid-year check, colloquio,
/// delivery, review) and the history of every step with who took it and when.
public struct AppraisalProgress: Codable, Hashable, Sendable {
    public struct DatedNote: Codable, Hashable, Sendable {
        public var day: Day
        public var notes: String
    }

    public struct Review: Codable, Hashable, Sendable {
        public var requestedOn: Day
        public var reasons: String
        public var outcome: AppraisalAction.ReviewOutcome?
        public var decisionReasons: String?
        public var decidedOn: Day?
        /// Who decided, as the SMVP names them (`reviewDecidedBy`); the HR office records it.
        public var decidedBy: String?
    }

    public struct Event: Codable, Hashable, Sendable {
        public var action: AppraisalAction.Kind
        public var actor: AppraisalActor
        /// The user who took the step.
        public var user: String
        public var at: Date

        public init(action: AppraisalAction.Kind, actor: AppraisalActor, user: String, at: Date) {
            self.action = action
            self.actor = actor
            self.user = user
            self.at = at
        }
    }

    public var state: AppraisalState
    public var objectivesCommunicatedOn: Day?
    public var midYearCheck: DatedNote?
    public var selfAssessment: String?
    public var oivProposal: String?
    public var interview: DatedNote?
    public var deliveredOn: Day?
    public var review: Review?
    public var history: [Event]

    public static let initial = AppraisalProgress(state: .draft, history: [])

    public init(state: AppraisalState, history: [Event]) {
        self.state = state
        self.history = history
    }

    /// The facts recorded so far, in order, as the scheda prints them.
    public var facts: [(label: String, value: String)] {
        var facts: [(String, String)] = []
        if let day = objectivesCommunicatedOn { facts.append(("Obiettivi comunicati il", day.italian)) }
        if let check = midYearCheck { facts.append(("Verifica intermedia", "\(check.day.italian): \(check.notes)")) }
        if let text = selfAssessment { facts.append(("Autovalutazione", text)) }
        if let text = oivProposal { facts.append(("Proposta dell'OIV", text)) }
        if let interview { facts.append(("Colloquio", "\(interview.day.italian): \(interview.notes)")) }
        if let day = deliveredOn { facts.append(("Consegnata il", day.italian)) }
        if let review {
            facts.append(("Riesame chiesto il \(review.requestedOn.italian)", review.reasons))
            if let outcome = review.outcome {
                facts.append(("Esito del riesame\(review.decidedOn.map { " (\($0.italian))" } ?? "")\(review.decidedBy.map { ", deciso da \($0)" } ?? "")", "\(outcome.italian): \(review.decisionReasons ?? "")"))
            }
        }
        return facts
    }
}
