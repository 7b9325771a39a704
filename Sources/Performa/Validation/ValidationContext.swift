/// What every check needs to read a plan: the plan, its flat index, the checkpoints that carry weights,
/// and the conventions the checks share (tolerance, which indicators count at a checkpoint).
struct ValidationContext: Sendable {
    typealias Level = ObjectiveScore.Level

    /// Two weights closer than this (in percentage points) are equal: `33,33 + 33,33 + 33,34`.
    static let tolerance = 0.01

    let plan: Plan
    let index: PlanIndex

    init(_ plan: Plan) {
        self.plan = plan
        self.index = PlanIndex(plan)
    }

    /// 31/12 of the plan year: the checkpoint an operational indicator's `weight` belongs to.
    var yearEnd: Day { .yearEnd(plan.year) }
    /// 30/6 of the plan year.
    var midYear: Day { .midYear(plan.year) }

    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance }

    /// Checkpoints at which an objective's indicator weights must add up to 100%: every year-end of the
    /// span for a strategic objective's own indicators; 31/12 of the plan year for operational and agency ones.
    func weightedCheckpoints(_ level: Level) -> [Day] {
        level == .strategic ? plan.span.years.map(Day.yearEnd) : [yearEnd]
    }

    /// Checkpoints at which an indicator with an applicable target needs a weight: the weighted ones,
    /// plus 30/6 for operational and agency indicators (their one weight is also used at mid-year).
    func scoredCheckpoints(_ level: Level) -> [Day] {
        level == .strategic ? weightedCheckpoints(level) : [midYear, yearEnd]
    }

    /// Whether an indicator takes part in its objective's weights at a checkpoint: it has an applicable
    /// target there. An operational indicator with no 31/12 entry at all still counts at 31/12, since its
    /// `weight` is meant for that checkpoint (the missing target is reported by T-MISSING).
    func counts(_ indicator: Indicator, at day: Day, level: Level) -> Bool {
        if let entry = indicator.target(at: day) { return entry.target.kind.isApplicable }
        return level != .strategic && day == yearEnd
    }

    /// How a checkpoint is named in a message: `per il 2022` (strategic, yearly) or `al 30/06/2021`.
    func checkpointLabel(_ day: Day, level: Level) -> String {
        level == .strategic && day.month == 12 && day.day == 31 ? "per il \(day.year)" : "al \(day.italian)"
    }

    /// Strategic objectives with their area, in plan order.
    var strategicObjectives: [(area: StrategicArea, objective: StrategicObjective)] {
        plan.areas.flatMap { area in area.objectives.map { (area, $0) } }
    }

    /// The key prefix of an agency's objectives (`PB`), or its id when the agency is unknown.
    func agencyPrefix(_ agencyID: String) -> String {
        plan.organization.specialAgencies?.first { $0.id == agencyID }?.code ?? agencyID
    }

    func agencyName(_ agencyID: String) -> String {
        plan.organization.specialAgencies?.first { $0.id == agencyID }?.name ?? agencyID
    }

    /// The assignment tables grouped by manager id, in order of first appearance.
    var assignmentsByManager: [(manager: String, tables: [Assignment])] {
        var order: [String] = []
        var tables: [String: [Assignment]] = [:]
        for assignment in plan.assignments ?? [] {
            if tables[assignment.manager] == nil { order.append(assignment.manager) }
            tables[assignment.manager, default: []].append(assignment)
        }
        return order.map { ($0, tables[$0] ?? []) }
    }

    /// `Massimo Ziletti`, or the id when the manager is not in the organization.
    func managerName(_ id: String) -> String {
        plan.organization.managers.first { $0.id == id }?.name ?? id
    }

    static func managerLocation(_ id: String) -> String { "dirigente:\(id)" }
}
