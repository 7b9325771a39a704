/// W-MISSING — a weight missing where the roll-up needs one.
///
/// Catches: an objective (strategic, operational, agency) or an area — when other areas have one —
/// without a weight; a strategic objective with both own indicators and operational objectives but no
/// split between them; indicators with an applicable target and no weight (neither on the target entry
/// nor on the indicator). Indicators are reported once per objective, listing them and, for strategic
/// objectives, the years.
///
/// Why an OIV cares: without the weight the result depends on a default the plan never stated (equal
/// weights). That is an error when there are siblings to share with; a warning when the objective or
/// indicator is the only one of its group, since it then counts 100% whatever the weight.
struct MissingWeightCheck: PlanCheck {
    static let codes = ["W-MISSING"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let plan = context.plan
        func sibling(_ count: Int, location: String, what: String, within: String) {
            if count == 1 {
                found.append(Diagnostic(code: "W-MISSING", severity: .warning, location: location,
                                        message: "Peso non indicato per l'\(what), unico \(within): si intende 100,00%."))
            } else {
                found.append(Diagnostic(code: "W-MISSING", severity: .error, location: location,
                                        message: "Peso non indicato per l'\(what) \(within)."))
            }
        }

        if plan.areas.contains(where: { $0.weight != nil }) {
            for area in plan.areas where area.weight == nil {
                found.append(Diagnostic(code: "W-MISSING", severity: .error, location: "area:\(area.code)",
                                        message: "Peso non indicato per l'area strategica \(area.code) \(ValidationText.quoted(area.title)), mentre altre aree ne hanno uno."))
            }
        }
        for area in plan.areas {
            for strategic in area.objectives {
                var name: String { ValidationText.objective(key: strategic.code, title: strategic.title, level: .strategic) }
                if strategic.weight == nil {
                    sibling(area.objectives.count, location: strategic.code, what: name,
                            within: area.objectives.count == 1 ? "obiettivo dell'area strategica \(area.code)" : "nell'area strategica \(area.code)")
                }
                if strategic.split == nil, !strategic.indicators.isEmpty, !strategic.operationalObjectives.isEmpty {
                    found.append(Diagnostic(code: "W-MISSING", severity: .error, location: strategic.code,
                                            message: "Non è indicata la ripartizione dell'\(name) tra indicatori propri e obiettivi operativi."))
                }
                let count = strategic.operationalObjectives.count
                for operational in strategic.operationalObjectives where operational.weight == nil {
                    let what = ValidationText.objective(key: operational.code, title: operational.title, level: .operational)
                    sibling(count, location: operational.code, what: what,
                            within: count == 1 ? "obiettivo operativo dell'obiettivo strategico \(strategic.code)" : "nell'obiettivo strategico \(strategic.code)")
                }
            }
        }
        for group in plan.specialAgencyObjectives ?? [] {
            let prefix = context.agencyPrefix(group.agency)
            let agency = ValidationText.quoted(context.agencyName(group.agency))
            for objective in group.objectives where objective.weight == nil {
                let key = "\(prefix).\(objective.code)"
                sibling(group.objectives.count, location: key,
                        what: ValidationText.objective(key: key, title: objective.title, level: .agency),
                        within: group.objectives.count == 1 ? "obiettivo dell'azienda speciale \(agency)" : "tra gli obiettivi dell'azienda speciale \(agency)")
            }
        }
        for entry in context.index.entries {
            if let finding = missingIndicatorWeights(entry, context) { found.append(finding) }
        }
        return found
    }

    /// One finding per objective: which indicators lack a weight, and (strategic) in which years.
    private func missingIndicatorWeights(_ entry: PlanIndex.Entry, _ context: ValidationContext) -> Diagnostic? {
        var numbers: [Int] = []
        var years: [Int] = []
        var onlyOne = true
        for day in context.scoredCheckpoints(entry.level) {
            let counted = entry.sheet.indicators.filter { context.counts($0, at: day, level: entry.level) }
            let missing = counted.filter { $0.weight(at: day) == nil }
            guard !missing.isEmpty else { continue }
            if counted.count > 1 { onlyOne = false }
            for indicator in missing where !numbers.contains(indicator.number) { numbers.append(indicator.number) }
            if !years.contains(day.year) { years.append(day.year) }
        }
        guard !numbers.isEmpty else { return nil }
        numbers.sort()
        let name = ValidationText.objective(entry)
        if onlyOne && numbers.count == 1 {
            return Diagnostic(code: "W-MISSING", severity: .warning, location: entry.key,
                              message: "Peso non indicato per l'indicatore \(numbers[0]), unico con target dell'\(name): si intende 100,00%.")
        }
        let when = entry.level == .strategic ? " (" + (years.count == 1 ? "anno " : "anni ") + ValidationText.list(years.sorted().map(String.init)) + ")" : ""
        let who = numbers.count == 1 ? "l'indicatore \(numbers[0])" : "gli indicatori " + ValidationText.list(numbers.map(String.init))
        let verb = numbers.count == 1 ? "ha" : "hanno"
        return Diagnostic(code: "W-MISSING", severity: .error, location: entry.key,
                          message: "Peso non indicato per \(who) dell'\(name)\(when), che \(verb) un target applicabile.")
    }
}
