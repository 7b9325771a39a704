/// Q-EASY — *target non sfidante*: a year-end target less ambitious than the indicator's own baseline.
///
/// Catches: a count or percentage target at 31/12 (strategic: in any year) below its baseline of the
/// same kind (`80%` against a baseline of `90%`, `50 eventi` against `70`), or, for a lower-is-better
/// target (`massimo …`), above it. Targets of another kind than the baseline are Q-INCOMPARABLE; a
/// target equal to its baseline (keeping 100%) is not reported.
///
/// Why an OIV cares: objectives must be *sfidanti* (D.Lgs. 150/2009, art. 5): a target the office
/// already beats rewards ordinary activity as if it were improvement. A warning: there may be a reason
/// (fewer resources, a changed service), which the plan should state.
struct EasyTargetCheck: PlanCheck {
    static let codes = ["Q-EASY"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for indicator in entry.sheet.indicators {
                guard let baseline = indicator.baseline, let baselineLevel = baseline.kind.level,
                      let baselineQuantity = TargetComparison.quantity(baseline.kind),
                      baselineQuantity == .count || baselineQuantity == .percent else { continue }
                var easy: [String] = []
                var lowerIsBetter = false
                for entryTarget in TargetComparison.yearEndTargets(indicator, level: entry.level, context) {
                    let kind = entryTarget.target.kind
                    guard TargetComparison.quantity(kind) == baselineQuantity, let level = kind.level,
                          let higher = TargetComparison.higherIsBetter(kind) else { continue }
                    guard higher ? level < baselineLevel : level > baselineLevel else { continue }
                    if !higher { lowerIsBetter = true }
                    easy.append("«\(entryTarget.target.text)» \(context.checkpointLabel(entryTarget.at, level: entry.level))")
                }
                guard !easy.isEmpty else { continue }
                let many = easy.count > 1
                let subject = many ? "i risultati attesi" : "il risultato atteso"
                let comparison = lowerIsBetter
                    ? (many ? "sono superiori" : "è superiore")
                    : (many ? "sono inferiori" : "è inferiore")
                let note = lowerIsBetter ? ", mentre per questo indicatore è meglio un valore più basso" : ""
                found.append(Diagnostic(
                    code: "Q-EASY", severity: .warning,
                    location: IndicatorKey(objective: entry.key, number: indicator.number).description,
                    message: "Target non sfidante: per l'\(ValidationText.indicator(indicator, of: entry)) \(subject) "
                        + "\(ValidationText.list(easy)) \(comparison) al valore storico di riferimento «\(baseline.text)»\(note)."))
            }
        }
        return found
    }
}
