import Foundation

/// What the SMVP says about one scheda's workflow.
public struct AppraisalWorkflowRules: Hashable, Sendable {
    /// The person fills in a self-assessment after the mid-year check.
    public var selfAssessment: Bool
    /// The OIV proposes the evaluation (the dirigenti's, evaluated by the Giunta).
    public var proposedByOIV: Bool
    /// Calendar days after the delivery within which the person may ask for a review.
    public var reviewDeadlineDays: Int
    /// Who decides a review (`SMVP.reviewDecidedBy`); the HR office records the decision in their name.
    public var reviewDecidedBy: String?

    public init(selfAssessment: Bool, proposedByOIV: Bool, reviewDeadlineDays: Int, reviewDecidedBy: String? = nil) {
        self.selfAssessment = selfAssessment
        self.proposedByOIV = proposedByOIV
        self.reviewDeadlineDays = reviewDeadlineDays
        self.reviewDecidedBy = reviewDecidedBy
    }

    public init(smvp: SMVP, profile: AppraisalProfile?) {
        self.init(selfAssessment: profile?.selfAssessment == true, proposedByOIV: profile?.proposedByOIV == true,
                  reviewDeadlineDays: smvp.reviewDeadlineDays, reviewDecidedBy: smvp.reviewDecidedBy)
    }
}

/// Why a step was refused, in Italian.
public struct AppraisalWorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The appraisal's workflow as a state machine: who may take which step in which state, what each step records, and
/// a clear Italian reason for every step refused. Pure: the store applies it inside its transaction.
public enum AppraisalWorkflow {
    /// What the scheda's parts are, for `mayEdit`.
    public enum Part: Sendable {
        /// The individual objectives with their indicators and targets.
        case objectives
        /// The behaviour ratings and the individual objectives' measurements.
        case ratings
    }

    /// The states a step starts from, under `rules`.
    static func origins(_ kind: AppraisalAction.Kind, _ rules: AppraisalWorkflowRules) -> [AppraisalState] {
        switch kind {
        case .communicateObjectives: return [.draft]
        case .acknowledgeObjectives: return [.objectivesCommunicated]
        case .recordMidYearCheck: return [.objectivesAcknowledged]
        case .selfAssess: return rules.selfAssessment ? [.midYearChecked] : []
        case .propose: return rules.proposedByOIV ? [rules.selfAssessment ? .selfAssessed : .midYearChecked] : []
        case .evaluate: return [rules.proposedByOIV ? .proposed : rules.selfAssessment ? .selfAssessed : .midYearChecked]
        case .recordInterview: return [.evaluated]
        case .deliver: return [.interviewed]
        case .acceptEvaluation, .requestReview: return [.delivered]
        case .decideReview: return [.reviewRequested]
        case .close: return [.accepted, .reviewDecided, .delivered]
        }
    }

    static func destination(_ kind: AppraisalAction.Kind) -> AppraisalState {
        switch kind {
        case .communicateObjectives: return .objectivesCommunicated
        case .acknowledgeObjectives: return .objectivesAcknowledged
        case .recordMidYearCheck: return .midYearChecked
        case .selfAssess: return .selfAssessed
        case .propose: return .proposed
        case .evaluate: return .evaluated
        case .recordInterview: return .interviewed
        case .deliver: return .delivered
        case .acceptEvaluation: return .accepted
        case .requestReview: return .reviewRequested
        case .decideReview: return .reviewDecided
        case .close: return .closed
        }
    }

    /// The last day the person may ask for a review, once the scheda is delivered.
    public static func reviewDeadline(_ progress: AppraisalProgress, _ rules: AppraisalWorkflowRules) -> Day? {
        progress.deliveredOn?.adding(days: rules.reviewDeadlineDays)
    }

