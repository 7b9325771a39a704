import Performa
import PerformaStore

/// The Piano page: identity, acts, versions, structure with weights, assignments; edit links and act forms for
/// the roles that may use them.
struct PlanOverviewView: Sendable {
    struct Act: Sendable {
        var kind: String
        var body: String
        var number: String
        var date: String
        var note: String
    }

    struct Version: Sendable {
        var version: String
        var status: String
        var reason: String
        var act: String
        var createdBy: String
        var createdAt: String
        var current: Bool
        /// The printable Piano as it was in this version.
        var href: String
        /// Compare this past version with the current one.
        var compareHref: String?
    }

    /// Who recorded a version when it was not a user of the organization: the command line or the demo loader.
    /// An act as one line: `Giunta n. 80 del 26/04/2021`.
    static func actText(_ act: ApprovalAct) -> String {
        [act.body, act.number.map { "n. \($0)" }, act.date.map { "del \($0.italian)" }].compactMap { $0 }.joined(separator: " ")
    }

    static func recorder(_ id: String) -> String {
        switch id {
        case AccessContext.commandLine(organization: "").user: return "riga di comando (performa)"
        case "performa-demo": return "dati dimostrativi"
        default: return id
        }
    }

    struct Node: Sendable {
        var key: String
        var title: String
        var weight: String
        var level: String
        var depth: Int
        var href: String
        var editHref: String?
        var addChildHref: String?
        var addChildLabel: String?
        var addIndicatorHref: String?
        var indicators: [IndicatorLink]
    }

    struct IndicatorLink: Sendable {
        var label: String
        var href: String
    }

    struct AssignmentRow: Sendable {
        var name: String
        var summary: String
        var total: String
        var editHref: String?
    }

    let page: PageChrome
    let title: String
    let organization: String
    let span: String
    let year: String
    let status: String
    let version: String
    let acts: [Act]
    let links: [Act]
    let versions: [Version]
    let nodes: [Node]
    let assignments: [AssignmentRow]
    let canEdit: Bool
    let frozen: Bool
    let addAreaHref: String
    let canValidate: Bool
    let canAdopt: Bool
    /// The acts that close the plan's cycle: the Relazione adopted (struttura tecnica, for the Giunta), then
    /// validated by the OIV.
    let canAdoptReport: Bool
    let canValidateReport: Bool
    /// Set when the plan is closed: what that means.
    let closedNote: String?
    let actAction: String
    let rowVersion: String
    /// The next three-year plan can be drafted from this one (*scorrimento*).
    let canRollOver: Bool
    let rolloverAction: String
    let nextSpan: String

