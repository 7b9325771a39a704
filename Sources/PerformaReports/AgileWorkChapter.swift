import Performa

/// The POLA (*Piano organizzativo del lavoro agile*), the Piano's annex: its chapters in the plan's order,
/// each followed by the table it introduces — the monthly figures with their chart after the current level,
/// technology and training after theirs, the rules after the implementation chapter, the development
/// programme after the development plan. Tables whose chapter is missing follow at the end.
struct AgileWorkChapter {
    let plan: Plan
    let agileWork: AgileWorkPlan
    /// The Piano prints the POLA as an annex; the PIAO as its subsection 3.2, one level down.
    var heading: (level: Int, title: String)? = nil

    private enum Part { case monthly, technology, training, rules, programme }

    /// The chapter key each table follows.
    private static let anchors: [(key: String, part: Part)] = [
        ("livello-attuale", .monthly), ("dotazioni-informatiche", .technology), ("formazione", .training),
        ("modalita-attuative", .rules), ("piano-di-sviluppo", .programme),
    ]

    func write(to body: inout HTMLWriter) {
        let level = heading?.level ?? 2
        body.section(level, heading?.title ?? "Allegato – \(agileWork.title)", id: "pola", className: "chapter") { w in
            let acts = agileWork.acts ?? []
            if !acts.isEmpty { w.list(acts.map(DocumentText.act)) }
            var written: Set<String> = []
            for section in agileWork.sections ?? [] {
                w.section(level + 1, section.title, id: HTMLWriter.anchor("pola-", section.key)) { $0.narrative(section.text) }
                if let part = Self.anchors.first(where: { $0.key == section.key })?.part {
                    write(part, to: &w)
                    written.insert(section.key)
                }
            }
            for (key, part) in Self.anchors where !written.contains(key) {
                write(part, to: &w)
            }
        }
    }

    private func write(_ part: Part, to w: inout HTMLWriter) {
        switch part {
        case .monthly: writeMonthly(&w)
        case .technology: if let table = agileWork.technology { w.table(figureTable(table)) }
        case .training: if let table = agileWork.training { w.table(figureTable(table)) }
        case .rules: writeRules(&w)
        case .programme: writeProgramme(&w)
        }
    }

    private func writeMonthly(_ w: inout HTMLWriter) {
        let months = agileWork.monthly.sorted { $0.month < $1.month }
        guard !months.isEmpty else { return }
        func name(_ month: Int) -> String {
            (1...12).contains(month) ? AgileMonth.italianMonthAbbreviations[month - 1] : String(month)
        }
        func row(_ label: String, _ value: (AgileMonth) -> String) -> HTMLTable.Row {
            .init([.header(label)] + months.map { .text(value($0)) })
        }
        w.table(HTMLTable(
            caption: "La dimensione del lavoro agile (anno \(agileWork.monthlyYear))",
            columns: [.init("Indicatore")] + months.map { .init(name($0.month), numeric: true) },
            rows: [
                row("N° dipendenti totali") { DocumentText.count($0.employees) },
                row("N° lavoratori agili") { DocumentText.count($0.agileWorkers) },
                row("N° giornate in lavoro agile svolte in media a settimana per dipendente") { ItalianNumber.format($0.averageAgileDaysPerWeek, fractionDigits: 2, minimumFractionDigits: 0) },
                row("N° di giornate in lavoro agile svolte complessivamente nel mese") { DocumentText.count($0.agileDaysInMonth) },
                row("Quota di lavoratori agili sul totale (calcolata)") {
                    $0.employees > 0 ? ItalianNumber.percent(Double($0.agileWorkers) / Double($0.employees), fractionDigits: 1) : DocumentText.none
                },
            ],
            className: "monthly"
        ))
        w.container("figure", className: "chart") { w in
            w.raw(AgileWorkChartSVG(months: months, year: agileWork.monthlyYear).render())
            w.raw("<figcaption>Lavoratori agili, dipendenti e giornate di lavoro agile per mese (anno \(agileWork.monthlyYear)); i valori sono nella tabella precedente.</figcaption>")
        }
    }

    private func figureTable(_ table: FigureTable) -> HTMLTable {
        HTMLTable(
            caption: table.title,
            columns: [.init("Voce")] + table.columns.map { .init($0, numeric: true) },
            rows: table.rows.map { row in .init([.header(row.label)] + table.columns.indices.map { .text($0 < row.values.count ? row.values[$0] : DocumentText.none) }) }
        )
    }

    private func writeRules(_ w: inout HTMLWriter) {
        guard let rules = agileWork.rules else { return }
        var rows: [HTMLTable.Row] = []
        if let days = rules.maxDaysPerWeek { rows.append(.init([.header("Massimo di giornate a settimana"), .text(DocumentText.count(days))])) }
        if let hours = rules.maxHoursPerWeek { rows.append(.init([.header("Massimo di ore a settimana"), .text(DocumentText.count(hours))])) }
        if rules.windowStart != nil || rules.windowEnd != nil {
            rows.append(.init([.header("Fascia oraria di lavoro"), .text("dalle \(rules.windowStart ?? DocumentText.none) alle \(rules.windowEnd ?? DocumentText.none)")]))
        }
        if let lunch = rules.lunchBreak { rows.append(.init([.header("Pausa pranzo"), .text(lunch)])) }
        if let conditions = rules.mealVoucherConditions, !conditions.isEmpty {
            rows.append(.init([.header("Condizioni per il buono pasto"), .html(orderedList(conditions))]))
        }
        if let other = rules.other, !other.isEmpty {
            rows.append(.init([.header("Altre regole"), .html(orderedList(other, ordered: false))]))
        }
        guard !rows.isEmpty else { return }
        w.table(HTMLTable(caption: "Regole del lavoro agile", columns: [.init("Regola"), .init("Disciplina")], rows: rows, className: "key-value"))
    }

    private func orderedList(_ items: [String], ordered: Bool = true) -> String {
        let tag = ordered ? "ol" : "ul"
        return "<\(tag)>" + items.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</\(tag)>"
    }

    private func writeProgramme(_ w: inout HTMLWriter) {
        guard let programme = agileWork.programme, !programme.isEmpty else { return }
        let years = Array(Set(plan.span.years).union(programme.flatMap(\.years))).sorted()
        w.table(HTMLTable(
            caption: "Adozione delle condizioni e dei fattori abilitanti – programma",
            columns: [.init("Condizione o fattore abilitante")] + years.map { .init(String($0)) },
            rows: programme.map { item in .init([.header(item.item)] + years.map { .text(item.years.contains($0) ? String($0) : "") }) },
            className: "programme"
        ))
    }
}
