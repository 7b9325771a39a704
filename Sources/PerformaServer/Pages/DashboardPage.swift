import Hummingbird
import Performa
import PerformaStore

/// Cruscotto: the organization's achievement, its areas and strategic objectives, the special agency and the
/// managers, at the chosen year and checkpoint.
struct DashboardPage: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/cruscotto", use: show)
    }

    /// The dashboard of a plan at a checkpoint. It depends only on the data but for the user's name, role and CSRF
    /// token: rendered once per data version and checkpoint with slots for those (`PersonalisablePage`); a page
    /// with notices (after a form) is rendered in full.
    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let query = request.uri.queryParameters
        let checkpoint = snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo"))
        let notices = Outcomes.notices(query.get("esito"))
        let chrome = { PageChrome(title: "Cruscotto", section: .dashboard, plan: snapshot.stored, context: context, breadcrumbs: [], notices: notices) }
        let render = { (page: PageChrome) in DashboardView(page: page, dashboard: view(snapshot, at: checkpoint)) }
        if notices.isEmpty, let page = try snapshot.fragment("cruscotto", at: checkpoint, { try PersonalisablePage(app.pages, "cruscotto", chrome: chrome(), view: render) }) {
            return Response.html(page.html(for: PageChrome.heading(user), csrf: context.csrfToken))
        }
        return try app.pages.page("cruscotto", render(chrome()))
    }

    private func view(_ snapshot: PlanSnapshot, at checkpoint: Day) -> DashboardView.Content {
        let card = snapshot.scorecard(at: checkpoint)
        let cap = card.policy.cap
        let id = snapshot.id
        let areas = card.areas.map { area in
            DashboardView.AreaBlock(
                line: ScoreLine(code: area.code, title: area.title, weight: area.weight, score: area.score, cap: cap, anchor: "area-\(area.code)"),
                objectives: card.objectives.filter { $0.level == .strategic && $0.parent == area.code }.map {
                    ScoreLine(code: $0.code, title: $0.title, href: Paths.objective(id, $0.key), weight: $0.weight, score: $0.score, cap: cap)
                })
        }
        let measurable = card.indicators.filter { $0.score.status != .notApplicable }
        let measured = measurable.filter { $0.measurement != nil }
        var organization = ScoreLine(code: "", title: snapshot.plan.organization.name, weight: nil, score: card.result, cap: cap)
        // A score computed on a plan that fails its own checks (weights that do not add up, targets missing) is not
        // one to trust: say so where the score is shown, never a green "completo" beside it.
        let errors = snapshot.findings.filter { $0.severity == .error }.count
        let planErrors: String? = errors == 0 ? nil
            : "Il piano ha \(errors) error\(errors == 1 ? "e" : "i") del validatore: il grado di raggiungimento è calcolato su un piano non coerente e va verificato."
        if errors > 0 { organization.badge = Badge(text: "piano con errori", css: "badge bg-danger") }
        return DashboardView.Content(
            filter: CheckpointFilter(snapshot: snapshot, selected: checkpoint, action: Paths.dashboard(id)),
            checkpoint: Display.checkpoint(checkpoint),
            illustrative: card.illustrative,
            organization: organization,
            planErrors: planErrors,
            areas: areas,
            agencies: card.agencies.map { ScoreLine(code: "", title: $0.name, weight: nil, score: $0.score, cap: cap) },
            managers: card.managers.map { ScoreLine(code: "", title: $0.name, href: Paths.managers(id) + "#dirigente-\($0.manager)", weight: nil, score: $0.score, cap: cap) },
            coverage: "\(measured.count) indicatori rilevati su \(measurable.count) con un target al \(Display.checkpoint(checkpoint))",
            notes: !card.notes.isEmpty,
            diagnosticsHref: Paths.diagnostics(id))
    }
}
