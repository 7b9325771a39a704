import Performa

/// The index tables of one plan version, derived from the plan: its objectives, its indicators (with their targets,
/// to check measurements without decoding the whole plan) and its assignments. Measurements, evidence and
/// neutralisations reference indicators by key (`1.1.2/1`), which is what carries them across versions.
struct PlanIndexRows {
    struct Objective {
        var key: String
        var level: String
        var parent: String
        var title: String
        var weight: Double?
    }

    struct IndicatorRow {
        var key: IndicatorKey
        var title: String
        var weight: Double?
        var targetsJSON: String
    }

    var objectives: [Objective] = []
    var indicators: [IndicatorRow] = []
    var assignments: [(manager: String, objective: String, weight: Double)] = []

    /// Refuses a plan whose keys are ambiguous: measurements could not be attached to the right indicator.
    init(_ plan: Plan) throws {
        let index = PlanIndex(plan)
        var seenObjectives = Set<String>(), seenIndicators = Set<IndicatorKey>()
        for entry in index.entries {
            guard seenObjectives.insert(entry.key).inserted else {
                throw StoreError.invalid("Il piano contiene due volte l'obiettivo «\(entry.key)»: ogni obiettivo deve avere un codice unico per collegarvi le rilevazioni (vedi performa validate).")
            }
            objectives.append(Objective(key: entry.key, level: entry.level.rawValue, parent: entry.parent, title: entry.sheet.title, weight: entry.sheet.weight))
            for indicator in entry.sheet.indicators {
                let key = IndicatorKey(objective: entry.key, number: indicator.number)
                guard seenIndicators.insert(key).inserted else {
                    throw StoreError.invalid("Il piano contiene due volte l'indicatore «\(key)»: ogni indicatore deve avere un numero unico nel suo obiettivo.")
                }
                indicators.append(IndicatorRow(key: key, title: indicator.title, weight: indicator.weight, targetsJSON: try ColumnJSON.encode(indicator.targets)))
            }
        }
        for assignment in plan.assignments ?? [] {
            for objective in assignment.objectives {
                assignments.append((assignment.manager, objective.objective, objective.weight))
            }
        }
    }
}
