import Hummingbird
import Performa
import PerformaStore

/// POLA: the monthly figures of lavoro agile with their chart, the technology and training tables, the
/// development programme, the rules and the chapters of the plan's annex.
struct AgileWorkPage: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/pola", use: show)
    }

    /// The plan's POLA.
    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let view = AgileWorkView(snapshot: snapshot, context: context, mayEdit: user.role.may(.editOrganizationAndStaff),
                                 notices: Outcomes.notices(request.uri.queryParameters.get("esito")))
        return try app.pages.page("pola", view)
    }
}
