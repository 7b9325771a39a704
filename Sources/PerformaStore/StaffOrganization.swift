import Performa

extension PerformaStore {
    /// The plan a year of appraisal follows: the latest plan of that year or before (its units resolve the
    /// evaluators, its scorecard gives the organizational performance). Nil when there is none.
    public func staffPlan(_ context: AccessContext, year: Int) async throws -> PlanVersionInfo? {
        try await plans(context).filter { $0.year <= year }.max { ($0.year, $0.planID) < ($1.year, $1.planID) }
    }

    /// The organization whose units resolve a year's evaluators (`staffPlan`'s). The staff of a year is checked and
    /// stored against it (`replacePeople`), from the command line or the browser.
    public func staffOrganization(_ context: AccessContext, year: Int) async throws -> Organization {
        guard let info = try await staffPlan(context, year: year) else {
            throw StoreError.invalid("Nell'ente «\(context.organization)» non c'è un piano del \(year) o precedente: le strutture servono a trovare i valutatori; importare prima il piano.")
        }
        return try await plan(context, id: info.planID, version: nil).plan.organization
    }
}
