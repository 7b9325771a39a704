import Foundation
@testable import Performa
import Testing

/// The appraisal workflow: every legal step, every illegal one refused with an Italian reason, the review deadline,
/// the optional self-assessment and OIV proposal, and the history.
@Suite("Appraisal workflow")
struct AppraisalWorkflowTests {
    static let plain = AppraisalWorkflowRules(selfAssessment: false, proposedByOIV: false, reviewDeadlineDays: 15)
    static let dirigente = AppraisalWorkflowRules(selfAssessment: true, proposedByOIV: true, reviewDeadlineDays: 15)
    static let now = Date(timeIntervalSince1970: 1_640_000_000)
    static let today = Day(2022, 1, 20)

    static func action(_ kind: AppraisalAction.Kind) -> AppraisalAction {
        switch kind {
        case .communicateObjectives: return .communicateObjectives
        case .acknowledgeObjectives: return .acknowledgeObjectives
        case .recordMidYearCheck: return .recordMidYearCheck(day: Day(2021, 7, 15), notes: "Obiettivi confermati")
        case .selfAssess: return .selfAssess(text: "Obiettivi raggiunti")
        case .propose: return .propose(notes: "Proposta: comportamenti buoni")
        case .evaluate: return .evaluate
        case .recordInterview: return .recordInterview(day: Day(2022, 1, 18), notes: "Colloquio sereno")
        case .deliver: return .deliver
        case .acceptEvaluation: return .acceptEvaluation
        case .requestReview: return .requestReview(reasons: "Non condivido il giudizio sul comportamento 2")
        case .decideReview: return .decideReview(outcome: .confirmed, reasons: "Sentito il valutatore")
        case .close: return .close
        }
    }

    /// Walks `kinds` from the start, each by its own actor.
    static func walk(_ kinds: [AppraisalAction.Kind], rules: AppraisalWorkflowRules, today: Day = today) throws -> AppraisalProgress {
        var progress = AppraisalProgress.initial
        for kind in kinds {
            progress = try AppraisalWorkflow.apply(action(kind), to: progress, by: kind.actor, user: "u-\(kind.actor.rawValue)", at: now,
                                                   today: today, rules: rules, complete: true)
        }
        return progress
    }

    static let plainPath: [AppraisalAction.Kind] = [.communicateObjectives, .acknowledgeObjectives, .recordMidYearCheck, .evaluate,
                                                    .recordInterview, .deliver, .requestReview, .decideReview, .close]
    static let dirigentePath: [AppraisalAction.Kind] = [.communicateObjectives, .acknowledgeObjectives, .recordMidYearCheck, .selfAssess, .propose,
                                                        .evaluate, .recordInterview, .deliver, .acceptEvaluation, .close]

