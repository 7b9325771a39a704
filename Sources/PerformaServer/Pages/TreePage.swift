import Hummingbird
import Performa
import PerformaReports

/// Albero della performance: the tree as SVG in the seed's two colourings (by strategic area, and by manager to
/// show the transversal objectives), every objective linking to its sheet.
struct TreePage: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/albero", use: show)
    }

    /// The tree in the chosen colouring (`?colorazione=aree|dirigenti`).
    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let colouring = PerformanceTreeSVG.Colouring(rawValue: request.uri.queryParameters.get("colorazione") ?? "") ?? .byArea
        let id = snapshot.id
        let index = PlanIndex(snapshot.plan, measures: false)
        let areaCodes = Set(snapshot.plan.areas.map(\.code))
        let svg = PerformanceTreeSVG(plan: snapshot.plan, colouring: colouring, layout: .wide) { key in
            if index.entry(key) != nil { return Paths.objective(id, key) }
            if areaCodes.contains(key) { return Paths.dashboard(id) + "#area-\(key)" }
            return nil
        }.render()
        let tabs = PerformanceTreeSVG.Colouring.allCases.map { option in
            TreeView.Tab(label: option == .byArea ? "Per area strategica" : "Per dirigente (obiettivi trasversali)",
                         href: Paths.tree(id) + "?colorazione=\(option.rawValue)", current: option == colouring)
        }
        let view = TreeView(
            page: PageChrome(title: "Albero della performance", section: .tree, plan: snapshot.stored, context: context),
            tabs: tabs, svg: svg,
            explanation: colouring == .byArea
                ? "Ogni colore è un'area strategica; sotto ogni obiettivo strategico i suoi obiettivi operativi."
                : "Le bande colorate a sinistra di ogni obiettivo indicano i dirigenti a cui è assegnato: più bande, obiettivo trasversale.",
            objectives: index.entries.map { TreeView.Entry(key: $0.key, title: $0.sheet.title, href: Paths.objective(id, $0.key), level: $0.level == .strategic ? 1 : 2) })
        return try app.pages.page("albero", view)
    }
}
