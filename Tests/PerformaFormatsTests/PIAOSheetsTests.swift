import Foundation
import Testing
import Performa
@testable import PerformaFormats

/// The PIAO's workbooks (register 2.3, staffing 3.3) written by the real XLSX writer and read back by the real
/// reader: sheet names, headers, the ratings the domain computes, the staffing projection and the monitoring text.
@Suite("PIAO workbooks: the 2.3 register and the staffing tables")
struct PIAOSheetsTests {
    /// A plan of one area with operational objective 1.1.1, and a PIAO with two processes, three risk events,
    /// a measure that is 1.1.1 and one with its own indicator, two transparency lines, staffing over 2021–2023
    /// and training.
    static func plan() -> Plan {
        let year = Day.yearEnd(2021)
        let operational = OperationalObjective(code: "1.1.1", title: "Coordinamento performance e anticorruzione", weight: 100, indicators: [
            Indicator(number: 1, title: "Relazione del RPCT", targets: [IndicatorTarget(at: year, target: Target(parsing: "SI"))], weight: 100),
        ])
        let strategic = StrategicObjective(code: "1.1", title: "Trasparenza", weight: 100,
                                           split: ResultSplit(ownIndicators: 0, operationalObjectives: 100), operationalObjectives: [operational])
        var organization = Organization(id: "ente", name: "Ente di prova", managers: [
            Manager(id: "rossi", name: "Mario Rossi", roles: ["Segretario generale"]),
            Manager(id: "bianchi", name: "Anna Bianchi", roles: ["Dirigente"]),
        ])
        organization.units = [OrgUnit(id: "provveditorato", name: "Ufficio Provveditorato", kind: .office),
                              OrgUnit(id: "personale", name: "Ufficio Personale", kind: .office)]
        organization.staff = StaffFigures(asOf: Day(2020, 12, 31), total: 99, byCategory: [StaffCategory(category: "Altro", count: 99)])
        var plan = Plan(id: "prova", title: "Piano di prova", span: YearSpan(from: 2021, to: 2023), year: 2021, organization: organization,
                        areas: [StrategicArea(code: "1", title: "Area", weight: 100, objectives: [strategic])])

        func exposure(_ levels: [(ExposureIndicator, RiskLevel)]) -> [ExposureRating] { levels.map { ExposureRating(indicator: $0, level: $1) } }
        var award = RiskEvent(code: "P01.R1", description: "Frazionamento artificioso dell'affidamento",
                              assessment: RiskAssessment(exposure: exposure([(.externalInterest, .high), (.discretion, .high), (.opacity, .medium)])))
        award.factors = ["Mancanza di controlli", "Eccesso di discrezionalità"]
        // Two levels, one indicator each: the tie goes to the higher, medio.
        let specification = RiskEvent(code: "P01.R2", description: "Requisiti su misura di un operatore",
                                      assessment: RiskAssessment(exposure: exposure([(.externalInterest, .low), (.pastEvents, .medium)])))
        // The RPCT's stated rating prevails over the indicators.
        let selection = RiskEvent(code: "P02.R1", description: "Commissione di concorso compiacente",
                                  assessment: RiskAssessment(exposure: exposure([(.discretion, .low), (.opacity, .low)]), rating: .high,
                                                             motivation: "Segnalazioni ricevute nel 2020"))
        var register = RiskRegister(processes: [
            RiskProcess(code: "P01", title: "Affidamento di lavori, servizi e forniture", area: .contracts, unit: "provveditorato",
                        events: [award, specification]),
            RiskProcess(code: "P02", title: "Reclutamento del personale", area: .recruitment, unit: "ufficio-soppresso", events: [selection]),
        ])
        var coordination = PreventionMeasure(code: "1", title: "Coordinamento tra performance e anticorruzione", kind: .general)
        coordination.objective = "1.1.1"
        coordination.owner = "rossi"
        var checks = PreventionMeasure(code: "2", title: "Controlli a campione sugli affidamenti", kind: .specific, indicators: [
            Indicator(number: 1, title: "Affidamenti controllati", targets: [IndicatorTarget(at: year, target: Target(parsing: "100%"))]),
        ])
        checks.type = "controllo"
        checks.risks = ["P01.R1", "P01.R2"]
        checks.owner = "bianchi"
        checks.unit = "provveditorato"
        checks.timing = "semestrale"
        register.measures = [coordination, checks]
        var contracts = TransparencyObligation(section: "Bandi di gara e contratti", content: "Atti delle procedure di affidamento", update: .timely)
        contracts.reference = "art. 37 D.Lgs. 33/2013"
        contracts.office = "provveditorato"
        contracts.owner = "bianchi"
        let absences = TransparencyObligation(section: "Personale", content: "Tassi di assenza", update: .quarterly)
        register.transparency = [contracts, absences]

        var staffing = StaffingPlan(
            departures: [StaffMovement(year: 2021, category: "Categoria C", count: 2), StaffMovement(year: 2022, category: "Categoria D", count: 1),
                         StaffMovement(year: 2023, category: "Categoria C", count: 1)],
            hires: [StaffMovement(year: 2021, category: "Categoria D", count: 1, channel: "concorso"),
                    StaffMovement(year: 2022, category: "Categoria C", count: 3, channel: "mobilità"),
                    StaffMovement(year: 2023, category: "Categoria B", count: 2, channel: "scorrimento di graduatoria")])
        staffing.startingStaff = StaffFigures(asOf: Day(2020, 12, 31), total: 30, byCategory: [
            StaffCategory(category: "Categoria D", count: 10), StaffCategory(category: "Categoria C", count: 20),
        ])
        staffing.spendingCapacity = [YearAmount(year: 2021, amount: Amount(cents: 5_000_000)), YearAmount(year: 2022, amount: Amount("-"))]

        var piao = PIAO()
        piao.span = YearSpan(from: 2021, to: 2023)
        piao.risks = register
        piao.staffing = staffing
        piao.training = [TrainingAction(title: "Codice di comportamento", year: 2021, audience: "tutto il personale", hours: 4, participants: 30),
                         TrainingAction(title: "Appalti pubblici", year: 2022, audience: "Ufficio Provveditorato", hours: 12.5)]
        plan.piao = piao
        return plan
    }

