import Foundation
import Hummingbird
import Performa

/// Dirigenti: each manager's assigned objectives with their weights and achievements, and the manager's score;
/// for the OIV and the struttura tecnica, the *valorizzazione* of the objectives for a given fund.
struct ManagersPage: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/dirigenti", use: show)
    }

    /// Managers at a checkpoint; `?fondo=150.000` adds the valorizzazione for roles that may see it.
    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let query = request.uri.queryParameters
        let checkpoint = snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo"))
        let mayValorize = user.role.may(.seeValorization)
        let fundText = query.get("fondo")?.trimmingCharacters(in: .whitespaces) ?? ""
        var fundError: String?
        var fundCents: Int64?
        if mayValorize && !fundText.isEmpty {
            if let cents = ItalianNumber.euroCents(fundText) {
                fundCents = cents
            } else {
                fundError = "Importo non valido: «\(fundText)». Scrivere l'importo in euro, ad esempio 150.000 oppure 150.000,50."
            }
        }
        let card = snapshot.scorecard(at: checkpoint, fundCents: fundCents)
        let plan = snapshot.plan
        let id = snapshot.id
        let index = PlanIndex(plan)
        func title(_ key: String) -> String { index.entry(key)?.sheet.title ?? "obiettivo non presente nel piano" }
        let managers = card.managers.map { scored -> ManagersView.Manager in
            let manager = plan.organization.managers.first { $0.id == scored.manager }
            let total = scored.objectives.reduce(0) { $0 + $1.weight }
            return ManagersView.Manager(
                anchor: "dirigente-\(scored.manager)",
                name: [manager?.honorific, scored.name].compactMap { $0 }.joined(separator: " "),
                roles: manager?.roles.joined(separator: ", ") ?? "",
                line: ScoreLine(code: scored.manager, title: scored.name, weight: nil, score: scored.score, cap: card.policy.cap),
                objectives: scored.objectives.map { item in
                    let score = card.objective(item.objective)?.score ?? Score(computed: item.achievement, status: .missing)
                    return ScoreLine(code: item.objective, title: title(item.objective), href: Paths.objective(id, item.objective),
                                     weight: item.weight, score: score, cap: card.policy.cap)
                },
                total: Display.weight(total),
                totalWarning: abs(total - 100) > 0.005 ? "La somma dei pesi assegnati è \(Display.weight(total)), non 100%." : nil)
        }
        var valorization: ManagersView.Valorization?
        if mayValorize {
            let lines = card.valorization?.lines ?? []
            valorization = ManagersView.Valorization(
                fund: fundText, error: fundError, shown: fundCents != nil && !lines.isEmpty,
                noRelevance: PlanIndex(plan).entries.allSatisfy { ($0.sheet.relevance ?? 0) <= 0 },
                lines: lines.map { line in
                    ManagersView.ValueLine(code: line.objective, title: title(line.objective), href: Paths.objective(id, line.objective),
                                           relevance: ItalianNumber.format(line.relevance, fractionDigits: 2), value: Display.euro(line.valueCents),
                                           achievement: Display.achievement(line.achievement), earned: Display.euro(line.earnedCents))
                },
                totalValue: Display.euro(card.valorization?.totalValueCents ?? 0),
                totalEarned: Display.euro(card.valorization?.totalEarnedCents ?? 0),
                action: Paths.managers(id), checkpointValue: checkpoint.description)
        }
        let view = ManagersView(
            page: PageChrome(title: "Dirigenti", section: .managers, plan: snapshot.stored, context: context),
            filter: CheckpointFilter(snapshot: snapshot, selected: checkpoint, action: Paths.managers(id)),
            checkpoint: Display.checkpoint(checkpoint), managers: managers, valorization: valorization)
        return try app.pages.page("dirigenti", view)
    }
}
