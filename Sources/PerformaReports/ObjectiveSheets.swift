import Foundation
import Performa

/// One *scheda* per objective, with the seed's sections and columns: weight, Bilancio (Missione/Programma),
/// description and actions, units involved, staff committed, the weights' breakdown (strategic), the
/// indicators with baseline, targets and weights, the financial resources, the evidence for the OIV, notes.
struct ObjectiveSheets {
    let plan: Plan
    /// Manager ids and weights by objective key, in assignment-table order.
    private let assigned: [String: [(manager: String, weight: Double)]]

    init(plan: Plan) {
        self.plan = plan
        var assigned: [String: [(manager: String, weight: Double)]] = [:]
        for assignment in plan.assignments ?? [] {
            for item in assignment.objectives { assigned[item.objective, default: []].append((assignment.manager, item.weight)) }
        }
        self.assigned = assigned
    }

    static func anchor(_ key: String) -> String { HTMLWriter.anchor("obiettivo-", key) }

    // MARK: Strategic

    func writeStrategic(_ objective: StrategicObjective, area: StrategicArea, to w: inout HTMLWriter) {
        w.section(5, "Obiettivo strategico \(objective.code) – \(objective.title)", id: Self.anchor(objective.code), className: "sheet", inOutline: false) { w in
            if let subtitle = objective.subtitle { w.paragraph(subtitle, className: "sheet-title") }
            w.raw("<p class=\"weight\"><strong>Peso \(XMLText.escape(DocumentText.weight(objective.weight)))</strong> – Peso dell'obiettivo dirigenziale nell'area strategica \(XMLText.escape(area.code))</p>")
            writeAssignees(objective.code, to: &w)
            w.table(descriptionTable(objective, caption: "Scheda dell'obiettivo strategico \(objective.code)", actions: objective.actions ?? [], unitsLabel: "Aree e uffici coinvolti"))
            w.table(weightBreakdown(objective))
            w.table(strategicIndicators(objective))
            if let table = strategicBudget(objective) { w.table(table) }
            if let table = evidence(objective.indicators) { w.table(table) }
            writeNotes(objective.notes, objective.indicators, to: &w)
        }
    }

    /// "Quantificazione del peso degli indicatori al raggiungimento dell'obiettivo strategico": the own indicators'
    /// share, then each operational objective with its weight and its effective weight in the strategic objective.
    private func weightBreakdown(_ objective: StrategicObjective) -> HTMLTable {
        var rows: [HTMLTable.Row] = []
        let own = objective.split?.ownIndicators
        rows.append(.init([.header("Indicatori dell'obiettivo strategico"), .text(DocumentText.weight(own)), .text(DocumentText.weight(own))], className: "group"))
        rows += objective.indicators.map { .init([.text("Indicatore \($0.number): \($0.title)"), .text(""), .text("")]) }
        if !objective.operationalObjectives.isEmpty {
            rows.append(.init([.header("Indicatori degli obiettivi operativi collegati all'obiettivo strategico"),
                               .text(DocumentText.weight(objective.split?.operationalObjectives)),
                               .text(DocumentText.weight(objective.split?.operationalObjectives))], className: "group"))
            for operational in objective.operationalObjectives {
                rows.append(.init([.header("\(operational.code) \(operational.title)"), .text(DocumentText.weight(operational.weight)),
                                   .text(DocumentText.weight(Self.effectiveWeight(operational, in: objective)))]))
                rows += operational.indicators.map { .init([.text("Indicatore \($0.number): \($0.title)"), .text(""), .text("")]) }
            }
        }
        return HTMLTable(
            caption: "Quantificazione del peso degli indicatori al raggiungimento dell'obiettivo strategico",
            columns: [.init("Indicatori"), .init("Peso", numeric: true), .init("Peso effettivo nell'obiettivo strategico", numeric: true)],
            rows: rows
        )
    }

    /// The weight an operational objective carries in its strategic objective: its weight times the
    /// operational share of the split (20% × 50% = 10%).
    static func effectiveWeight(_ operational: OperationalObjective, in strategic: StrategicObjective) -> Double? {
        guard let weight = operational.weight, let share = strategic.split?.operationalObjectives else { return nil }
        return weight * share / 100
    }

