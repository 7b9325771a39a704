/// A-UNKNOWN — an assignment that points at something the plan does not have.
///
/// Catches: an assigned objective key that is no objective of the plan (`1.4.2`, or `PB.4` for the
/// agency); an assignment table for a manager id that is not among the organization's managers.
///
/// Why an OIV cares: the weight given to a missing objective is lost from the manager's score (it is
/// left out at scoring time), and a table for an unknown manager scores nobody; both usually mean a
/// typo in a code that the printed table hides.
struct UnknownAssignmentCheck: PlanCheck {
    static let codes = ["A-UNKNOWN"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let managers = Set(context.plan.organization.managers.map(\.id))
        let objectives = Set(context.index.entries.map(\.key))
        for (manager, tables) in context.assignmentsByManager {
            let location = ValidationContext.managerLocation(manager)
            if !managers.contains(manager) {
                found.append(Diagnostic(code: "A-UNKNOWN", severity: .error, location: location,
                                        message: "La tabella di assegnazione è intestata a «\(manager)», che non è tra i dirigenti dell'ente."))
            }
            for item in tables.flatMap(\.objectives) where !objectives.contains(item.objective) {
                found.append(Diagnostic(
                    code: "A-UNKNOWN", severity: .error, location: location,
                    message: "L'obiettivo «\(item.objective)» assegnato al dirigente \(context.managerName(manager)) "
                        + "con peso \(ValidationText.percent(item.weight)) non esiste nel piano."))
            }
        }
        return found
    }
}
