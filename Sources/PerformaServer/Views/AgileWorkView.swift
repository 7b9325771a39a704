import Performa

struct AgileWorkView: Sendable {
    struct Cell: Sendable { var text: String }
    struct Row: Sendable {
        var label: String
        var cells: [Cell]
    }
    struct Table: Sendable {
        var caption: String
        var columns: [Cell]
        var rows: [Row]
    }
    let page: PageChrome
    let present: Bool
    let title: String
    let acts: [String]
    let monthly: Table?
    let chart: String?
    let tables: [Table]
    let programme: Table?
    let rules: [String]
    let sections: [TextSection]
    let hasRules: Bool
    /// The form of the rules and monthly figures, for the HR office and the struttura tecnica.
    let editHref: String?

    init(snapshot: PlanSnapshot, context: WebRequestContext, mayEdit: Bool, notices: [Notice]) {
        page = PageChrome(title: "POLA – lavoro agile", section: .agileWork, plan: snapshot.stored, context: context, notices: notices)
        editHref = mayEdit ? Paths.piaoAgileWork(snapshot.id) : nil
        guard let pola = snapshot.plan.agileWork else {
            present = false
            title = "Piano organizzativo del lavoro agile"
            acts = []
            monthly = nil
            chart = nil
            tables = []
            programme = nil
            rules = []
            sections = []
            hasRules = false
            return
        }
        present = true
        title = pola.title
        acts = (pola.acts ?? []).map { act in
            [act.body, act.number.map { "n. \($0)" }, act.date.map { "del \($0.italian)" }, act.note].compactMap { $0 }.joined(separator: " ")
        }
        let months = pola.monthly.sorted { $0.month < $1.month }
        func name(_ month: Int) -> String { (1...12).contains(month) ? AgileMonth.italianMonthAbbreviations[month - 1] : String(month) }
        func count(_ n: Int) -> String { ItalianNumber.format(Double(n)) }
        monthly = months.isEmpty ? nil : Table(
            caption: "La dimensione del lavoro agile (anno \(pola.monthlyYear))",
            columns: months.map { Cell(text: name($0.month)) },
            rows: [
                Row(label: "N° dipendenti totali", cells: months.map { Cell(text: count($0.employees)) }),
                Row(label: "N° lavoratori agili", cells: months.map { Cell(text: count($0.agileWorkers)) }),
                Row(label: "Giornate di lavoro agile a settimana per dipendente (media)", cells: months.map { Cell(text: ItalianNumber.format($0.averageAgileDaysPerWeek, fractionDigits: 1)) }),
                Row(label: "Giornate di lavoro agile nel mese", cells: months.map { Cell(text: count($0.agileDaysInMonth)) }),
                Row(label: "Quota di lavoratori agili (calcolata)", cells: months.map {
                    Cell(text: $0.employees > 0 ? ItalianNumber.percent(Double($0.agileWorkers) / Double($0.employees), fractionDigits: 1) : "—")
                }),
            ])
        chart = AgileWorkFigure.svg(plan: snapshot.plan)
        tables = [pola.technology, pola.training].compactMap { $0 }.map { table in
            Table(caption: table.title, columns: table.columns.map { Cell(text: $0) },
                  rows: table.rows.map { row in Row(label: row.label, cells: table.columns.indices.map { Cell(text: $0 < row.values.count ? row.values[$0] : "—") }) })
        }
        let items = pola.programme ?? []
        let years = Array(Set(items.flatMap(\.years))).sorted()
        programme = items.isEmpty ? nil : Table(
            caption: "Adozione delle condizioni e dei fattori abilitanti (programma di sviluppo)",
            columns: years.map { Cell(text: String($0)) },
            rows: items.map { item in Row(label: item.item, cells: years.map { Cell(text: item.years.contains($0) ? "✓ previsto" : "—") }) })
        var rules: [String] = []
        if let r = pola.rules {
            if let days = r.maxDaysPerWeek { rules.append("Al massimo \(days) giorn\(days == 1 ? "o" : "i") di lavoro agile a settimana") }
            if let hours = r.maxHoursPerWeek { rules.append("Al massimo \(hours) ore a settimana") }
            if let start = r.windowStart, let end = r.windowEnd { rules.append("Fascia di lavoro: dalle \(start) alle \(end)") }
            if let lunch = r.lunchBreak { rules.append("Pausa: \(lunch)") }
            rules += (r.mealVoucherConditions ?? []).map { "Buono pasto: \($0)" }
            rules += r.other ?? []
        }
        self.rules = rules
        hasRules = !rules.isEmpty
        sections = (pola.sections ?? []).map { TextSection($0, prefix: "pola-") }
    }
}
