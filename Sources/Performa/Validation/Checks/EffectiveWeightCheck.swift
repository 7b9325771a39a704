/// W-EFFECTIVE — an operational objective whose printed effective weight is not its weight times the
/// strategic objective's operational share.
///
/// Catches: `printedEffectiveWeight` ≠ `weight` × `split.operationalObjectives` / 100 (tolerance 0,01
/// points), e.g. a sheet printing "Peso 20% — Peso 5%" under a 50% operational share (expected 10%).
///
/// Why an OIV cares: the plan then states two different weights for the same objective, and the
/// *valorizzazione* and the managers' scores depend on which one is meant. Objectives without a weight
/// or whose strategic objective has no split are left to W-MISSING.
struct EffectiveWeightCheck: PlanCheck {
    static let codes = ["W-EFFECTIVE"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (_, strategic) in context.strategicObjectives {
            guard let split = strategic.split else { continue }
            for operational in strategic.operationalObjectives {
                guard let printed = operational.printedEffectiveWeight, let weight = operational.weight else { continue }
                let expected = weight * split.operationalObjectives / 100
                guard !ValidationContext.same(printed, expected) else { continue }
                let name = ValidationText.objective(key: operational.code, title: operational.title, level: .operational)
                found.append(Diagnostic(
                    code: "W-EFFECTIVE", severity: .error, location: operational.code,
                    message: "Il peso effettivo stampato per l'\(name) è \(ValidationText.percent(printed)), ma "
                        + "\(ValidationText.percent(weight)) × \(ValidationText.percent(split.operationalObjectives)) "
                        + "(quota degli obiettivi operativi nel \(strategic.code)) = \(ValidationText.percent(expected))."))
            }
        }
        return found
    }
}
