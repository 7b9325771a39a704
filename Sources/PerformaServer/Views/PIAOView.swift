import Performa
import PerformaStore

/// The PIAO page: which sections this administration's PIAO (ordinary or simplified) must have and whether the
/// plan fills them, the public-value objectives with how far their objectives got, the objectives flagged for the
/// DM's dimensions, and the monitoring of section 4 as Performa runs it.
struct PIAOView: Sendable {
    struct SectionLine: Sendable {
        var number: String
        var title: String
        var state: String
        var css: String
        var href: String?
        /// The form that edits the section, for a role that answers for it.
        var editHref: String?
    }

    struct ObjectiveLink: Sendable {
        var key: String
        var title: String
        var href: String
        var achievement: String
    }

    struct PublicValueLine: Sendable {
        var code: String
        var title: String
        var outcome: String?
        var stakeholders: String?
        var line: ScoreLine
        var objectives: [ObjectiveLink]
        var impact: [String]
        var hasImpact: Bool
        var editHref: String?
    }

    struct FlaggedLine: Sendable {
        var key: String
        var title: String
        var href: String
        var dimensions: String
    }

    struct MonitoringLine: Sendable {
        var section: String
        var what: String
        var when: String
        var who: String
        var how: String
    }

    let page: PageChrome
    let present: Bool
    let kind: String
    let employees: String
    let illustrative: Bool
    let filter: CheckpointFilter
    let checkpoint: String
    let sections: [SectionLine]
    let publicValue: [PublicValueLine]
    let flagged: [FlaggedLine]
    let monitoring: [MonitoringLine]
    let hasPublicValue: Bool
    let hasFlagged: Bool
    let documentHref: String
    let registerHref: String
    let staffingHref: String
    let newPublicValueHref: String?

    init(snapshot: PlanSnapshot, context: WebRequestContext, selected: Day, role: Role) {
        let plan = snapshot.plan
        let id = snapshot.id
        page = PageChrome(title: "PIAO", section: .piao, plan: snapshot.stored, context: context, notices: [])
        present = plan.piao != nil
        let kind = PIAOKind(plan)
        self.kind = kind.italian
        employees = PIAO.employees(of: plan).map { ItalianNumber.format(Double($0)) } ?? "non indicati"
        illustrative = plan.piao?.illustrative ?? false
        filter = CheckpointFilter(snapshot: snapshot, selected: selected, action: Paths.piao(id))
        checkpoint = Display.checkpoint(selected)
        documentHref = Paths.document(id, "piao.html")
        registerHref = Paths.piaoRisks(id)
        staffingHref = Paths.piaoStaffing(id)
        let due = Set(kind.dueSections)
        sections = PIAOSection.allCases.map { section in
            let filled = section.isFilled(in: plan)
            let state = !due.contains(section) ? ("non richiesta", "badge bg-secondary") : filled ? ("compilata", "badge bg-success") : ("mancante", "badge bg-danger")
            let href: String?
            switch section {
            case .risks: href = Paths.piaoRisks(id)
            case .staffing, .training: href = Paths.piaoStaffing(id)
            case .agileWork: href = Paths.agileWork(id)
            case .performance: href = Paths.tree(id)
            default: href = nil
            }
            let edit: (Capability, String)?
            switch section {
            case .registry: edit = (.editPlan, Paths.piaoRegistry(id))
            case .publicValue: edit = (.editPlan, Paths.piaoPublicValue(id, PIAOPages.newEntry))
            case .performance: edit = (.editPlan, Paths.piaoDimensions(id))
            case .risks: edit = (.editRiskRegister, Paths.piaoRisks(id))
            case .organization: edit = (.editOrganizationAndStaff, Paths.piaoUnits(id))
            case .agileWork: edit = (.editOrganizationAndStaff, Paths.piaoAgileWork(id))
            case .staffing: edit = (.editOrganizationAndStaff, Paths.piaoStaffing(id) + "/modifica")
            case .training: edit = (.editOrganizationAndStaff, Paths.piaoTraining(id))
            case .monitoring: edit = nil
            }
            return SectionLine(number: section.number, title: section.italian, state: state.0, css: state.1, href: href,
                               editHref: edit.flatMap { role.may($0.0) ? $0.1 : nil })
        }
        let card = snapshot.scorecard(at: selected)
        let scores = PIAOScores(plan: plan, scorecard: card)
        publicValue = scores.publicValue.map { value in
            let impact = (value.objective.impactIndicators ?? []).map { indicator in
                [indicator.title, indicator.framework, indicator.target.map { "atteso: \($0)" }].compactMap { $0 }.joined(separator: " – ")
            }
            return PublicValueLine(
                code: value.objective.code, title: value.objective.title, outcome: value.objective.outcome,
                stakeholders: value.objective.stakeholders.map { $0.joined(separator: "; ") },
                line: ScoreLine(code: value.objective.code, title: value.objective.title, weight: nil, score: value.score, cap: card.policy.cap),
                objectives: value.parts.map { ObjectiveLink(key: $0.key, title: $0.title, href: Paths.objective(id, $0.key), achievement: Display.achievement($0.achievement)) },
                impact: impact, hasImpact: !impact.isEmpty,
                editHref: role.may(.editPlan) ? Paths.piaoPublicValue(id, value.objective.code) : nil)
        }
        newPublicValueHref = role.may(.editPlan) ? Paths.piaoPublicValue(id, PIAOPages.newEntry) : nil
        let titles = Dictionary(PlanIndex(plan).entries.map { ($0.key, $0.sheet.title) }, uniquingKeysWith: { first, _ in first })
        flagged = (plan.piao?.dimensions ?? []).map {
            FlaggedLine(key: $0.objective, title: titles[$0.objective] ?? "", href: Paths.objective(id, $0.objective),
                        dimensions: $0.dimensions.map(\.italian).joined(separator: ", "))
        }
        hasPublicValue = !publicValue.isEmpty
        hasFlagged = !flagged.isEmpty
        monitoring = PIAOMonitoring(plan: plan).lines.map {
            MonitoringLine(section: $0.section.heading, what: $0.what, when: $0.when, who: $0.who, how: $0.how)
        }
    }
}