    @Test("the employee's path and the dirigente's path, each step recorded with actor, user and time")
    func legalPaths() throws {
        let employee = try Self.walk(Self.plainPath, rules: Self.plain)
        #expect(employee.state == .closed)
        #expect(employee.history.map(\.action) == Self.plainPath)
        #expect(employee.history.allSatisfy { $0.user == "u-\($0.actor.rawValue)" && $0.at == Self.now })
        #expect(employee.review?.outcome == .confirmed && employee.review?.reasons == "Non condivido il giudizio sul comportamento 2")
        #expect(employee.interview?.day == Day(2022, 1, 18) && employee.deliveredOn == Self.today)
        #expect(employee.facts.map(\.label).contains("Colloquio"))

        // Closing right after the delivery is refused until the review deadline has passed.
        let delivered = try Self.walk(Array(Self.dirigentePath.prefix(8)), rules: Self.dirigente)
        #expect(throws: AppraisalWorkflowError.self) {
            try AppraisalWorkflow.apply(.close, to: delivered, by: .hr, user: "hr", at: Self.now, today: Self.today, rules: Self.dirigente, complete: true)
        }
        let late = try AppraisalWorkflow.apply(.close, to: delivered, by: .hr, user: "hr", at: Self.now, today: Self.today.adding(days: 16),
                                               rules: Self.dirigente, complete: true)
        #expect(late.state == .closed)
        let manager = try Self.walk(Self.dirigentePath, rules: Self.dirigente)
        #expect(manager.state == .closed && manager.selfAssessment != nil && manager.oivProposal != nil)
    }

    /// The four ways an SMVP may shape the workflow: self-assessment and OIV proposal each on or off.
    static let variants: [AppraisalWorkflowRules] = [false, true].flatMap { selfAssessment in
        [false, true].map { AppraisalWorkflowRules(selfAssessment: selfAssessment, proposedByOIV: $0, reviewDeadlineDays: 15,
                                                   reviewDecidedBy: "Segretario Generale") }
    }

    /// The legal steps written out by hand, independently of the implementation: (from, step) under `rules`.
    /// Closing a delivered scheda and asking a review also depend on the deadline (checked in the loop).
    static func table(_ rules: AppraisalWorkflowRules) -> Set<String> {
        var steps: [(AppraisalState, AppraisalAction.Kind)] = [
            (.draft, .communicateObjectives), (.objectivesCommunicated, .acknowledgeObjectives),
            (.objectivesAcknowledged, .recordMidYearCheck), (.evaluated, .recordInterview), (.interviewed, .deliver),
            (.delivered, .acceptEvaluation), (.delivered, .requestReview), (.delivered, .close), (.reviewRequested, .decideReview),
            (.accepted, .close), (.reviewDecided, .close),
        ]
        switch (rules.selfAssessment, rules.proposedByOIV) {
        case (false, false): steps += [(.midYearChecked, .evaluate)]
        case (true, false): steps += [(.midYearChecked, .selfAssess), (.selfAssessed, .evaluate)]
        case (false, true): steps += [(.midYearChecked, .propose), (.proposed, .evaluate)]
        case (true, true): steps += [(.midYearChecked, .selfAssess), (.selfAssessed, .propose), (.proposed, .evaluate)]
        }
        return Set(steps.map { "\($0.0.rawValue)>\($0.1.rawValue)" })
    }

    static let deliveredOn = Day(2022, 2, 28)
    static let lastReviewDay = Day(2022, 3, 15)

    /// A scheda in `state` with the facts that state implies (delivered on 28/02/2022, a review asked where there is one).
    static func scheda(in state: AppraisalState) -> AppraisalProgress {
        var progress = AppraisalProgress(state: state, history: [])
        let afterDelivery: [AppraisalState] = [.delivered, .accepted, .reviewRequested, .reviewDecided, .closed]
        if afterDelivery.contains(state) { progress.deliveredOn = deliveredOn }
        if [.reviewRequested, .reviewDecided].contains(state) {
            progress.review = AppraisalProgress.Review(requestedOn: deliveredOn, reasons: "Motivi")
        }
        return progress
    }

    @Test("every state × step × actor: the steps in the table are taken and recorded, every other is refused with an Italian reason",
          arguments: variants)
    func everyCombination(rules: AppraisalWorkflowRules) throws {
        let table = Self.table(rules)
        var taken = 0, refused = 0
        for state in AppraisalState.allCases {
            let progress = Self.scheda(in: state)
            for today in [Self.lastReviewDay, Self.lastReviewDay.adding(days: 1)] {
                let beforeDeadline = today <= Self.lastReviewDay
                for kind in AppraisalAction.Kind.allCases {
                    for actor in AppraisalActor.allCases {
                        var legal = actor == kind.actor && table.contains("\(state.rawValue)>\(kind.rawValue)")
                        if state == .delivered && kind == .requestReview { legal = legal && beforeDeadline }
                        if state == .delivered && kind == .close { legal = legal && !beforeDeadline }
                        #expect(AppraisalWorkflow.available(progress, actor: actor, rules: rules, today: today).contains(kind) == legal,
                                "available: \(kind) by \(actor) in \(state)")
                        do {
                            let next = try AppraisalWorkflow.apply(Self.action(kind), to: progress, by: actor, user: "utente-\(actor.rawValue)",
                                                                   at: Self.now, today: today, rules: rules, complete: true)
                            #expect(legal, "\(kind) by \(actor) in \(state) must be refused")
                            #expect(next.state == AppraisalWorkflow.destination(kind))
                            #expect(next.history == [AppraisalProgress.Event(action: kind, actor: actor, user: "utente-\(actor.rawValue)", at: Self.now)])
                            taken += 1
                        } catch {
                            #expect(!legal, "\(kind) by \(actor) in \(state) must be allowed: \(error.message)")
                            Self.expectItalianReason(error.message)
                            refused += 1
                        }
                    }
                }
            }
        }
        // 13 states × 12 steps × 4 actors × 2 days.
        #expect(taken + refused == 13 * 12 * 4 * 2)
        #expect(taken == 2 * (table.count - 2) + 2, "each step of the table on both days, but asking a review or closing a delivered scheda on one")
    }

    /// A reason is a sentence in Italian: it starts with a capital or a quoted step, ends with a full stop, and uses
    /// the workflow's Italian words, never the code's names.
    static func expectItalianReason(_ message: String) {
        #expect(message.count > 20 && message.hasSuffix("."), "a sentence: \(message)")
        #expect(message.first.map { $0.isUppercase || $0 == "«" } == true, "\(message)")
        let codeNames = AppraisalState.allCases.map(\.rawValue) + AppraisalAction.Kind.allCases.map(\.rawValue)
        #expect(!codeNames.contains { message.contains($0) }, "no code names: \(message)")
        let italianWords = ["non", "il", "la", "è", "spetta", "prevede", "Indicare", "Scrivere"]
        #expect(italianWords.contains { message.split(separator: " ").contains(Substring($0)) }, "Italian: \(message)")
    }

    @Test("the paths with only the self-assessment and with only the OIV proposal")
    func optionalSteps() throws {
        let selfOnly = AppraisalWorkflowRules(selfAssessment: true, proposedByOIV: false, reviewDeadlineDays: 15)
        let oivOnly = AppraisalWorkflowRules(selfAssessment: false, proposedByOIV: true, reviewDeadlineDays: 15)
        let start: [AppraisalAction.Kind] = [.communicateObjectives, .acknowledgeObjectives, .recordMidYearCheck]
        let end: [AppraisalAction.Kind] = [.evaluate, .recordInterview, .deliver, .acceptEvaluation]
        let assessed = try Self.walk(start + [.selfAssess] + end, rules: selfOnly)
        #expect(assessed.state == .accepted && assessed.selfAssessment == "Obiettivi raggiunti" && assessed.oivProposal == nil)
        let proposed = try Self.walk(start + [.propose] + end, rules: oivOnly)
        #expect(proposed.state == .accepted && proposed.oivProposal == "Proposta: comportamenti buoni" && proposed.selfAssessment == nil)
        // Skipping a step the SMVP asks for is refused, naming the step to take.
        #expect(throws: AppraisalWorkflowError.self) { try Self.walk(start + [.evaluate], rules: selfOnly) }
        #expect(throws: AppraisalWorkflowError.self) { try Self.walk(start + [.evaluate], rules: oivOnly) }
        #expect(throws: AppraisalWorkflowError(message: "Il sistema di valutazione non prevede la proposta dell'OIV per questa scheda.")) {
            try Self.walk(start + [.propose], rules: selfOnly)
        }
        // The rules read from the SMVP: the Brescia example's dirigenti are proposed by the OIV.
        let smvp = SMVP(id: "s", title: "SMVP", organization: "o", fromYear: 2021, scale: RatingScale(minimum: 1, maximum: 5),
                        minimumServiceMonths: 3, reviewDeadlineDays: 30, profiles: [])
        var profile = AppraisalProfile(id: "dir", title: "Dirigenti", categories: [.dirigente], components: [], behaviours: [], selfAssessment: true)
        profile.proposedByOIV = true
        #expect(AppraisalWorkflowRules(smvp: smvp, profile: profile) == AppraisalWorkflowRules(selfAssessment: true, proposedByOIV: true, reviewDeadlineDays: 30))
        #expect(AppraisalWorkflowRules(smvp: smvp, profile: nil) == AppraisalWorkflowRules(selfAssessment: false, proposedByOIV: false, reviewDeadlineDays: 30))
    }

    @Test("a scheda delivered without a recorded day: the review may still be asked, the closing waits for the person")
    func deliveredWithoutDay() throws {
        let delivered = AppraisalProgress(state: .delivered, history: [])
        let late = Day(2030, 1, 1)
        #expect(AppraisalWorkflow.available(delivered, rules: Self.plain, today: late) == [.acceptEvaluation, .requestReview])
        #expect(try AppraisalWorkflow.apply(.requestReview(reasons: "motivi"), to: delivered, by: .person, user: "u", at: Self.now, today: late,
                                            rules: Self.plain, complete: true).state == .reviewRequested)
        #expect(throws: AppraisalWorkflowError(message: "La data di consegna non è registrata: la scheda si chiude dopo la presa visione o l'esito del riesame.")) {
            try AppraisalWorkflow.apply(.close, to: delivered, by: .hr, user: "hr", at: Self.now, today: late, rules: Self.plain, complete: true)
        }
    }

    @Test("texts are trimmed, required, at most 10.000 characters and free of control characters")
    func texts() throws {
        let checked = try Self.walk(Array(Self.plainPath.prefix(2)), rules: Self.plain)
        func check(_ notes: String) throws(AppraisalWorkflowError) -> AppraisalProgress {
            try AppraisalWorkflow.apply(.recordMidYearCheck(day: Day(2021, 7, 1), notes: notes), to: checked, by: .evaluator, user: "v",
                                        at: Self.now, today: Self.today, rules: Self.plain, complete: true)
        }
        #expect(try check("  In linea con gli obiettivi \n").midYearCheck == AppraisalProgress.DatedNote(day: Day(2021, 7, 1), notes: "In linea con gli obiettivi"))
        #expect(try check(String(repeating: "à", count: 10_000)).midYearCheck?.notes.count == 10_000)
        #expect(throws: AppraisalWorkflowError(message: "Testo non accettato: testo troppo lungo: 10.001 caratteri, il massimo è 10.000.")) {
            try check(String(repeating: "a", count: 10_001))
        }
        #expect(throws: AppraisalWorkflowError(message: "Testo non accettato: il testo contiene un carattere di controllo non ammesso (U+0000).")) {
            try check("note\u{0}")
        }
        #expect(throws: AppraisalWorkflowError(message: "Indicare l'esito della verifica intermedia.")) { try check(" \t ") }
        let reviewed = try Self.walk(Array(Self.plainPath.prefix(7)), rules: Self.plain)
        #expect(throws: AppraisalWorkflowError(message: "Indicare le motivazioni dell'esito del riesame.")) {
            try AppraisalWorkflow.apply(.decideReview(outcome: .changed, reasons: ""), to: reviewed, by: .hr, user: "hr", at: Self.now,
                                        today: Self.today, rules: Self.plain, complete: true)
        }
    }

    @Test("the history keeps each step's actor, user and time in order; the review's decision names who decided")
    func history() throws {
        let rules = AppraisalWorkflowRules(selfAssessment: false, proposedByOIV: false, reviewDeadlineDays: 15, reviewDecidedBy: "Segretario Generale")
        var progress = AppraisalProgress.initial
        let steps: [(AppraisalAction, AppraisalActor, String)] = [
            (.communicateObjectives, .evaluator, "rossi"), (.acknowledgeObjectives, .person, "bianchi"),
            (Self.action(.recordMidYearCheck), .evaluator, "rossi"), (.evaluate, .evaluator, "verdi"),
            (Self.action(.recordInterview), .evaluator, "rossi"), (.deliver, .evaluator, "rossi"),
            (Self.action(.requestReview), .person, "bianchi"), (.decideReview(outcome: .changed, reasons: "Comportamento 2 rivisto"), .hr, "neri"),
            (.close, .hr, "neri"),
        ]
        for (index, (action, actor, user)) in steps.enumerated() {
            progress = try AppraisalWorkflow.apply(action, to: progress, by: actor, user: user, at: Self.now.addingTimeInterval(Double(index) * 3_600),
                                                   today: Self.today, rules: rules, complete: true)
        }
        #expect(progress.history == steps.enumerated().map { index, step in
            AppraisalProgress.Event(action: step.0.kind, actor: step.1, user: step.2, at: Self.now.addingTimeInterval(Double(index) * 3_600))
        })
        #expect(progress.review?.outcome == .changed && progress.review?.decisionReasons == "Comportamento 2 rivisto")
        #expect(progress.review?.decidedOn == Self.today && progress.review?.decidedBy == "Segretario Generale")
        #expect(progress.objectivesCommunicatedOn == Self.today)
        #expect(progress.facts.contains { $0.label == "Esito del riesame (20/01/2022), deciso da Segretario Generale" })
        // The record survives a round trip through JSON, as the store keeps it.
        let decoded = try JSONDecoder().decode(AppraisalProgress.self, from: JSONEncoder().encode(progress))
        #expect(decoded == progress)
    }

    @Test("the reasons say what to do instead")
    func reasons() throws {
        let evaluated = try Self.walk(Array(Self.plainPath.prefix(4)), rules: Self.plain)
        do {
            _ = try AppraisalWorkflow.apply(.deliver, to: evaluated, by: .evaluator, user: "u", at: Self.now, today: Self.today, rules: Self.plain, complete: true)
            Issue.record("delivered before the colloquio")
        } catch {
            #expect(error.message == "«Consegna la valutazione» non è possibile con la scheda nello stato «valutata»: il passo possibile ora è «Registra il colloquio» (valutatore).")
        }
        do {
            _ = try AppraisalWorkflow.apply(.communicateObjectives, to: .initial, by: .person, user: "u", at: Self.now, today: Self.today, rules: Self.plain, complete: true)
        } catch {
            #expect(error.message == "«Comunica gli obiettivi» spetta al valutatore, non al valutato.")
        }
        #expect(throws: AppraisalWorkflowError(message: "«Chiudi la scheda» spetta all'ufficio personale, non all'OIV.")) {
            try AppraisalWorkflow.apply(.close, to: .initial, by: .oiv, user: "u", at: Self.now, today: Self.today, rules: Self.plain, complete: true)
        }
        #expect(throws: AppraisalWorkflowError(message: "Il termine per chiedere il riesame è scaduto il 15/03/2022.")) {
            try AppraisalWorkflow.apply(.requestReview(reasons: "motivi"), to: Self.scheda(in: .delivered), by: .person, user: "u", at: Self.now, today: Day(2022, 3, 16),
                                        rules: Self.plain, complete: true)
        }
        let checked = try Self.walk(Array(Self.plainPath.prefix(3)), rules: Self.plain)
        do {
            _ = try AppraisalWorkflow.apply(.evaluate, to: checked, by: .evaluator, user: "u", at: Self.now, today: Self.today, rules: Self.plain,
                                            complete: false, missing: ["comportamenti"])
        } catch {
            #expect(error.message.contains("non è completa: manca comportamenti"))
        }
        do {
            _ = try AppraisalWorkflow.apply(.selfAssess(text: "x"), to: checked, by: .person, user: "u", at: Self.now, today: Self.today, rules: Self.plain, complete: true)
        } catch {
            #expect(error.message.contains("non prevede l'autovalutazione"))
        }
        let delivered = try Self.walk(Array(Self.plainPath.prefix(6)), rules: Self.plain)
        for blank in ["", "   \n "] {
            #expect(throws: AppraisalWorkflowError(message: "Indicare le motivazioni della richiesta di riesame.")) {
                try AppraisalWorkflow.apply(.requestReview(reasons: blank), to: delivered, by: .person, user: "u", at: Self.now, today: Self.today,
                                            rules: Self.plain, complete: true)
            }
        }
    }

    @Test("a review may be asked on the deadline's last day, not the day after")
    func reviewDeadline() throws {
        let delivered = try Self.walk(Array(Self.plainPath.prefix(6)), rules: Self.plain)
        let last = Self.today.adding(days: 15)
        let asked = try AppraisalWorkflow.apply(.requestReview(reasons: "motivi"), to: delivered, by: .person, user: "u", at: Self.now, today: last,
                                                rules: Self.plain, complete: true)
        #expect(asked.state == .reviewRequested)
        #expect(AppraisalWorkflow.available(delivered, rules: Self.plain, today: last) == [.acceptEvaluation, .requestReview])
        #expect(AppraisalWorkflow.available(delivered, rules: Self.plain, today: last.adding(days: 1)) == [.acceptEvaluation, .close])
        #expect(throws: AppraisalWorkflowError(message: "Il termine per chiedere il riesame è scaduto il \(last.italian).")) {
            try AppraisalWorkflow.apply(.requestReview(reasons: "motivi"), to: delivered, by: .person, user: "u", at: Self.now, today: last.adding(days: 1),
                                        rules: Self.plain, complete: true)
        }
    }

    @Test("who edits what when")
    func editing() throws {
        #expect(AppraisalWorkflow.mayEdit(.objectives, progress: .initial, actor: .evaluator))
        #expect(!AppraisalWorkflow.mayEdit(.objectives, progress: .initial, actor: .person))
        let checked = try Self.walk(Array(Self.plainPath.prefix(3)), rules: Self.plain)
        #expect(AppraisalWorkflow.mayEdit(.ratings, progress: checked, actor: .evaluator))
        #expect(!AppraisalWorkflow.mayEdit(.ratings, progress: checked, actor: .hr))
        var changed = try Self.walk(Array(Self.plainPath.prefix(7)), rules: Self.plain)
        changed = try AppraisalWorkflow.apply(.decideReview(outcome: .changed, reasons: "Rivisto"), to: changed, by: .hr, user: "hr", at: Self.now,
                                              today: Self.today, rules: Self.plain, complete: true)
        #expect(AppraisalWorkflow.mayEdit(.ratings, progress: changed, actor: .hr))
        #expect(!AppraisalWorkflow.mayEdit(.ratings, progress: changed, actor: .evaluator))
    }

    @Test("who edits what, in every state: the objectives and the ratings, each actor, the review changed or confirmed")
    func editingInEveryState() {
        for state in AppraisalState.allCases {
            for outcome in [AppraisalAction.ReviewOutcome.confirmed, .changed] {
                var progress = Self.scheda(in: state)
                progress.review?.outcome = outcome
                for actor in AppraisalActor.allCases {
                    let objectives = actor == .evaluator && [.draft, .objectivesAcknowledged].contains(state)
                    let ratings = (actor == .evaluator && [.midYearChecked, .selfAssessed, .proposed].contains(state))
                        || (actor == .hr && state == .reviewDecided && outcome == .changed)
                    #expect(AppraisalWorkflow.mayEdit(.objectives, progress: progress, actor: actor) == objectives, "objectives, \(actor), \(state)")
                    #expect(AppraisalWorkflow.mayEdit(.ratings, progress: progress, actor: actor) == ratings, "ratings, \(actor), \(state), \(outcome)")
                }
            }
        }
    }

    @Test("day arithmetic round-trips across months, leap years and centuries")
    func days() {
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) { #expect(Day(ordinal: ordinal).ordinal == ordinal) }
        #expect(Day(2024, 2, 28).adding(days: 1) == Day(2024, 2, 29))
        #expect(Day(2021, 12, 31).adding(days: 15) == Day(2022, 1, 15))
    }
}
