import Performa

/// The PIAO's tables as workbooks (export only): the register of subsection 2.3 the RPCT keeps (processes, risk
/// events with their assessment, prevention measures, transparency obligations) and the staffing tables of 3.3
/// (starting staff, movements, the projection per year, the spending capacity, the training plan). Names, units
/// and managers are printed by name, as whoever reads the register expects; the rating is the one the domain
/// computes (`RiskAssessment.level(by:)`), never recomputed here. docs/spreadsheets.md lists the sheets.
public enum PIAOSheets {
    public static let processes = "Processi", events = "Eventi rischiosi", measures = "Misure", transparency = "Trasparenza"
    public static let startingStaff = "Personale iniziale", movements = "Movimenti", projection = "Proiezione"
    public static let spendingCapacity = "Capacità assunzionale", training = "Formazione"

    public static let code = "Codice", process = "Processo", area = "Area di rischio", unit = "Unità organizzativa"
    public static let description = "Descrizione", factors = "Fattori abilitanti"
    public static let probability = "Probabilità", impact = "Impatto", rating = "Valutazione", motivation = "Motivazione"
    public static let measure = "Misura", kind = "Tipo", type = "Tipologia", treatedEvents = "Eventi trattati"
    public static let owner = "Responsabile", timing = "Tempistica", monitoring = "Monitoraggio"
    public static let section = "Sezione", subsection = "Sottosezione", content = "Contenuto", reference = "Riferimento normativo"
    public static let office = "Ufficio responsabile", update = "Aggiornamento"
    public static let category = "Categoria", headcount = "Unità di personale", year = "Anno"
    public static let departures = "Cessazioni", hires = "Assunzioni", channel = "Canale"
    public static let amount = "Importo", action = "Azione", audience = "Destinatari", hours = "Ore", participants = "Partecipanti"

    /// The header of a projection column: staff at the end of that year (`Al 31/12/2023`).
    public static func staffAt(_ year: Int) -> String { "Al \(Day.yearEnd(year).italian)" }
    /// The header of the projection's first count, the starting staff (`Iniziale al 31/12/2020`).
    public static func staffFrom(_ day: Day) -> String { "Iniziale al \(day.italian)" }

    // MARK: 2.3 Rischi corruttivi e trasparenza

    /// Processi, Eventi rischiosi, Misure, Trasparenza; headers only when the plan has no register.
    public static func riskRegister(_ plan: Plan) -> [SheetTable] {
        let register = plan.piao?.risks ?? RiskRegister()
        let names = Names(plan)
        return [
            processTable(register, names), eventTable(register),
            measureTable(register, plan: plan, names), transparencyTable(register.transparency ?? [], names),
        ]
    }

    private static func processTable(_ register: RiskRegister, _ names: Names) -> SheetTable {
        SheetTable(name: processes, columns: [.init(code, maxWidth: 10), .init(process, maxWidth: 50), .init(area, maxWidth: 40), .init(unit, maxWidth: 36)],
                   records: register.processes.map { item in
                       [code: .text(item.code), process: .text(item.title), area: .text(item.area.italian), unit: .text(item.unit.map(names.unit))]
                   })
    }

    private static func eventTable(_ register: RiskRegister) -> SheetTable {
        let method = register.ratingMethod
        let events = register.processes.flatMap { process in process.events.map { (process: process.code, event: $0) } }
        // Probability and impact are the numeric method's; a qualitative register without them does not show them.
        let numeric = method == .numeric || events.contains { $0.event.assessment?.probability != nil || $0.event.assessment?.impact != nil }
        var columns: [SheetTable.Column] = [.init(code, maxWidth: 12), .init(process, maxWidth: 10), .init(description, maxWidth: 50), .init(factors, maxWidth: 40)]
        columns += ExposureIndicator.allCases.map { SheetTable.Column($0.italian, maxWidth: 16) }
        if numeric { columns += [.init(probability, maxWidth: 12), .init(impact, maxWidth: 10)] }
        columns += [.init(rating, maxWidth: 12), .init(motivation, maxWidth: 50)]
        return SheetTable(name: self.events, columns: columns, records: events.map { process, event in
            let assessment = event.assessment
            var record: [String: SheetCell] = [
                code: .text(event.code), self.process: .text(process), description: .text(event.description),
                factors: .text(event.factors.flatMap { $0.isEmpty ? nil : $0.joined(separator: "; ") }),
                probability: .integer(assessment?.probability), impact: .integer(assessment?.impact),
                rating: .text(assessment?.level(by: method)?.italian), motivation: .text(assessment?.motivation),
            ]
            for exposure in assessment?.exposure ?? [] { record[exposure.indicator.italian] = .text(exposure.level.italian) }
            return record
        })
    }

    private static func measureTable(_ register: RiskRegister, plan: Plan, _ names: Names) -> SheetTable {
        let index = PlanIndex(plan, measures: false)
        return SheetTable(name: measures, columns: [
            .init(code, maxWidth: 10), .init(measure, maxWidth: 50), .init(kind, maxWidth: 10), .init(type, maxWidth: 20),
            .init(treatedEvents, maxWidth: 24), .init(owner, maxWidth: 30), .init(unit, maxWidth: 36), .init(timing, maxWidth: 24),
            .init(monitoring, maxWidth: 60),
        ], records: register.measures.map { item in
            [
                code: .text(item.key), measure: .text(item.title), kind: .text(item.kind.italian), type: .text(item.type),
                treatedEvents: .text(item.risks.flatMap { $0.isEmpty ? nil : $0.joined(separator: "; ") }),
                owner: .text(item.owner.map(names.manager)), unit: .text(item.unit.map(names.unit)), timing: .text(item.timing),
                monitoring: monitoringCell(item, index: index),
            ]
        })
    }

