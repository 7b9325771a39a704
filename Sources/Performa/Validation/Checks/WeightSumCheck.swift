/// W-SUM — weights that do not add up to 100% at some level of the plan.
///
/// Catches: strategic objectives inside an area; operational objectives inside a strategic objective;
/// agency objectives inside their agency; a strategic objective's split between its own indicators and
/// its operational objectives; an operational (or agency) objective's indicator weights at 31/12; a
/// strategic objective's own indicator weights in each year of the span, counting only the indicators
/// whose target is applicable that year. Area weights are checked only when the plan gives some.
///
/// Why an OIV cares: the roll-up is a weighted sum, so weights that add up to 95% or 110% leave the
/// result ambiguous — either it cannot reach 100% or some objective silently counts more than printed.
/// A group with a missing weight is left to W-MISSING: its sum means nothing.
struct WeightSumCheck: PlanCheck {
    static let codes = ["W-SUM"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let plan = context.plan
        // Labels and subject are built only for a finding: most groups add up.
        func check(_ weights: [Double?], labels: @autoclosure () -> [String], at location: String, _ subject: @autoclosure () -> String) {
            guard !weights.isEmpty else { return }
            let given = weights.compactMap { $0 }
            guard given.count == weights.count else { return }
            let sum = given.reduce(0, +)
            guard !ValidationContext.same(sum, 100) else { return }
            let detail = ValidationText.parts(zip(labels(), given).map { (label: $0, weight: $1) })
            found.append(Diagnostic(
                code: "W-SUM", severity: .error, location: location,
                message: "I pesi \(subject()) sommano a \(ValidationText.percent(sum)) invece di 100,00% (\(detail))."))
        }

        if plan.areas.contains(where: { $0.weight != nil }) {
            check(plan.areas.map(\.weight), labels: plan.areas.map { "area \($0.code)" }, at: "piano", "delle aree strategiche")
        }
        for area in plan.areas {
            check(area.objectives.map(\.weight), labels: area.objectives.map(\.code), at: "area:\(area.code)",
                  "degli obiettivi strategici dell'area strategica \(area.code) \(ValidationText.quoted(area.title))")
            for strategic in area.objectives {
                var name: String { ValidationText.objective(key: strategic.code, title: strategic.title, level: .strategic) }
                check(strategic.operationalObjectives.map(\.weight), labels: strategic.operationalObjectives.map(\.code), at: strategic.code,
                      "degli obiettivi operativi dell'\(name)")
                if let split = strategic.split {
                    let sum = split.ownIndicators + split.operationalObjectives
                    if !ValidationContext.same(sum, 100) {
                        found.append(Diagnostic(
                            code: "W-SUM", severity: .error, location: strategic.code,
                            message: "La ripartizione dell'\(name) tra indicatori propri (\(ValidationText.percent(split.ownIndicators))) "
                                + "e obiettivi operativi (\(ValidationText.percent(split.operationalObjectives))) "
                                + "somma a \(ValidationText.percent(sum)) invece di 100,00%."))
                    }
                }
            }
        }
        for group in plan.specialAgencyObjectives ?? [] {
            let prefix = context.agencyPrefix(group.agency)
            check(group.objectives.map(\.weight), labels: group.objectives.map { "\(prefix).\($0.code)" }, at: "agenzia:\(group.agency)",
                  "degli obiettivi dell'azienda speciale \(ValidationText.quoted(context.agencyName(group.agency)))")
        }
        for entry in context.index.entries {
            for day in context.weightedCheckpoints(entry.level) {
                let counted = entry.sheet.indicators.filter { context.counts($0, at: day, level: entry.level) }
                check(counted.map { $0.weight(at: day) }, labels: counted.map { "indicatore \($0.number)" }, at: entry.key,
                      "degli indicatori dell'\(ValidationText.objective(entry)) (\(entry.level == .strategic ? "\(day.year)" : day.italian))")
            }
        }
        return found
    }
}