    /// The workbook as the XLSX writer gives it, read back by the XLSX reader.
    static func roundTrip(_ tables: [SheetTable]) throws -> [SheetGrid] {
        try XLSXReader.sheets(try XLSXWriter.data(tables), fileName: "piao.xlsx")
    }

    static func headers(_ grid: SheetGrid) throws -> [String] {
        let row = try #require(grid.rows.first { $0.number == 1 })
        return row.cells.keys.sorted().map { row.cells[$0]?.text ?? "" }
    }

    /// The text of a cell, by the value in the first column of its row and its header.
    static func text(_ grid: SheetGrid, key: String, header: String) throws -> String? {
        let row = try #require(grid.rows.first { $0.number > 1 && $0.cells[0]?.text == key }, "no row \(key) in \(grid.name)")
        return try SpreadsheetTestSupport.value(grid, row: row.number, header: header)?.text
    }

    @Test("the register: its four sheets and headers, names for ids, and the rating the domain computes")
    func register() throws {
        let plan = Self.plan()
        let sheets = try Self.roundTrip(PIAOSheets.riskRegister(plan))
        #expect(sheets.map(\.name) == ["Processi", "Eventi rischiosi", "Misure", "Trasparenza"])

        let processes = try SpreadsheetTestSupport.sheet("Processi", in: sheets)
        #expect(try Self.headers(processes) == ["Codice", "Processo", "Area di rischio", "Unità organizzativa"])
        #expect(try Self.text(processes, key: "P01", header: "Area di rischio") == "Contratti pubblici")
        #expect(try Self.text(processes, key: "P01", header: "Unità organizzativa") == "Ufficio Provveditorato")
        #expect(try Self.text(processes, key: "P02", header: "Unità organizzativa") == "ufficio-soppresso", "an unknown unit by its id")

        let events = try SpreadsheetTestSupport.sheet("Eventi rischiosi", in: sheets)
        #expect(try Self.headers(events) == ["Codice", "Processo", "Descrizione", "Fattori abilitanti"]
            + ExposureIndicator.allCases.map(\.italian) + ["Valutazione", "Motivazione"])
        #expect(events.rows.count == 4)
        #expect(try Self.text(events, key: "P01.R1", header: "Processo") == "P01")
        #expect(try Self.text(events, key: "P01.R1", header: "Fattori abilitanti") == "Mancanza di controlli; Eccesso di discrezionalità")
        #expect(try Self.text(events, key: "P01.R1", header: ExposureIndicator.opacity.italian) == "medio")
        #expect(try Self.text(events, key: "P01.R1", header: ExposureIndicator.commitment.italian) == nil, "an indicator not rated stays empty")
        let method = try #require(plan.piao?.risks?.ratingMethod)
        for event in plan.piao?.risks?.processes.flatMap(\.events) ?? [] {
            #expect(try Self.text(events, key: event.code, header: "Valutazione") == event.assessment?.level(by: method)?.italian)
        }
        #expect(try Self.text(events, key: "P01.R1", header: "Valutazione") == "alto")
        #expect(try Self.text(events, key: "P01.R2", header: "Valutazione") == "medio")
        #expect(try Self.text(events, key: "P02.R1", header: "Valutazione") == "alto")
        #expect(try Self.text(events, key: "P02.R1", header: "Motivazione") == "Segnalazioni ricevute nel 2020")

