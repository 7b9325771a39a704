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
        let findings = snapshot.findings
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
