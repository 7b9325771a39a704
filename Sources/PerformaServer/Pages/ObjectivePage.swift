import Hummingbird
import Performa
import PerformaStore

/// Scheda obiettivo: the seed's sections and columns (weight, Bilancio, description and actions, units involved,
/// staff committed, indicators with baseline, targets and weights, financial resources, documentation), then the
/// measured values and the achievement at each checkpoint, with the evidence uploaded.
struct ObjectivePage: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/obiettivi/:objective", use: show)
    }

    /// The sheet of one objective (`1.2`, `1.2.1`, `PB.1`).
    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let key = try context.parameters.require("objective")
        let index = PlanIndex(snapshot.plan)
        guard let entry = index.entry(key) else {
            throw HTTPError(.notFound, message: "L'obiettivo «\(key)» non esiste nel piano «\(snapshot.plan.title)».")
        }
        let query = request.uri.queryParameters
        let selected = snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo"))
        let access = try await MeasurementAccess.load(app.store, user, snapshot)
        let evidence = try await app.store.evidenceFiles(user.context, planID: snapshot.id, indicator: nil, at: nil).filter { $0.indicator.objective == key }
        // Every plan of the organization, for the indicators' history across plans (snapshots are cached).
        var plans: [IndicatorHistory.Source] = []
        for info in try await app.store.plans(user.context) {
            let other = info.planID == snapshot.id ? snapshot : try await app.snapshot(user, planID: info.planID)
            plans.append(IndicatorHistory.Source(id: other.id, plan: other.plan, results: other.results))
        }
        let history = entry.sheet.indicators.map { IndicatorHistory(IndicatorKey(objective: key, number: $0.number), plans: plans) }
        let view = ObjectiveView(entry: entry, snapshot: snapshot, selected: selected, access: access, evidence: evidence, history: history,
                                 context: context, notices: Outcomes.notices(query.get("esito")))
        return try app.pages.page("scheda", view)
    }
}
