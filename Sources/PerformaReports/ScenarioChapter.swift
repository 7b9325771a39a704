import Performa

/// Chapter 2 of the Piano, *Scenario socio-economico*: the key figures of the territory, the enterprise
/// tables with their totals, and the narrative paragraphs.
struct ScenarioChapter {
    let plan: Plan

    func write(to body: inout HTMLWriter) {
        guard let scenario = plan.scenario else { return }
        body.section(2, "2. Scenario socio-economico", id: "scenario", className: "chapter") { w in
            if let intro = scenario.intro { w.narrative(intro) }
            if !scenario.keyFigures.isEmpty {
                w.table(HTMLTable(
                    caption: "I numeri della provincia",
                    columns: [.init("Voce"), .init("Valore", numeric: true), .init("Riferimento"), .init("Variazione"), .init("Fonte")],
                    rows: scenario.keyFigures.map { figure in
                        let indent = String(repeating: "→ ", count: max(figure.level ?? 0, 0))
                        return .init([.header(indent + figure.label), .text(figure.value), .text(figure.date ?? ""),
                                      .text(figure.variation ?? ""), .text(figure.source ?? "")])
                    }
                ))
            }
            for table in [scenario.enterprisesBySector, scenario.enterprisesByLegalForm].compactMap({ $0 }) {
                w.table(countTable(table))
            }
            for section in scenario.sections ?? [] {
                w.section(3, section.title, id: HTMLWriter.anchor("scenario-", section.key), inOutline: false) { $0.narrative(section.text) }
            }
        }
    }

    /// A count table with the printed total and, when the rows do not add up to it, their sum.
    private func countTable(_ table: CountTable) -> HTMLTable {
        let hasCodes = table.rows.contains { $0.code != nil }
        let sum = table.rows.reduce(0) { $0 + $1.count }
        func row(_ label: String, _ value: Int) -> HTMLTable.Row {
            .init((hasCodes ? [.text("")] : []) + [.header(label), .text(DocumentText.count(value))])
        }
        var footer: [HTMLTable.Row] = []
        if let total = table.total { footer.append(row("Totale", total)) }
        if table.total == nil || table.total != sum { footer.append(row(table.total == nil ? "Totale" : "Somma delle righe", sum)) }
        return HTMLTable(
            caption: table.title + (table.asOf.map { " – al \($0.italian)" } ?? ""),
            columns: (hasCodes ? [.init("Sezione")] : []) + [.init(table.columnLabel), .init(table.valueLabel, numeric: true)],
            rows: table.rows.map { .init((hasCodes ? [.text($0.code ?? "")] : []) + [.header($0.label), .text(DocumentText.count($0.count))]) },
            footer: footer
        )
    }
}
