/// What each manager — and the RPCT, for the prevention measures of the PIAO — has to measure at a checkpoint: the
/// indicators with a target there on the objectives assigned to them, and those still without a value. The notices
/// of a collection campaign (who is told it opens, who is reminded before it closes) are built from it.
public struct CollectionDuty: Hashable, Sendable {
    /// Who records the values.
    public enum Holder: Hashable, Sendable {
        /// The manager id of an assignment.
        case manager(String)
        /// The RPCT, for every prevention measure (its own indicators, or those of the objective it is).
        case corruptionPrevention
    }

    public var holder: Holder
    /// Indicators to fill, in plan order.
    public var due: [IndicatorKey]
    /// Those of `due` without a recorded value.
    public var missing: [IndicatorKey]

    public init(holder: Holder, due: [IndicatorKey] = [], missing: [IndicatorKey] = []) {
        self.holder = holder
        self.due = due
        self.missing = missing
    }

    /// The manager, for a manager's duty.
    public var manager: String? {
        if case .manager(let id) = holder { return id }
        return nil
    }

    /// Every manager with at least one indicator due at `checkpoint`, in the order of the plan's assignments, then
    /// the RPCT if a prevention measure has one. An indicator neutralised from that checkpoint is not due; one
    /// shared by two managers is due for both.
    public static func at(_ checkpoint: Day, plan: Plan, results: Results) -> [CollectionDuty] {
        let index = PlanIndex(plan)
        let measured = Set(results.measurements.lazy.filter { $0.at == checkpoint }.map(\.indicator))
        let neutralised = Set((results.neutralisations ?? []).filter { ($0.from ?? checkpoint) <= checkpoint }.map(\.indicator))
        func add(_ objectives: [String], to duty: inout CollectionDuty) {
            for objective in objectives {
                guard let entry = index.entry(objective) else { continue }
                for indicator in entry.sheet.indicators {
                    let key = IndicatorKey(objective: entry.key, number: indicator.number)
                    guard let target = indicator.target(at: checkpoint), target.target.kind != .notApplicable,
                          indicator.neutralised.map({ ($0.from ?? checkpoint) > checkpoint }) ?? true,
                          !neutralised.contains(key), !duty.due.contains(key) else { continue }
                    duty.due.append(key)
                    if !measured.contains(key) { duty.missing.append(key) }
                }
            }
        }
        var duties: [CollectionDuty] = []
        for assignment in plan.assignments ?? [] {
            let holder = Holder.manager(assignment.manager)
            var duty = duties.first { $0.holder == holder } ?? CollectionDuty(holder: holder)
            add(assignment.objectives.map(\.objective), to: &duty)
            if let at = duties.firstIndex(where: { $0.holder == holder }) {
                duties[at] = duty
            } else if !duty.due.isEmpty {
                duties.append(duty)
            }
        }
        var prevention = CollectionDuty(holder: .corruptionPrevention)
        add((plan.piao?.risks?.measures ?? []).map(\.monitoredKey), to: &prevention)
        if !prevention.due.isEmpty { duties.append(prevention) }
        return duties
    }
}
