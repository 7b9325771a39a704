import Performa
import PerformaStore

/// The PIAO's 2.3 register as the RPCT keeps it: the mapped processes, the risk events with their rating, the
/// prevention measures with their state at a checkpoint (each links to where its values are entered: its own page
/// `MPC.n`, or the objective it is), and the transparency obligations.
struct RiskRegisterView: Sendable {
    struct ProcessLine: Sendable {
        var code: String
        var title: String
        var area: String
        var unit: String
        var events: String
        var editHref: String?
        var newEventHref: String?
    }

    struct EventLine: Sendable {
        var code: String
        var description: String
        var factors: String
        var exposure: String
        var rating: String
        var css: String
        var motivation: String?
        var editHref: String?
    }

    struct MeasureLine: Sendable {
        var line: ScoreLine
        var kind: String
        var owner: String
        var timing: String
        var risks: String
        var monitoring: String
        var editHref: String?
    }

    struct ObligationLine: Sendable {
        var section: String
        var content: String
        var reference: String
        var office: String
        var update: String
    }

    let page: PageChrome
    let present: Bool
    let method: String
    let filter: CheckpointFilter
    let checkpoint: String
    let sections: [TextSection]
    let processes: [ProcessLine]
    let events: [EventLine]
    let measures: [MeasureLine]
    let obligations: [ObligationLine]
    let newMeasureHref: String?
    let newProcessHref: String?
    let transparencyHref: String?
    let hasObligations: Bool

    init(snapshot: PlanSnapshot, context: WebRequestContext, selected: Day, mayEdit: Bool, notices: [Notice]) {
        let plan = snapshot.plan
        let id = snapshot.id
        page = PageChrome(title: "PIAO – Rischi corruttivi e trasparenza", section: .piao, plan: snapshot.stored, context: context,
                          breadcrumbs: [.init(label: "PIAO", href: Paths.piao(id))],
                          notices: notices)
        let register = plan.piao?.risks
        present = register != nil
        let ratingMethod = register?.ratingMethod ?? .qualitative
        method = ratingMethod.italian
        filter = CheckpointFilter(snapshot: snapshot, selected: selected, action: Paths.piaoRisks(id))
        checkpoint = Display.checkpoint(selected)
        sections = (register?.sections ?? []).map { TextSection($0, prefix: "rischi-") }
        func unit(_ id: String?) -> String { id.map { id in plan.organization.units?.first { $0.id == id }?.name ?? id } ?? "—" }
        func manager(_ id: String?) -> String { id.map { id in plan.organization.managers.first { $0.id == id }?.name ?? id } ?? "—" }
        processes = (register?.processes ?? []).map {
            ProcessLine(code: $0.code, title: $0.title, area: $0.area.italian, unit: unit($0.unit), events: $0.events.map(\.code).joined(separator: ", "),
                        editHref: mayEdit ? Paths.piaoProcess(id, $0.code) : nil,
                        newEventHref: mayEdit ? Paths.piaoEvent(id, $0.code, PIAOPages.newEntry) : nil)
        }
        events = (register?.processes ?? []).flatMap { process in process.events.map { (process.code, $0) } }.map { process, event in
            let level = event.assessment?.level(by: ratingMethod)
            let css: String
            switch level {
            case .high: css = "badge bg-danger"
            case .medium: css = "badge bg-warning text-dark"
            case .low: css = "badge bg-success"
            case nil: css = "badge bg-secondary"
            }
            var exposure = (event.assessment?.exposure ?? []).map { "\($0.indicator.italian): \($0.level.italian)" }
            if let score = event.assessment?.numericScore { exposure.append("P×I = \(score)") }
            return EventLine(code: event.code, description: event.description, factors: (event.factors ?? []).joined(separator: "; "),
                             exposure: exposure.joined(separator: "; "), rating: level?.italian ?? "non valutato", css: css,
                             motivation: event.assessment?.motivation, editHref: mayEdit ? Paths.piaoEvent(id, process, event.code) : nil)
        }
        let card = snapshot.scorecard(at: selected)
        measures = PIAOScores(plan: plan, scorecard: card).measures.map { scored in
            let measure = scored.measure
            let score = scored.score ?? Score(computed: nil, status: .notApplicable)
            let monitoring = measure.objective.map { "È l'obiettivo \($0) del piano: si monitora con i suoi indicatori." }
                ?? scored.indicators.map { "\($0.key.number). \($0.title): \($0.target?.text ?? "—") → \($0.measurement?.text ?? "nessun valore")" }.joined(separator: "; ")
            return MeasureLine(
                line: ScoreLine(code: measure.key, title: measure.title, href: Paths.objective(id, measure.monitoredKey), weight: nil, score: score, cap: card.policy.cap),
                kind: measure.kind.italian + (measure.type.map { " – \($0)" } ?? ""), owner: manager(measure.owner), timing: measure.timing ?? "—",
                risks: (measure.risks ?? []).joined(separator: ", "), monitoring: monitoring,
                editHref: mayEdit ? Paths.piaoMeasure(id, measure.code) : nil)
        }
        obligations = (register?.transparency ?? []).map {
            ObligationLine(section: $0.section + ($0.subsection.map { " – \($0)" } ?? ""), content: $0.content, reference: $0.reference ?? "—",
                           office: unit($0.office), update: $0.update.italian)
        }
        hasObligations = !obligations.isEmpty
        newMeasureHref = mayEdit && register != nil ? Paths.piaoMeasure(id, PIAOPages.newMeasure) : nil
        newProcessHref = mayEdit ? Paths.piaoProcess(id, PIAOPages.newEntry) : nil
        transparencyHref = mayEdit ? Paths.piaoTransparency(id) : nil
    }
}