        let measures = try SpreadsheetTestSupport.sheet("Misure", in: sheets)
        #expect(try Self.headers(measures) == ["Codice", "Misura", "Tipo", "Tipologia", "Eventi trattati", "Responsabile",
                                               "Unità organizzativa", "Tempistica", "Monitoraggio"])
        #expect(try Self.text(measures, key: "MPC.1", header: "Monitoraggio") == "obiettivo 1.1.1: Coordinamento performance e anticorruzione")
        #expect(try Self.text(measures, key: "MPC.1", header: "Tipo") == "generale")
        #expect(try Self.text(measures, key: "MPC.1", header: "Responsabile") == "Mario Rossi")
        #expect(try Self.text(measures, key: "MPC.2", header: "Monitoraggio") == "1. Affidamenti controllati: 100% al 31/12/2021")
        #expect(try Self.text(measures, key: "MPC.2", header: "Eventi trattati") == "P01.R1; P01.R2")
        #expect(try Self.text(measures, key: "MPC.2", header: "Unità organizzativa") == "Ufficio Provveditorato")
        #expect(try Self.text(measures, key: "MPC.2", header: "Tempistica") == "semestrale")

        let transparency = try SpreadsheetTestSupport.sheet("Trasparenza", in: sheets)
        #expect(try Self.headers(transparency) == ["Sezione", "Sottosezione", "Contenuto", "Riferimento normativo", "Ufficio responsabile",
                                                   "Responsabile", "Aggiornamento"])
        #expect(try Self.text(transparency, key: "Bandi di gara e contratti", header: "Ufficio responsabile") == "Ufficio Provveditorato")
        #expect(try Self.text(transparency, key: "Bandi di gara e contratti", header: "Aggiornamento") == "tempestivo")
        #expect(try Self.text(transparency, key: "Personale", header: "Aggiornamento") == "trimestrale")
    }

    @Test("a numeric register shows probability and impact and rates their product")
    func numericRegister() throws {
        var plan = Self.plan()
        plan.piao?.risks?.method = .numeric
        plan.piao?.risks?.processes[0].events[0].assessment = RiskAssessment(probability: 3, impact: 4)
        let events = try SpreadsheetTestSupport.sheet("Eventi rischiosi", in: try Self.roundTrip(PIAOSheets.riskRegister(plan)))
        #expect(try Self.headers(events).suffix(4) == ["Probabilità", "Impatto", "Valutazione", "Motivazione"])
        #expect(try Self.text(events, key: "P01.R1", header: "Probabilità") == "3")
        #expect(try Self.text(events, key: "P01.R1", header: "Valutazione") == "medio", "3 × 4 = 12 is medium")
        #expect(try Self.text(events, key: "P01.R2", header: "Valutazione") == nil, "no probability and impact: unrated")
    }

    @Test("staffing: starting staff, movements, the projection start − departures + hires per year, capacity, training")
    func staffing() throws {
        let plan = Self.plan()
        let sheets = try Self.roundTrip(PIAOSheets.staffing(plan))
        #expect(sheets.map(\.name) == ["Personale iniziale", "Movimenti", "Proiezione", "Capacità assunzionale", "Formazione"])

        let start = try SpreadsheetTestSupport.sheet("Personale iniziale", in: sheets)
        #expect(try Self.headers(start) == ["Categoria", "Unità di personale"])
        #expect(try Self.text(start, key: "Categoria C", header: "Unità di personale") == "20", "the staffing plan's start, not the organization's")

        let movements = try SpreadsheetTestSupport.sheet("Movimenti", in: sheets)
        #expect(try Self.headers(movements) == ["Anno", "Categoria", "Cessazioni", "Assunzioni", "Canale"])
        let rows = movements.rows.dropFirst().map { row in (0..<5).map { row.cells[$0]?.text ?? "" } }
        #expect(rows == [["2021", "Categoria C", "2", "", ""], ["2021", "Categoria D", "", "1", "concorso"],
                         ["2022", "Categoria D", "1", "", ""], ["2022", "Categoria C", "", "3", "mobilità"],
                         ["2023", "Categoria C", "1", "", ""], ["2023", "Categoria B", "", "2", "scorrimento di graduatoria"]])

        let projection = try SpreadsheetTestSupport.sheet("Proiezione", in: sheets)
        #expect(try Self.headers(projection) == ["Categoria", "Iniziale al 31/12/2020", "Al 31/12/2021", "Al 31/12/2022", "Al 31/12/2023"])
        let counts = Dictionary(uniqueKeysWithValues: projection.rows.dropFirst().map { row in
            (row.cells[0]?.text ?? "", (1...4).map { column -> Double? in
                if case .number(let value, .plain) = row.cells[column] { return value }
                return nil
            })
        })
        // D: 10, +1 in 2021, −1 in 2022; C: 20, −2 in 2021, +3 in 2022, −1 in 2023; B: hired in 2023.
        #expect(counts["Categoria D"] == [10, 11, 10, 10])
        #expect(counts["Categoria C"] == [20, 18, 21, 20])
        #expect(counts["Categoria B"] == [0, 0, 0, 2])
        #expect(projection.rows.dropFirst().map { $0.cells[0]?.text } == ["Categoria D", "Categoria C", "Categoria B"])

        let capacity = try SpreadsheetTestSupport.sheet("Capacità assunzionale", in: sheets)
        #expect(try Self.headers(capacity) == ["Anno", "Importo"])
        let amount = try #require(capacity.rows.first { $0.cells[0]?.text == "2021" })
        #expect(amount.cells[1] == .number(50_000, .plain), "a euro number, not text")
        #expect(try Self.text(capacity, key: "2022", header: "Importo") == "-", "an amount printed as text stays text")

        let training = try SpreadsheetTestSupport.sheet("Formazione", in: sheets)
        #expect(try Self.headers(training) == ["Anno", "Azione", "Destinatari", "Ore", "Partecipanti"])
        #expect(try Self.text(training, key: "2022", header: "Ore") == "12,5")
        #expect(try Self.text(training, key: "2021", header: "Partecipanti") == "30")
    }

    @Test("without a starting staff of its own the projection starts from the organization's; without a PIAO, headers only but the staff")
    func fallbacks() throws {
        var plan = Self.plan()
        plan.piao?.staffing?.startingStaff = nil
        let projection = try #require(PIAOSheets.staffing(plan).first { $0.name == "Proiezione" })
        #expect(projection.rows.first == [.text("Altro"), .integer(99), .integer(99), .integer(99), .integer(99)])
        plan.piao = nil
        let register = try Self.roundTrip(PIAOSheets.riskRegister(plan))
        #expect(register.count == 4 && register.allSatisfy { $0.rows.count == 1 })
        let staffing = try Self.roundTrip(PIAOSheets.staffing(plan))
        #expect(staffing.filter { $0.rows.count == 1 }.map(\.name) == ["Movimenti", "Capacità assunzionale", "Formazione"])
    }

    @Test("docs/spreadsheets.md names every PIAO sheet and column")
    func documented() throws {
        let text = try String(contentsOf: TestFiles.repository.appendingPathComponent("docs/spreadsheets.md"), encoding: .utf8)
        let section = try #require(text.range(of: "## PIAO sheets (export only)"))
        let body = text[section.upperBound...]
        var plan = Self.plan()
        plan.piao?.risks?.method = .numeric
        #expect(body.contains("`Iniziale al GG/MM/AAAA`") && body.contains("`Al 31/12/AAAA`"))
        for table in PIAOSheets.riskRegister(plan) + PIAOSheets.staffing(plan) {
            #expect(body.contains("`\(table.name)`"), "sheet \(table.name)")
            for column in table.columns where !column.header.hasPrefix("Al ") && !column.header.hasPrefix("Iniziale al ") {
                #expect(body.contains("`\(column.header)`"), "\(table.name): column \(column.header)")
            }
        }
    }
}
