/// A flat view of a plan's objectives in plan order, with their keys and parents: what the validator,
/// the tree, the assignment checks and the *valorizzazione* walk over.
public struct PlanIndex: Sendable {
    public struct Entry: Sendable {
        /// Unique key: the code (`1.2`, `1.2.1`) or, for agency objectives, `PB.1`; for the PIAO's prevention
        /// measures with their own indicators, `MPC.1`.
        public var key: String
        public var level: ObjectiveScore.Level
        /// Area code (strategic), strategic key (operational) or agency id (agency).
        public var parent: String
        public var sheet: any ObjectiveSheet
    }

    public let entries: [Entry]

    /// `measures: false` leaves out the PIAO's prevention measures: the Piano's own tree (its workbook, the tree page,
    /// the objectives a manager can be assigned).
    public init(_ plan: Plan, measures: Bool = true) {
        var entries: [Entry] = []
        for area in plan.areas {
            for strategic in area.objectives {
                entries.append(Entry(key: strategic.code, level: .strategic, parent: area.code, sheet: strategic))
                for operational in strategic.operationalObjectives {
                    entries.append(Entry(key: operational.code, level: .operational, parent: strategic.code, sheet: operational))
                }
            }
        }
        for group in plan.specialAgencyObjectives ?? [] {
            let prefix = plan.organization.specialAgencies?.first { $0.id == group.agency }?.code ?? group.agency
            for objective in group.objectives {
                entries.append(Entry(key: "\(prefix).\(objective.code)", level: .agency, parent: group.agency, sheet: objective))
            }
        }
        for measure in plan.piao?.risks?.measures ?? [] where measures && !(measure.indicators ?? []).isEmpty {
            entries.append(Entry(key: measure.key, level: .measure, parent: PIAOSection.risks.number, sheet: MeasureSheet(measure)))
        }
        self.entries = entries
    }

    public var objectiveSheets: [Entry] { entries }

    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// Every indicator with its key, in plan order.
    public var indicators: [(key: IndicatorKey, indicator: Indicator, level: ObjectiveScore.Level)] {
        entries.flatMap { entry in
            entry.sheet.indicators.map { (IndicatorKey(objective: entry.key, number: $0.number), $0, entry.level) }
        }
    }

    public func indicator(_ key: IndicatorKey) -> Indicator? {
        entry(key.objective)?.sheet.indicators.first { $0.number == key.number }
    }
}
