/// T-MISSING — a checkpoint that carries weight but has no target entry at all.
///
/// Catches: an operational or agency indicator without a 31/12 target of the plan year (its weight
/// belongs to 31/12); a strategic indicator with an indicator-level weight above zero and no target
/// entry for some year of the span; a strategic indicator with no targets at all.
///
/// Why an OIV cares: a weighted indicator without a target cannot be scored, so the objective's result
/// would rest on the other indicators only, or on whatever target is agreed after the fact. A `-` entry
/// is a deliberate "not applicable" and is not reported here (see W-NA for its weight).
struct MissingTargetCheck: PlanCheck {
    static let codes = ["T-MISSING"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for indicator in entry.sheet.indicators {
                // Built only for a finding: naming every indicator was most of the validator's time.
                var location: String { IndicatorKey(objective: entry.key, number: indicator.number).description }
                var name: String { ValidationText.indicator(indicator, of: entry) }
                if entry.level == .strategic {
                    if indicator.targets.isEmpty {
                        found.append(Diagnostic(code: "T-MISSING", severity: .error, location: location,
                                                message: "L'\(name) non ha alcun target."))
                        continue
                    }
                    guard let weight = indicator.weight, weight > 0 else { continue }
                    let years = context.plan.span.years.filter { indicator.target(at: .yearEnd($0)) == nil }
                    guard !years.isEmpty else { continue }
                    found.append(Diagnostic(
                        code: "T-MISSING", severity: .error, location: location,
                        message: "L'\(name) ha peso \(ValidationText.percent(weight)) ma nessun target per "
                            + (years.count == 1 ? "il " : "gli anni ") + ValidationText.list(years.map(String.init)) + "."))
                } else if indicator.target(at: context.yearEnd) == nil {
                    let weight = indicator.weight.map { " pur avendo peso \(ValidationText.percent($0))" } ?? ""
                    found.append(Diagnostic(
                        code: "T-MISSING", severity: .error, location: location,
                        message: "L'\(name) non ha un target al \(context.yearEnd.italian)\(weight)."))
                }
            }
        }
        return found
    }
}
