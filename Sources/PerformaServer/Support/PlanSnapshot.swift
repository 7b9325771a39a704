import Performa
import PerformaStore

/// One plan as a request sees it: the current version, everything measured, and scorecards computed from them on
/// demand. Nothing is cached between requests, so a score is never older than the data it comes from.
struct PlanSnapshot: Sendable {
    let stored: StoredPlan
    let results: Results

    var plan: Plan { stored.plan }
    var id: String { stored.info.planID }

    static func load(_ store: any PerformaStore, _ user: SignedInUser, planID: String) async throws -> PlanSnapshot {
        let stored = try await store.plan(user.context, id: planID, version: nil)
        let results = try await store.results(user.context, planID: planID)
        return PlanSnapshot(stored: stored, results: results)
    }

    func scorecard(at checkpoint: Day, fundCents: Int64? = nil) -> Scorecard {
        Scorer(plan: plan).scorecard(results: results, at: checkpoint, fundCents: fundCents)
    }

    /// The checkpoints of the plan: 30/6 and 31/12 of each year of its span, and any other day a target names.
    var checkpoints: [Day] {
        var days = Set(plan.span.years.flatMap { [Day.midYear($0), Day.yearEnd($0)] })
        for entry in PlanIndex(plan).indicators { days.formUnion(entry.indicator.targets.map(\.at)) }
        return days.sorted()
    }

    /// The checkpoint a page asks for (`?scadenza=2021-06-30`, or `?anno=2022&periodo=12-31`); the 31/12 of the
    /// plan's operational year when it asks for none or for a day that is not a checkpoint.
    func checkpoint(scadenza: String?, anno: String?, periodo: String?) -> Day {
        let known = checkpoints
        if let text = scadenza, let day = Day(parsing: text), known.contains(day) { return day }
        if let yearText = anno, let year = Int(yearText) {
            let day = periodo == "06-30" ? Day.midYear(year) : Day.yearEnd(year)
            if known.contains(day) { return day }
        }
        return .yearEnd(plan.year)
    }

    /// The objectives assigned to a manager (keys), from the plan's assignment table.
    func objectives(assignedTo manager: String?) -> Set<String> {
        guard let manager else { return [] }
        return Set((plan.assignments ?? []).filter { $0.manager == manager }.flatMap { $0.objectives.map(\.objective) })
    }
}
