import Foundation
import Performa
import PerformaStore

/// The workflow's part of a scheda page: the state, the next step and who takes it, what was recorded, a form for
/// each step the user may take now, and the history.
struct AppraisalWorkflowView: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
    }

    struct Action: Sendable {
        var kind: String
        var label: String
        var help: String?
        var needsDay: Bool
        var needsOutcome: Bool
        var textLabel: String?
        var textRequired: Bool
        var action: String
        var version: String
        var year: String
        var today: String
    }

    struct Event: Sendable {
        var when: String
        var action: String
        var who: String
    }

    var state: String
    var next: String?
    var facts: [Fact]
    var hasFacts: Bool
    var actions: [Action]
    var history: [Event]
    var hasHistory: Bool
    var historyCount: String

    init(record: StoredAppraisal, rules: AppraisalWorkflowRules, actors: Set<AppraisalActor>, today: Day, action: String, names: (String) -> String) {
        let progress = record.progress
        state = progress.state.italian
        let available = AppraisalWorkflow.available(progress, rules: rules, today: today)
        next = available.isEmpty ? nil : available.map { "\($0.italian.lowercased()) (\($0.actor.italian))" }.joined(separator: " oppure ")
        facts = progress.facts.map { Fact(label: $0.label, value: $0.value) }
        if let deadline = AppraisalWorkflow.reviewDeadline(progress, rules), progress.state == .delivered {
            facts.append(Fact(label: "Riesame", value: "si può chiedere fino al \(deadline.italian)"))
        }
        hasFacts = !facts.isEmpty
        actions = available.filter { actors.contains($0.actor) }.map { kind in
            Self.form(kind, action: action, version: record.rowVersion, year: record.year, today: today)
        }
        history = progress.history.reversed().map { event in
            Event(when: Display.moment(event.at), action: event.action.italian, who: "\(names(event.user)) (\(event.actor.italian))")
        }
        hasHistory = !history.isEmpty
        historyCount = String(history.count)
    }

    /// The fields each step asks for.
    static func form(_ kind: AppraisalAction.Kind, action: String, version: Int, year: Int, today: Day) -> Action {
        var form = Action(kind: kind.rawValue, label: kind.italian, help: nil, needsDay: false, needsOutcome: false, textLabel: nil, textRequired: false,
                          action: action, version: String(version), year: String(year), today: today.description)
        switch kind {
        case .recordMidYearCheck: form.needsDay = true; form.textLabel = "Esito della verifica"; form.textRequired = true
        case .selfAssess: form.textLabel = "Autovalutazione"; form.textRequired = true
        case .propose: form.textLabel = "Proposta dell'OIV"; form.textRequired = true
        case .recordInterview: form.needsDay = true; form.textLabel = "Che cosa è emerso nel colloquio"; form.textRequired = true
        case .requestReview:
            form.textLabel = "Motivazioni della richiesta di riesame"; form.textRequired = true
            form.help = "La richiesta va motivata; la decide chi il sistema di valutazione indica, sentito il valutatore."
        case .decideReview: form.needsOutcome = true; form.textLabel = "Motivazioni dell'esito"; form.textRequired = true
        case .evaluate: form.help = "Conferma la valutazione come calcolata qui sotto: dopo non si modificano più i giudizi."
        case .deliver: form.help = "La persona riceve la scheda e da quel giorno decorre il termine per chiedere il riesame."
        default: break
        }
        return form
    }
}

/// The form to rate the behaviours, while the workflow lets the user do it.
struct AppraisalRatingForm: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Field: Sendable {
        var id: String
        var title: String
        var description: String?
        var options: [Option]
        var comment: String
    }

    var action: String
    var version: String
    var year: String
    var fields: [Field]

    init(profile: AppraisalProfile, scale: RatingScale, record: StoredAppraisal, action: String) {
        self.action = action
        version = String(record.rowVersion)
        year = String(record.year)
        fields = profile.behaviours.map { behaviour in
            let given = record.input.ratings.first { $0.behaviour == behaviour.id }
            return Field(id: behaviour.id, title: behaviour.title, description: behaviour.description,
                         options: (scale.minimum...scale.maximum).map { Option(value: String($0), label: scale.label($0) ?? "", selected: given?.rating == $0) },
                         comment: given?.comment ?? "")
        }
    }
}
