import Performa

/// *Assegnazione degli obiettivi ai Dirigenti*: for each manager the assigned objectives with their weights
/// and the total, computed from the weights (the total the plan prints is shown beside it when it differs).
struct AssignmentTable {
    let plan: Plan

    func write(to w: inout HTMLWriter) {
        let assignments = plan.assignments ?? []
        guard !assignments.isEmpty else {
            w.paragraph("Il piano non assegna obiettivi ai dirigenti.")
            return
        }
        let index = PlanIndex(plan)
        var rows: [HTMLTable.Row] = []
        for assignment in assignments {
            let manager = plan.organization.managers.first { $0.id == assignment.manager }
            let roles = manager?.roles.joined(separator: " e ") ?? ""
            let name = manager.map(DocumentText.managerName) ?? assignment.manager
            rows.append(.init([.header([roles, name].filter { !$0.isEmpty }.joined(separator: " – "), colspan: 2)], className: "group"))
            for item in assignment.objectives {
                let label = index.entry(item.objective).map(DocumentText.objectiveLabel)
                    ?? "\(item.printedTitle ?? item.objective) (obiettivo non presente nel piano)"
                rows.append(.init([.text(label), .text(DocumentText.weight(item.weight))]))
            }
            let total = assignment.objectives.reduce(0) { $0 + $1.weight }
            var totalText = DocumentText.weight(total)
            if let printed = assignment.printedTotal, abs(printed - total) > 0.005 {
                totalText += " (il piano stampa \(DocumentText.weight(printed)))"
            }
            let firstRole = manager?.roles.first.map { $0 + " " } ?? ""
            rows.append(.init([.header("Totale \(firstRole)\(name)"), .text(totalText)], className: "total"))
        }
        w.table(HTMLTable(
            caption: "Assegnazione degli obiettivi \(plan.year) ai Dirigenti",
            columns: [.init("Obiettivi"), .init("Peso dell'obiettivo per dirigente", numeric: true)],
            rows: rows
        ))
    }
}