    private func strategicIndicators(_ objective: StrategicObjective) -> HTMLTable {
        let checkpoints = Self.checkpoints(objective.indicators, required: plan.span.years.map { Day.yearEnd($0) })
        var columns: [HTMLTable.Column] = [.init("N."), .init("Indicatore: descrizione e cosa misura"), .init("Target storico riferimento")]
        for day in checkpoints {
            let label = day.month == 12 && day.day == 31 ? String(day.year) : day.italian
            columns += [.init("Risultato atteso al \(label)"), .init("Peso%", numeric: true)]
        }
        return HTMLTable(
            caption: "Indicatori obiettivo strategico",
            columns: columns,
            rows: objective.indicators.map { indicator in
                var cells: [HTMLTable.Cell] = [.header(String(indicator.number)), .text(indicator.title), .text(indicator.baseline?.text ?? DocumentText.none)]
                for day in checkpoints {
                    let entry = indicator.target(at: day)
                    cells += [.text(entry?.target.text ?? DocumentText.none), .text(entry == nil ? DocumentText.none : DocumentText.weight(indicator.weight(at: day)))]
                }
                return .init(cells)
            }
        )
    }

    private func strategicBudget(_ objective: StrategicObjective) -> HTMLTable? {
        guard let lines = objective.budgetLines, !lines.isEmpty else { return nil }
        let years = Array(Set(plan.span.years).union(lines.flatMap { $0.amounts.map(\.year) })).sorted()
        let hasCentre = lines.contains { $0.budgetCentre != nil }
        let hasPira = lines.contains { $0.pira != nil }
        var columns: [HTMLTable.Column] = [.init("Conto Ricavo/Costo")]
        if hasCentre { columns.append(.init("Budget")) }
        if hasPira { columns.append(.init("PIRA")) }
        columns += years.map { .init("Stima risorse \($0)", numeric: true) }
        return HTMLTable(
            caption: "Risorse finanziarie del progetto",
            columns: columns,
            rows: lines.map { line in
                var cells: [HTMLTable.Cell] = [.text(line.account ?? DocumentText.none)]
                if hasCentre { cells.append(.text(line.budgetCentre ?? "")) }
                if hasPira { cells.append(.text(line.pira ?? "")) }
                cells += years.map { year in .text(Self.amounts(line, year: year)) }
                return .init(cells)
            }
        )
    }

    /// Every amount a line gives for a year, as written (a line may list two amounts for one year).
    static func amounts(_ line: BudgetLine, year: Int) -> String {
        let texts = line.amounts.filter { $0.year == year }.map { printed($0.amount) }
        return texts.isEmpty ? DocumentText.none : texts.joined(separator: " + ")
    }

    /// An amount as the plan writes it; a blank one as "—".
    static func printed(_ amount: Amount) -> String {
        amount.text.trimmingSpaces.isEmpty ? DocumentText.none : amount.text
    }

    // MARK: Operational and special agency

    /// An operational objective (`parent` given) or a special agency's objective (`parent` nil).
    func writeOperational(_ objective: OperationalObjective, key: String, parent: StrategicObjective?, to w: inout HTMLWriter) {
        let heading = parent == nil ? "Obiettivo operativo \(objective.code) (\(key)) – \(objective.title)" : "Obiettivo operativo \(key) – \(objective.title)"
        w.section(5, heading, id: Self.anchor(key), className: "sheet", inOutline: false) { w in
            var weight = "<strong>Peso \(XMLText.escape(DocumentText.weight(objective.weight)))</strong> – Peso dell'obiettivo operativo"
            if let parent, let effective = Self.effectiveWeight(objective, in: parent) {
                weight += " (peso effettivo nell'obiettivo strategico \(XMLText.escape(parent.code)): \(XMLText.escape(DocumentText.weight(effective))))"
            }
            w.raw("<p class=\"weight\">\(weight)</p>")
            if objective.additional == true {
                w.paragraph("Obiettivo aggiuntivo, determinato in corso d'anno.", className: "notice")
            }
            writeAssignees(key, to: &w)
            w.table(descriptionTable(objective, caption: "Scheda dell'obiettivo operativo \(key)", actions: [],
                                     unitsLabel: parent == nil ? "Uffici coinvolti" : "Aree e uffici coinvolti"))
            w.table(operationalIndicators(objective))
            if let table = operationalBudget(objective) { w.table(table) }
            if let table = evidence(objective.indicators) { w.table(table) }
            writeNotes(objective.notes, objective.indicators, to: &w)
        }
    }

    private func operationalIndicators(_ objective: OperationalObjective) -> HTMLTable {
        let checkpoints = Self.checkpoints(objective.indicators, required: [.midYear(plan.year), .yearEnd(plan.year)])
        return HTMLTable(
            caption: "Indicatori",
            columns: [.init("N."), .init("Indicatore: descrizione e cosa misura"), .init("Target storico riferimento")]
                + checkpoints.map { .init("Risultato atteso al \($0.checkpointLabel)") } + [.init("Peso%", numeric: true)],
            rows: objective.indicators.map { indicator in
                .init([.header(String(indicator.number)), .text(indicator.title), .text(indicator.baseline?.text ?? DocumentText.none)]
                      + checkpoints.map { .text(indicator.target(at: $0)?.target.text ?? DocumentText.none) }
                      + [.text(DocumentText.weight(indicator.weight))])
            }
        )
    }

