import Hummingbird
import PerformaStore

/// The entry points: `/` leads to the current plan's dashboard, `/piani` lists the organization's plans.
struct HomePages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/", use: home)
        router.get("/piani", use: list)
        router.get("/piani/:plan", use: plan)
    }

    /// The dashboard of the organization's only (or most recent) plan; the list when there are several.
    @Sendable func home(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let plans = try await app.store.plans(user.context)
        if plans.count == 1 { return .seeOther(Paths.dashboard(plans[0].planID)) }
        return .seeOther("/piani")
    }

    /// A plan's address leads to its dashboard; another organization's plan, or none, is not found (like every
    /// other page of a plan), rather than redirected.
    @Sendable func plan(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require("plan")
        guard try await app.store.plans(user.context).contains(where: { $0.planID == planID }) else {
            throw StoreError.notFound(subject: "il piano «\(planID)»")
        }
        return .seeOther(Paths.dashboard(planID))
    }

    /// The organization's plans, most recent first.
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let organization = try await app.store.organization(user.context)
        let plans = try await app.store.plans(user.context).sorted { ($0.year, $0.planID) > ($1.year, $1.planID) }
        let view = PlanListView(
            page: PageChrome(title: "Piani", organization: organization.name, context: context),
            plans: plans.map { PlanListView.Item(title: $0.title, year: String($0.year), status: $0.status.italian, version: String($0.version), href: Paths.dashboard($0.planID)) },
            empty: plans.isEmpty)
        return try app.pages.page("piani", view)
    }
}
