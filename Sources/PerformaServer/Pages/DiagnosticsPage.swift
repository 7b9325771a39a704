import Hummingbird
import Performa

/// Diagnostica: the validator's findings on the plan (DESIGN.md §4) and the scorer's notes at a checkpoint, each
/// linking to the place it is about.
struct DiagnosticsPage: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/diagnostica", use: show)
    }

    /// Findings of the validator, then notes of the scoring at the chosen checkpoint.
    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let query = request.uri.queryParameters
        let checkpoint = snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo"))
        let findings = PlanValidator().validate(snapshot.plan)
        let notes = snapshot.scorecard(at: checkpoint).notes
        let link = DiagnosticLink(snapshot: snapshot)
        let view = DiagnosticsView(
            page: PageChrome(title: "Diagnostica", section: .diagnostics, plan: snapshot.stored, context: context),
            filter: CheckpointFilter(snapshot: snapshot, selected: checkpoint, action: Paths.diagnostics(snapshot.id)),
            checkpoint: Display.checkpoint(checkpoint),
            summary: [Diagnostic.Severity.error, .warning, .info].map { severity in
                DiagnosticsView.Count(label: severity.plural, count: String(findings.filter { $0.severity == severity }.count), css: severity.badge)
            },
            findings: findings.map { link.row($0) },
            notes: notes.map { link.row($0) })
        return try app.pages.page("diagnostica", view)
    }
}

/// Where a diagnostic's location leads: an objective's sheet, a manager, an area, or the plan.
struct DiagnosticLink: Sendable {
    let planID: String
    let objectives: Set<String>
    let areas: Set<String>

    init(snapshot: PlanSnapshot) {
        planID = snapshot.id
        objectives = Set(PlanIndex(snapshot.plan).entries.map(\.key))
        areas = Set(snapshot.plan.areas.map(\.code))
    }

    func href(_ location: String) -> String {
        if objectives.contains(location) { return Paths.objective(planID, location) }
        if let key = IndicatorKey(parsing: location), objectives.contains(key.objective) { return Paths.objective(planID, key.objective) + "#valori" }
        if location.hasPrefix("dirigente:") { return Paths.managers(planID) + "#dirigente-\(location.dropFirst("dirigente:".count))" }
        if location.hasPrefix("area:"), areas.contains(String(location.dropFirst("area:".count))) {
            return Paths.dashboard(planID) + "#area-\(location.dropFirst("area:".count))"
        }
        return Paths.planOverview(planID)
    }

    func row(_ diagnostic: Diagnostic) -> DiagnosticsView.Row {
        DiagnosticsView.Row(code: diagnostic.code, severity: diagnostic.severity.italian, css: diagnostic.severity.badge,
                            location: diagnostic.location, href: href(diagnostic.location), message: diagnostic.message,
                            line: diagnostic.line.map { "riga \($0)" })
    }
}

extension Diagnostic.Severity {
    var badge: String {
        switch self {
        case .error: return "badge bg-danger"
        case .warning: return "badge bg-warning text-dark"
        case .info: return "badge bg-info text-dark"
        }
    }

    var plural: String {
        switch self {
        case .error: return "errori"
        case .warning: return "avvisi"
        case .info: return "note"
        }
    }
}

struct DiagnosticsView: Sendable {
    struct Count: Sendable {
        var label: String
        var count: String
        var css: String
    }

    struct Row: Sendable {
        var code: String
        var severity: String
        var css: String
        var location: String
        var href: String
        var message: String
        var line: String?
    }

    let page: PageChrome
    let filter: CheckpointFilter
    let checkpoint: String
    let summary: [Count]
    let findings: [Row]
    let notes: [Row]
}