    /// - Parameter names: users' display names by user id, for who recorded each version.
    init(snapshot: PlanSnapshot, versions: [PlanVersionInfo], names: [String: String], user: SignedInUser, context: WebRequestContext, notices: [Notice]) {
        let plan = snapshot.plan
        let info = snapshot.stored.info
        let id = snapshot.id
        page = PageChrome(title: "Piano", section: .plan, plan: snapshot.stored, context: context, notices: notices)
        title = plan.title
        organization = plan.organization.name
        span = "\(plan.span.from)–\(plan.span.to)"
        year = String(plan.year)
        status = info.status.italian
        version = String(info.version)
        acts = (plan.acts ?? []).map { act in
            Act(kind: act.kind.italian, body: act.body ?? "—", number: act.number ?? "—", date: act.date?.italian ?? "—", note: act.note ?? "")
        }
        links = (plan.links ?? []).map { Act(kind: $0.title, body: $0.act ?? "—", number: "", date: $0.date?.italian ?? "—", note: "") }
        self.versions = versions.sorted { $0.version > $1.version }.map { v in
            Version(version: String(v.version), status: v.status.italian, reason: v.reason ?? "—",
                    act: v.act.map(Self.actText) ?? "—",
                    createdBy: names[v.createdBy] ?? Self.recorder(v.createdBy), createdAt: Display.moment(v.createdAt), current: v.version == info.version,
                    href: Paths.document(id, "piano.html") + (v.version == info.version ? "" : "?versione=\(v.version)"),
                    compareHref: v.version == info.version ? nil : Paths.plan(id) + "/confronto?versione=\(v.version)")
        }
        let canEdit = user.role.may(.editPlan)
        self.canEdit = canEdit
        let editor = Paths.editor(id)
        var nodes: [Node] = []
        for area in plan.areas {
            nodes.append(Node(key: area.code, title: area.title, weight: Display.weight(area.weight), level: "Area strategica", depth: 0,
                              href: Paths.dashboard(id) + "#area-\(area.code)", editHref: canEdit ? editor + "/aree/\(Paths.encode(area.code))" : nil,
                              addChildHref: canEdit ? editor + "/obiettivi/nuovo?padre=\(Paths.encode(area.code))" : nil, addChildLabel: "obiettivo",
                              addIndicatorHref: nil, indicators: []))
            for strategic in area.objectives {
                nodes.append(Self.node(strategic, key: strategic.code, level: "Obiettivo strategico", depth: 1, id: id, canEdit: canEdit,
                                       addChild: canEdit ? editor + "/obiettivi/nuovo?padre=\(Paths.encode(strategic.code))" : nil, addChildLabel: "obiettivo"))
                for operational in strategic.operationalObjectives {
                    nodes.append(Self.node(operational, key: operational.code, level: "Obiettivo operativo", depth: 2, id: id, canEdit: canEdit, addChild: nil, addChildLabel: nil))
                }
            }
        }
        for group in plan.specialAgencyObjectives ?? [] {
            let prefix = PlanEdit.agencyPrefix(plan, group.agency)
            let name = plan.organization.specialAgencies?.first { $0.id == group.agency }?.name ?? group.agency
            nodes.append(Node(key: prefix, title: name, weight: "", level: "Azienda speciale", depth: 0, href: Paths.dashboard(id), editHref: nil,
                              addChildHref: canEdit ? editor + "/obiettivi/nuovo?padre=\(Paths.encode(group.agency))" : nil, addChildLabel: "obiettivo",
                              addIndicatorHref: nil, indicators: []))
            for objective in group.objectives {
                nodes.append(Self.node(objective, key: "\(prefix).\(objective.code)", level: "Obiettivo dell'azienda speciale", depth: 1, id: id, canEdit: canEdit,
                                       addChild: nil, addChildLabel: nil))
            }
        }
        self.nodes = nodes
        assignments = plan.organization.managers.map { manager in
            let items = plan.assignments?.first { $0.manager == manager.id }?.objectives ?? []
            let total = items.reduce(0) { $0 + $1.weight }
            return AssignmentRow(
                name: manager.name,
                summary: items.isEmpty ? "nessun obiettivo" : items.map { "\($0.objective) (\(Display.weight($0.weight)))" }.joined(separator: ", "),
                total: Display.weight(total) + (items.isEmpty || abs(total - 100) < 0.005 ? "" : " – non 100%"),
                editHref: canEdit ? editor + "/assegnazioni/\(Paths.encode(manager.id))" : nil)
        }
        frozen = info.status == .adopted || info.status == .revised
        addAreaHref = editor + "/aree/nuova"
        canValidate = user.role.may(.validatePlan) && info.status == .draft
        canAdopt = user.role.may(.adoptPlan) && (info.status == .draft || info.status == .validated)
        let reportAdopted = (plan.acts ?? []).contains { $0.kind == .reportAdoption }
        canAdoptReport = user.role.may(.adoptPlan) && (info.status == .adopted || info.status == .revised) && !reportAdopted
        canValidateReport = user.role.may(.validatePlan) && reportAdopted && info.status != .closed
        closedNote = info.status == .closed
            ? "Il ciclo del piano è chiuso: la Relazione sulla performance è stata adottata e validata dall'OIV. Il piano, le rilevazioni e le validazioni restano consultabili ma non si modificano più." : nil
        actAction = Paths.plan(id) + "/atti"
        rowVersion = String(info.rowVersion)
        canRollOver = user.role.may(.editPlan) && info.status != .draft
        rolloverAction = Paths.plan(id) + "/scorrimento"
        nextSpan = "\(plan.span.from + 1)–\(plan.span.to + 1)"
    }

    private static func node(_ sheet: any ObjectiveSheet, key: String, level: String, depth: Int, id: String, canEdit: Bool,
                             addChild: String?, addChildLabel: String?) -> Node {
        let editor = Paths.editor(id)
        return Node(key: key, title: sheet.title, weight: Display.weight(sheet.weight), level: level, depth: depth, href: Paths.objective(id, key),
                    editHref: canEdit ? editor + "/obiettivi/\(Paths.encode(key))" : nil, addChildHref: addChild, addChildLabel: addChildLabel,
                    addIndicatorHref: canEdit ? editor + "/obiettivi/\(Paths.encode(key))/indicatori/nuovo" : nil,
                    indicators: sheet.indicators.map { indicator in
                        IndicatorLink(label: "\(key)/\(indicator.number)",
                                      href: canEdit ? editor + "/obiettivi/\(Paths.encode(key))/indicatori/\(indicator.number)" : Paths.objective(id, key))
                    })
    }
}