    /// Takes `action` as `actor`, or says why not. `complete` and `missing` come from the computed scheda: it can be
    /// evaluated only when every component has a value.
    public static func apply(_ action: AppraisalAction, to progress: AppraisalProgress, by actor: AppraisalActor, user: String, at moment: Date,
                             today: Day, rules: AppraisalWorkflowRules, complete: Bool, missing: [String] = []) throws(AppraisalWorkflowError) -> AppraisalProgress {
        let kind = action.kind
        let label = "«\(kind.italian)»"
        guard actor == kind.actor else {
            throw AppraisalWorkflowError(message: "\(label) spetta \(kind.actor.italianDative), non \(actor.italianDative).")
        }
        let origins = origins(kind, rules)
        if origins.isEmpty {
            throw AppraisalWorkflowError(message: kind == .selfAssess
                ? "Il sistema di valutazione non prevede l'autovalutazione per questa scheda."
                : "Il sistema di valutazione non prevede la proposta dell'OIV per questa scheda.")
        }
        guard origins.contains(progress.state) else {
            let possible = available(progress, rules: rules, today: today).map { "«\($0.italian)» (\($0.actor.italian))" }
            let hint = possible.isEmpty ? "." : ": il passo possibile ora è " + possible.joined(separator: " oppure ") + "."
            throw AppraisalWorkflowError(message: "\(label) non è possibile con la scheda nello stato «\(progress.state.italian)»" + hint)
        }
        if let problem = timingProblem(kind, progress, rules, today) { throw AppraisalWorkflowError(message: problem) }
        var next = progress
        switch action {
        case .communicateObjectives:
            next.objectivesCommunicatedOn = today
        case .acknowledgeObjectives, .acceptEvaluation:
            break
        case .recordMidYearCheck(let day, let notes):
            next.midYearCheck = AppraisalProgress.DatedNote(day: day, notes: try text(notes, "Indicare l'esito della verifica intermedia."))
        case .selfAssess(let text):
            next.selfAssessment = try self.text(text, "Scrivere l'autovalutazione.")
        case .propose(let notes):
            next.oivProposal = try text(notes, "Scrivere la proposta dell'OIV.")
        case .evaluate:
            guard complete else {
                let what = missing.isEmpty ? "." : ": manca " + missing.joined(separator: ", ") + "."
                throw AppraisalWorkflowError(message: "La valutazione non è completa" + what + " Completarla prima di confermarla.")
            }
        case .recordInterview(let day, let notes):
            next.interview = AppraisalProgress.DatedNote(day: day, notes: try text(notes, "Indicare che cosa è emerso nel colloquio."))
        case .deliver:
            next.deliveredOn = today
        case .requestReview(let reasons):
            next.review = AppraisalProgress.Review(requestedOn: today, reasons: try text(reasons, "Indicare le motivazioni della richiesta di riesame."))
        case .decideReview(let outcome, let reasons):
            next.review?.outcome = outcome
            next.review?.decisionReasons = try text(reasons, "Indicare le motivazioni dell'esito del riesame.")
            next.review?.decidedOn = today
            next.review?.decidedBy = rules.reviewDecidedBy
        case .close:
            break
        }
        next.state = destination(kind)
        next.history.append(AppraisalProgress.Event(action: kind, actor: actor, user: user, at: moment))
        return next
    }

    /// The steps anyone may take now, in the workflow's order (for «prossimo passo»).
    public static func available(_ progress: AppraisalProgress, rules: AppraisalWorkflowRules, today: Day) -> [AppraisalAction.Kind] {
        AppraisalAction.Kind.allCases.filter { kind in
            origins(kind, rules).contains(progress.state) && timingProblem(kind, progress, rules, today) == nil
        }
    }

    /// Why a delivered scheda's review or closing is not possible today: a review only until the deadline (that day
    /// included), the closing only after it. Without a delivery day the person keeps the right to a review and the
    /// scheda stays open until they accept or ask for one.
    private static func timingProblem(_ kind: AppraisalAction.Kind, _ progress: AppraisalProgress, _ rules: AppraisalWorkflowRules,
                                      _ today: Day) -> String? {
        guard progress.state == .delivered else { return nil }
        let deadline = reviewDeadline(progress, rules)
        switch kind {
        case .requestReview:
            guard let deadline, today > deadline else { return nil }
            return "Il termine per chiedere il riesame è scaduto il \(deadline.italian)."
        case .close:
            guard let deadline else {
                return "La data di consegna non è registrata: la scheda si chiude dopo la presa visione o l'esito del riesame."
            }
            guard today <= deadline else { return nil }
            return "La scheda si può chiudere dopo il \(deadline.italian): fino a quel giorno il valutato può chiedere il riesame."
        default:
            return nil
        }
    }

    /// The steps `actor` may take now (for the pages' «prossima azione»).
    public static func available(_ progress: AppraisalProgress, actor: AppraisalActor, rules: AppraisalWorkflowRules, today: Day) -> [AppraisalAction.Kind] {
        available(progress, rules: rules, today: today).filter { $0.actor == actor }
    }

    /// Whether `actor` may change a part of the scheda in `state`: the evaluator sets the objectives before they are
    /// acknowledged and revises them at the mid-year check, and rates until the evaluation is confirmed; after a review
    /// whose outcome changed the evaluation, the HR office enters the changed ratings before closing.
    public static func mayEdit(_ part: Part, progress: AppraisalProgress, actor: AppraisalActor) -> Bool {
        switch (part, actor) {
        case (.objectives, .evaluator): return [.draft, .objectivesAcknowledged].contains(progress.state)
        case (.ratings, .evaluator): return [.midYearChecked, .selfAssessed, .proposed].contains(progress.state)
        case (.ratings, .hr): return progress.state == .reviewDecided && progress.review?.outcome == .changed
        default: return false
        }
    }

    private static func text(_ text: String, _ missing: String) throws(AppraisalWorkflowError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw AppraisalWorkflowError(message: missing) }
        if let problem = ValueLimits.textProblem(trimmed, .note) { throw AppraisalWorkflowError(message: "Testo non accettato: \(problem).") }
        return trimmed
    }
}