    private func operationalBudget(_ objective: OperationalObjective) -> HTMLTable? {
        guard let lines = objective.budgetLines, !lines.isEmpty else { return nil }
        let hasPira = lines.contains { $0.pira != nil }
        var rows: [HTMLTable.Row] = []
        for line in lines {
            let amounts = line.amounts.isEmpty ? [nil] : line.amounts.map { Optional($0) }
            for amount in amounts {
                var cells: [HTMLTable.Cell] = [.text(amount.map { Self.printed($0.amount) } ?? DocumentText.none), .text(amount.map { String($0.year) } ?? ""),
                                               .text(line.account ?? DocumentText.none)]
                if hasPira { cells.append(.text(line.pira ?? "")) }
                cells.append(.text(line.budgetCentre ?? ""))
                rows.append(.init(cells))
            }
        }
        return HTMLTable(
            caption: "Risorse finanziarie del progetto",
            columns: [.init("Importo", numeric: true), .init("Anno"), .init("Conto Ricavo/Costo")] + (hasPira ? [.init("PIRA")] : []) + [.init("Budget")],
            rows: rows
        )
    }

    // MARK: Shared parts

    /// The checkpoints a sheet's indicator table shows: the required ones and any other the indicators use.
    static func checkpoints(_ indicators: [Indicator], required: [Day]) -> [Day] {
        Array(Set(required).union(indicators.flatMap { $0.targets.map(\.at) })).sorted()
    }

    private func descriptionTable(_ sheet: any ObjectiveSheet, caption: String, actions: [YearActions], unitsLabel: String) -> HTMLTable {
        var rows: [HTMLTable.Row] = []
        if let classification = sheet.classification {
            let missione = "Missione \(classification.missione.code) – \(classification.missione.title)"
            let programma = "Programma \(classification.programma.code) – \(classification.programma.title)"
            rows.append(.init([.header("Bilancio"), .html(XMLText.escape(missione) + "<br>" + XMLText.escape(programma))]))
        }
        var description = sheet.description.map(NarrativeText.html) ?? ""
        for group in actions {
            description += "<p><strong>Anno \(group.year):</strong></p><ol>" + group.items.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</ol>"
        }
        rows.append(.init([.header("Descrizione obiettivo e azioni da intraprendere"), .html(description.isEmpty ? DocumentText.none : description)]))
        rows.append(.init([.header(unitsLabel), .text(sheet.unitsInvolved ?? DocumentText.none)]))
        rows.append(.init([.header("Impegno richiesto"), .html(sheet.staffCommitted.map(NarrativeText.html) ?? DocumentText.none)]))
        return HTMLTable(caption: caption, columns: [.init("Voce"), .init("Contenuto")], rows: rows, className: "key-value", captionHidden: true)
    }

    private func evidence(_ indicators: [Indicator]) -> HTMLTable? {
        guard indicators.contains(where: { $0.evidence != nil }) else { return nil }
        return HTMLTable(
            caption: "Documentazione e report finali, con riferimento ai singoli indicatori",
            columns: [.init("Indicatore"), .init("Documentazione e report da presentare, su richiesta, all'OIV per la validazione del grado di raggiungimento dell'obiettivo")],
            rows: indicators.map { .init([.header(String($0.number)), .text($0.evidence ?? DocumentText.none)]) }
        )
    }

    private func writeAssignees(_ key: String, to w: inout HTMLWriter) {
        guard let items = assigned[key], !items.isEmpty else { return }
        let names = items.map { item -> String in
            let name = plan.organization.managers.first { $0.id == item.manager }.map(DocumentText.managerName) ?? item.manager
            return "\(name) (\(DocumentText.weight(item.weight)))"
        }
        w.labelled("Assegnato a:", names.joined(separator: "; "))
    }

    /// Notes of the objective and of its indicators: units, sources, formulas, neutralisations.
    private func writeNotes(_ notes: String?, _ indicators: [Indicator], to w: inout HTMLWriter) {
        let items = ObjectiveNotes.lines(objectiveNotes: notes, indicators: indicators)
        guard !items.isEmpty else { return }
        w.container(className: "notice") { w in
            w.paragraph("Note")
            w.list(items)
        }
    }
}
