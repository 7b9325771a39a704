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

    @Test("every step not in the table — wrong state, wrong actor, not foreseen by the SMVP — is refused with an Italian reason",
          arguments: [plain, dirigente])
    func everyIllegalStepIsRefused(rules: AppraisalWorkflowRules) throws {
        // Every reachable state, with the path that reaches it.
        let path = rules == Self.plain ? Self.plainPath : Self.dirigentePath
        var reached: [AppraisalProgress] = [.initial]
        for index in path.indices { reached.append(try Self.walk(Array(path.prefix(index + 1)), rules: rules)) }
        var refused = 0
        for progress in reached {
            for kind in AppraisalAction.Kind.allCases {
                for actor in AppraisalActor.allCases {
                    let legal = actor == kind.actor && AppraisalWorkflow.origins(kind, rules).contains(progress.state)
                        && !(kind == .close && progress.state == .delivered)
                    do {
                        let next = try AppraisalWorkflow.apply(Self.action(kind), to: progress, by: actor, user: "u", at: Self.now, today: Self.today,
                                                               rules: rules, complete: true)
                        #expect(legal, "\(kind) by \(actor) in \(progress.state) must be refused")
                        #expect(next.state == AppraisalWorkflow.destination(kind))
                    } catch {
                        #expect(!legal, "\(kind) by \(actor) in \(progress.state) must be allowed: \(error.message)")
                        #expect(error.message.count > 20 && error.message.contains(" "), "a reason in words: \(error.message)")
                        refused += 1
                    }
                }
            }
        }
        #expect(refused > 400)
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

    @Test("day arithmetic round-trips across months, leap years and centuries")
    func days() {
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) { #expect(Day(ordinal: ordinal).ordinal == ordinal) }
        #expect(Day(2024, 2, 28).adding(days: 1) == Day(2024, 2, 29))
        #expect(Day(2021, 12, 31).adding(days: 15) == Day(2022, 1, 15))
    }
}
