/// What each manager has to measure at a checkpoint: the indicators with a target there on the objectives assigned
/// to them, and those still without a value. The notices of a collection campaign (who is told it opens, who is
/// reminded before it closes) are built from it.
public struct CollectionDuty: Hashable, Sendable {
    public var manager: String
    /// Indicators to fill, in plan order.
    public var due: [IndicatorKey]
    /// Those of `due` without a recorded value.
    public var missing: [IndicatorKey]

    /// Every manager with at least one indicator due at `checkpoint`, in the order of the plan's assignments.
    /// An indicator neutralised from that checkpoint is not due; one shared by two managers is due for both.
    public static func at(_ checkpoint: Day, plan: Plan, results: Results) -> [CollectionDuty] {
        let index = PlanIndex(plan)
        let measured = Set(results.measurements.lazy.filter { $0.at == checkpoint }.map(\.indicator))
        let neutralised = Set((results.neutralisations ?? []).filter { ($0.from ?? checkpoint) <= checkpoint }.map(\.indicator))
        var duties: [CollectionDuty] = []
        for assignment in plan.assignments ?? [] {
            var duty = duties.first { $0.manager == assignment.manager } ?? CollectionDuty(manager: assignment.manager, due: [], missing: [])
            for assigned in assignment.objectives {
                guard let entry = index.entry(assigned.objective) else { continue }
                for indicator in entry.sheet.indicators {
                    let key = IndicatorKey(objective: entry.key, number: indicator.number)
                    guard let target = indicator.target(at: checkpoint), target.target.kind != .notApplicable,
                          indicator.neutralised.map({ ($0.from ?? checkpoint) > checkpoint }) ?? true,
                          !neutralised.contains(key), !duty.due.contains(key) else { continue }
                    duty.due.append(key)
                    if !measured.contains(key) { duty.missing.append(key) }
                }
            }
            if let at = duties.firstIndex(where: { $0.manager == duty.manager }) {
                duties[at] = duty
            } else if !duty.due.isEmpty {
                duties.append(duty)
            }
        }
        return duties
    }
}
