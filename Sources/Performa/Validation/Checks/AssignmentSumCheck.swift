/// A-SUM — a manager whose assignment weights do not add up to 100%, or whose table prints a total
/// different from the sum of its rows.
///
/// Catches: the weights of all objectives assigned to one manager (over all of their tables) summing to
/// something other than 100% (tolerance 0,01 points); an assignment table whose printed total
/// (`Totale … 100,00%`) differs from the sum of its own rows.
///
/// Why an OIV cares: the manager's score — and the performance pay that follows from it — is the
/// weighted sum of these objectives; weights that do not make 100% make it unclear what a full score is.
struct AssignmentSumCheck: PlanCheck {
    static let codes = ["A-SUM"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (manager, tables) in context.assignmentsByManager {
            let location = ValidationContext.managerLocation(manager)
            let name = context.managerName(manager)
            let sum = tables.flatMap(\.objectives).map(\.weight).reduce(0, +)
            if !ValidationContext.same(sum, 100) {
                found.append(Diagnostic(
                    code: "A-SUM", severity: .error, location: location,
                    message: "I pesi degli obiettivi assegnati al dirigente \(name) sommano a \(ValidationText.percent(sum)) invece di 100,00%."))
            }
            for table in tables {
                guard let printed = table.printedTotal else { continue }
                let rows = table.objectives.map(\.weight).reduce(0, +)
                guard !ValidationContext.same(printed, rows) else { continue }
                found.append(Diagnostic(
                    code: "A-SUM", severity: .error, location: location,
                    message: "La tabella di assegnazione del dirigente \(name) stampa il totale \(ValidationText.percent(printed)), "
                        + "ma la somma dei pesi è \(ValidationText.percent(rows))."))
            }
        }
        return found
    }
}
