/// A-NONE — an objective that no manager is assigned.
///
/// Catches: a strategic, operational or agency objective whose key appears in no assignment table;
/// a plan with no assignment tables at all is reported once, on the plan, rather than once per objective.
///
/// Why an OIV cares: D.Lgs. 150/2009 ties every objective to someone accountable for it; an objective
/// assigned to nobody weighs in the organization's result but in no manager's evaluation. A warning:
/// the plan's own scores are unaffected.
struct UnassignedObjectiveCheck: PlanCheck {
    static let codes = ["A-NONE"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        guard let tables = context.plan.assignments, !tables.isEmpty else {
            guard !context.index.entries.isEmpty else { return [] }
            return [Diagnostic(code: "A-NONE", severity: .warning, location: "piano",
                               message: "Il piano non contiene l'assegnazione degli obiettivi ai dirigenti.")]
        }
        let assigned = Set(tables.flatMap(\.objectives).map(\.objective))
        // A prevention measure has an owner of its own (2.3 of the PIAO), not a place in the assignment tables.
        return context.index.entries.filter { $0.level != .measure && !assigned.contains($0.key) }.map { entry in
            Diagnostic(code: "A-NONE", severity: .warning, location: entry.key,
                       message: "L'\(ValidationText.objective(entry)) non è assegnato a nessun dirigente.")
        }
    }
}