    /// The objective the measure is (`obiettivo 3.1.7: title`), or its own indicators, one per line
    /// (`1. title: 100% al 31/12/2023`, every checkpoint with a target).
    static func monitoringCell(_ item: PreventionMeasure, index: PlanIndex) -> SheetCell {
        if let objective = item.objective {
            return .text("obiettivo \(objective)" + (index.entry(objective).map { ": \($0.sheet.title)" } ?? ""))
        }
        return .lines((item.indicators ?? []).map { indicator in
            let targets = indicator.targets.filter { $0.target.kind.isApplicable }.map { "\($0.target.text) al \($0.at.italian)" }
            return "\(indicator.number). \(indicator.title)" + (targets.isEmpty ? "" : ": " + targets.joined(separator: ", "))
        })
    }

    private static func transparencyTable(_ obligations: [TransparencyObligation], _ names: Names) -> SheetTable {
        SheetTable(name: transparency, columns: [
            .init(section, maxWidth: 30), .init(subsection, maxWidth: 30), .init(content, maxWidth: 50), .init(reference, maxWidth: 24),
            .init(office, maxWidth: 36), .init(owner, maxWidth: 30), .init(update, maxWidth: 14),
        ], records: obligations.map { line in
            [
                section: .text(line.section), subsection: .text(line.subsection), content: .text(line.content), reference: .text(line.reference),
                office: .text(line.office.map(names.unit)), owner: .text(line.owner.map(names.manager)), update: .text(line.update.italian),
            ]
        })
    }

    // MARK: 3.3 Fabbisogni di personale e formazione

    /// Personale iniziale, Movimenti, Proiezione, Capacità assunzionale, Formazione; headers only for what the
    /// plan does not hold.
    public static func staffing(_ plan: Plan) -> [SheetTable] {
        let staffing = plan.piao?.staffing ?? StaffingPlan()
        let span = plan.piao?.span ?? plan.span
        let start = staffing.startingStaff ?? plan.organization.staff
            ?? StaffFigures(asOf: .yearEnd(span.from - 1), total: 0, byCategory: [])
        return [
            SheetTable(name: startingStaff, columns: [.init(category, maxWidth: 30), .init(headcount, maxWidth: 18)],
                       records: start.byCategory.map { [category: .text($0.category), headcount: .integer($0.count)] }),
            movementTable(staffing),
            projectionTable(staffing, start: start, span: span),
            SheetTable(name: spendingCapacity, columns: [.init(year, maxWidth: 8), .init(amount, maxWidth: 20)],
                       records: (staffing.spendingCapacity ?? []).map { [year: .integer($0.year), amount: PlanSheetExport.cell($0.amount)] }),
            SheetTable(name: training, columns: [
                .init(year, maxWidth: 8), .init(action, maxWidth: 50), .init(audience, maxWidth: 30), .init(hours, maxWidth: 8),
                .init(participants, maxWidth: 14),
            ], records: (plan.piao?.training ?? []).map { item in
                [year: .integer(item.year), action: .text(item.title), audience: .text(item.audience), hours: .number(item.hours),
                 participants: .integer(item.participants)]
            }),
        ]
    }

    /// Departures and hires in year order, departures first within a year, each in the plan's order.
    private static func movementTable(_ staffing: StaffingPlan) -> SheetTable {
        let rows = staffing.departures.map { (move: $0, hire: false) } + staffing.hires.map { (move: $0, hire: true) }
        let ordered = rows.enumerated().sorted { a, b in
            (a.element.move.year, a.element.hire ? 1 : 0, a.offset) < (b.element.move.year, b.element.hire ? 1 : 0, b.offset)
        }.map(\.element)
        return SheetTable(name: movements, columns: [
            .init(year, maxWidth: 8), .init(category, maxWidth: 30), .init(departures, maxWidth: 12), .init(hires, maxWidth: 12),
            .init(channel, maxWidth: 30),
        ], records: ordered.map { move, hire in
            [year: .integer(move.year), category: .text(move.category), (hire ? hires : departures): .integer(move.count), channel: .text(move.channel)]
        })
    }

    /// Staff by category at the start and at the end of each year of the span, as `StaffingPlan.projected` gives
    /// it; a category first met in a later year counts zero before it.
    private static func projectionTable(_ staffing: StaffingPlan, start: StaffFigures, span: YearSpan) -> SheetTable {
        let years = Array(span.years)
        let projections = years.map { year in
            Dictionary(staffing.projected(from: start, through: year).map { ($0.category, $0.count) }, uniquingKeysWith: +)
        }
        let categories = staffing.projected(from: start, through: years.last ?? span.to).map(\.category)
        let initial = Dictionary(start.byCategory.map { ($0.category, $0.count) }, uniquingKeysWith: +)
        let columns = [SheetTable.Column(category, maxWidth: 30), .init(staffFrom(start.asOf), maxWidth: 22)]
            + years.map { SheetTable.Column(staffAt($0), maxWidth: 14) }
        return SheetTable(name: projection, columns: columns, rows: categories.map { name in
            [.text(name), .integer(initial[name] ?? 0)] + projections.map { .integer($0[name] ?? 0) }
        })
    }

    /// Unit and manager names by id; an id not found is printed as it is.
    private struct Names {
        let units: [String: String]
        let managers: [String: String]

        init(_ plan: Plan) {
            units = Dictionary((plan.organization.units ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            managers = Dictionary(plan.organization.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }

        func unit(_ id: String) -> String { units[id] ?? id }
        func manager(_ id: String) -> String { managers[id] ?? id }
    }
}
