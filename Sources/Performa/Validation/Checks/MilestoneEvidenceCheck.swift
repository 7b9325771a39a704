/// Q-EVIDENCE — a milestone target with no evidence stated.
///
/// Catches: an indicator with an applicable milestone target (`Bozza nuovi articoli`, `Avvio con
/// azioni specifiche`, or a compound target with a milestone part) at any checkpoint, and no
/// *documentazione e report* to show it was reached.
///
/// Why an OIV cares: a milestone has no number to measure; only the stated evidence lets the OIV
/// validate the achievement instead of taking the manager's word for it.
struct MilestoneEvidenceCheck: PlanCheck {
    static let codes = ["Q-EVIDENCE"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for indicator in entry.sheet.indicators {
                guard PlainText.isBlank(indicator.evidence ?? "") else { continue }
                let milestones = indicator.targets.filter { hasMilestone($0.target.kind) }.map { "«\($0.target.text)»" }
                guard !milestones.isEmpty else { continue }
                var unique: [String] = []
                for text in milestones where !unique.contains(text) { unique.append(text) }
                found.append(Diagnostic(
                    code: "Q-EVIDENCE", severity: .warning,
                    location: IndicatorKey(objective: entry.key, number: indicator.number).description,
                    message: "L'\(ValidationText.indicator(indicator, of: entry)) ha un target a fasi (\(ValidationText.list(unique))) "
                        + "ma nessuna documentazione indicata a prova del raggiungimento."))
            }
        }
        return found
    }

    private func hasMilestone(_ kind: TargetKind) -> Bool {
        switch kind {
        case .milestone: return true
        case .compound(let parts): return parts.contains(where: hasMilestone)
        default: return false
        }
    }
}
