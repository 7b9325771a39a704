/// Q-INCOMPARABLE — a target that cannot be compared with its baseline.
///
/// Catches: a year-end target and a baseline that are both quantitative but of different kinds — a
/// percentage target against a count baseline (`90%` against `18`), a count against a percentage, a
/// frequency against either. A change target (`-5,00%`) is a change *from* the baseline and compares
/// with any quantitative baseline; yes/no, milestone and deadline targets have no level to compare.
///
/// Why an OIV cares: without a comparable baseline nobody can tell whether the target asks for more
/// than last year (see Q-EASY), and a progress-from-baseline scoring rule cannot be applied. Usually the
/// baseline was copied from another column or the target's unit was left out.
struct IncomparableTargetCheck: PlanCheck {
    static let codes = ["Q-INCOMPARABLE"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for indicator in entry.sheet.indicators {
                guard let baseline = indicator.baseline, let baselineQuantity = TargetComparison.quantity(baseline.kind) else { continue }
                var targets: [String] = []
                var kinds: [String] = []
                for entryTarget in TargetComparison.yearEndTargets(indicator, level: entry.level, context) {
                    guard let quantity = TargetComparison.quantity(entryTarget.target.kind),
                          quantity != .change, quantity != baselineQuantity else { continue }
                    targets.append("«\(entryTarget.target.text)» \(context.checkpointLabel(entryTarget.at, level: entry.level))")
                    if !kinds.contains(quantity.italian) { kinds.append(quantity.italian) }
                }
                guard !targets.isEmpty else { continue }
                found.append(Diagnostic(
                    code: "Q-INCOMPARABLE", severity: .warning,
                    location: IndicatorKey(objective: entry.key, number: indicator.number).description,
                    message: "Per l'\(ValidationText.indicator(indicator, of: entry)) "
                        + (targets.count > 1 ? "i target " : "il target ") + ValidationText.list(targets)
                        + " (\(ValidationText.list(kinds))) " + (targets.count > 1 ? "non sono confrontabili" : "non è confrontabile")
                        + " con il valore storico di riferimento «\(baseline.text)» "
                        + "(\(baselineQuantity.italian)): non si può giudicare il miglioramento."))
            }
        }
        return found
    }
}
