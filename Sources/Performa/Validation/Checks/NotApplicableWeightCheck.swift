/// W-NA — a weight above zero given to a period whose target is not applicable (`-`, `NA`, `//`).
///
/// Catches: a target entry with its own weight > 0 and a not-applicable target (the strategic sheets'
/// `Peso %` per year), and an operational or agency indicator whose 31/12 target is not applicable
/// while its weight — which belongs to 31/12 — is above zero. An operational indicator with `-` at
/// 30/6 is normal (nothing is due at mid-year) and is not reported.
///
/// Why an OIV cares: the plan promises weight to something that cannot be measured; at scoring time
/// that weight is silently redistributed to the other indicators, so the printed weights are not the
/// ones applied.
struct NotApplicableWeightCheck: PlanCheck {
    static let codes = ["W-NA"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for indicator in entry.sheet.indicators {
                var periods: [String] = []
                for target in indicator.targets where !target.target.kind.isApplicable {
                    let weight: Double?
                    if let own = target.weight {
                        weight = own
                    } else if entry.level != .strategic && target.at == context.yearEnd {
                        weight = indicator.weight
                    } else {
                        weight = nil
                    }
                    guard let weight, weight > 0 else { continue }
                    periods.append("\(ValidationText.percent(weight)) \(context.checkpointLabel(target.at, level: entry.level)) (target «\(target.target.text)»)")
                }
                guard !periods.isEmpty else { continue }
                found.append(Diagnostic(
                    code: "W-NA", severity: .error,
                    location: IndicatorKey(objective: entry.key, number: indicator.number).description,
                    message: "L'\(ValidationText.indicator(indicator, of: entry)) ha peso \(ValidationText.list(periods)), "
                        + "ma il target non è applicabile: il peso deve essere 0."))
            }
        }
        return found
    }
}
