import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("Plan spreadsheet: export, template and import")
struct PlanSpreadsheetTests {
    /// Reads a plan back from its own export, through XLSX bytes.
    func throughXLSX(_ tables: [SheetTable], base: Plan?) throws -> Plan {
        let sheets = try XLSXReader.sheets(try XLSXWriter.data(tables), fileName: "piano.xlsx")
        return try PlanSheetImport.plan(from: sheets, base: base, file: "piano.xlsx")
    }

    /// Compares the whole objective tree, field by field through Equatable, naming the first difference.
    func expectSameTree(_ imported: Plan, _ original: Plan) {
        #expect(imported.areas.count == original.areas.count)
        for (area, expected) in zip(imported.areas, original.areas) {
            #expect(area.code == expected.code && area.title == expected.title && area.weight == expected.weight)
            #expect(area.objectives.count == expected.objectives.count)
            for (strategic, expectedStrategic) in zip(area.objectives, expected.objectives) {
                #expect(strategic.indicators == expectedStrategic.indicators, "indicators of \(strategic.code)")
                #expect(strategic.budgetLines == expectedStrategic.budgetLines, "budget lines of \(strategic.code)")
                #expect(strategic.actions == expectedStrategic.actions, "actions of \(strategic.code)")
                for (operational, expectedOperational) in zip(strategic.operationalObjectives, expectedStrategic.operationalObjectives) {
                    #expect(operational.indicators == expectedOperational.indicators, "indicators of \(operational.code)")
                    #expect(operational.budgetLines == expectedOperational.budgetLines, "budget lines of \(operational.code)")
                    #expect(operational == expectedOperational, "operational objective \(operational.code)")
                }
                #expect(strategic == expectedStrategic, "strategic objective \(strategic.code)")
            }
            #expect(area == expected, "area \(area.code)")
        }
        #expect(imported.specialAgencyObjectives == original.specialAgencyObjectives)
        #expect(imported.assignments == original.assignments)
        #expect(imported.organization.managers == original.organization.managers)
        #expect(imported.organization.specialAgencies == original.organization.specialAgencies)
    }

    @Test("the Brescia plan exported to XLSX and imported with its base is the same plan, to the last field")
    func bresciaRoundTripWithBase() throws {
        let original = try TestFiles.brescia()
        let imported = try throughXLSX(PlanSheetExport.tables(original), base: original)
        expectSameTree(imported, original)
        #expect(imported == original)
    }

    @Test("without a base, the template still carries the whole tree, the managers, the agencies and the plan's identity")
    func bresciaRoundTripWithoutBase() throws {
        let original = try TestFiles.brescia()
        let imported = try throughXLSX(PlanSheetExport.tables(original), base: nil)
        expectSameTree(imported, original)
        #expect(imported.id == original.id && imported.title == original.title && imported.span == original.span)
        #expect(imported.year == original.year && imported.status == original.status && imported.version == original.version)
        #expect(imported.organization.id == original.organization.id && imported.organization.name == original.organization.name)
        #expect(imported.sections == nil && imported.scenario == nil && imported.agileWork == nil, "the context comes only from a base")
        // Scoring the imported plan gives the same scorecard as the original (the PIAO, not in the workbook, left aside).
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: original)
        var piano = original
        piano.piao = nil
        let before = Scorer(plan: piano).scorecard(results: results, at: .yearEnd(2021))
        let after = Scorer(plan: imported).scorecard(results: results, at: .yearEnd(2021))
        #expect(after.objectives == before.objectives && after.result == before.result && after.managers == before.managers)
    }

    @Test("through a folder of CSV files the Brescia plan comes back the same")
    func bresciaRoundTripCSV() throws {
        let original = try TestFiles.brescia()
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SpreadsheetCSV.write(PlanSheetExport.tables(original), to: folder)
        let imported = try PlanSheetImport.plan(from: try SpreadsheetInput.sheets(at: folder), base: original)
        expectSameTree(imported, original)
        #expect(imported == original)
    }

    @Test("explicit target readings and odd amounts survive the round trip")
    func explicitTargets() throws {
        var plan = try TestFiles.brescia()
        plan.areas[0].objectives[0].indicators[0].targets[0].target = Target(text: "100,00 %", kind: .milestone("Lancio della campagna"))
        plan.areas[0].objectives[0].indicators[0].baseline = Target(text: "20 visite", kind: .atLeast(20, unit: "visite"), isExplicit: true)
        plan.areas[0].objectives[0].budgetLines?[0].amounts[0].amount = Amount("50.000 euro circa")
        plan.areas[0].objectives[0].operationalObjectives[0].additional = true
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[0].neutralised = Neutralisation(reason: "Sentenza", from: Day(2021, 3, 29))
        plan.areas[0].objectives[0].indicators[1].unit = "verbali"
        #expect(try throughXLSX(PlanSheetExport.tables(plan), base: plan) == plan)
    }

    @Test("a damaged cell is refused naming sheet, row and column: «trenta» as a weight")
    func nonNumericWeight() throws {
        let plan = try TestFiles.brescia()
        var tables = PlanSheetExport.tables(plan)
        let row = try SpreadsheetTestSupport.rowIndex(tables, sheet: "Indicatori", where: ["Obiettivo": "1.1.2", "Numero": "1"])
        tables = try SpreadsheetTestSupport.replacing(tables, sheet: "Indicatori", row: row, header: "Peso", with: .text("trenta"))
        #expect {
            _ = try throughXLSX(tables, base: plan)
        } throws: { error in
            (error as? SpreadsheetError)?.description
                == "piano.xlsx, foglio Indicatori, riga \(row + 2), colonna Peso: valore non numerico «trenta»"
        }
    }

    @Test("in a folder of CSV files, the error names the file, the sheet, the record and the column")
    func damagedCSV() throws {
        let plan = try TestFiles.brescia()
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tables = PlanSheetExport.tables(plan)
        try SpreadsheetCSV.write(tables, to: folder)
        let row = try SpreadsheetTestSupport.rowIndex(tables, sheet: "Indicatori", where: ["Obiettivo": "1.1.2", "Numero": "1"])
        let file = folder.appendingPathComponent("Indicatori.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines[row + 1].contains(";30,00%;"))
        lines[row + 1] = lines[row + 1].replacingOccurrences(of: ";30,00%;", with: ";trenta;")
        try Data(lines.joined(separator: "\r\n").utf8).write(to: file)
        #expect {
            _ = try PlanSheetImport.plan(from: try SpreadsheetInput.sheets(at: folder), base: plan, file: folder.lastPathComponent)
        } throws: { error in
            (error as? SpreadsheetError)?.description == "Indicatori.csv, foglio Indicatori, riga \(row + 2), colonna Peso: valore non numerico «trenta»"
        }
    }

    /// One damaged cell and the error it must give.
    struct Damage: Sendable, CustomTestStringConvertible {
        var sheet: String
        var row: [String: String]
        var column: String
        var value: SheetCell
        var message: String
        /// The column the error names, when it is not the one changed.
        var reported: String? = nil
        var testDescription: String { "\(sheet)/\(column): \(message)" }
    }

    static let damages: [Damage] = [
        Damage(sheet: "Indicatori", row: ["Obiettivo": "1.1.2", "Numero": "1"], column: "Obiettivo", value: .text("9.9.9"),
               message: "obiettivo «9.9.9» inesistente nel foglio Obiettivi"),
        Damage(sheet: "Indicatori", row: ["Obiettivo": "1.1.2", "Numero": "2"], column: "Numero", value: .integer(1),
               message: "indicatore 1.1.2/1 ripetuto"),
        Damage(sheet: "Indicatori", row: ["Obiettivo": "1.1.2", "Numero": "2"], column: "Peso", value: .percent(130),
               message: "percentuale fuori scala «130,00%»: attesa tra 0% e 100%"),
        Damage(sheet: "Indicatori", row: ["Obiettivo": "1.1", "Numero": "1"], column: "Target al 31/12/2021", value: .empty,
               message: "peso senza target alla stessa scadenza", reported: "Peso al 31/12/2021"),
        Damage(sheet: "Indicatori", row: ["Obiettivo": "1.1.2", "Numero": "1"], column: "Neutralizzato dal", value: .text("32/13/2021"),
               message: "data non valida «32/13/2021» (usare GG/MM/AAAA)"),
        Damage(sheet: "Indicatori", row: ["Obiettivo": "1.1.2", "Numero": "1"], column: "Target al 31/12/2021", value: .text("{kind: boh}"),
               message: "target non leggibile «{kind: boh}»: una cella che inizia con «{» deve contenere il target esplicito come nel file del piano, es. {text: \"…\", kind: milestone} (vedi docs/plan-format.md)"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1.1.1"], column: "Padre", value: .text("7.7"),
               message: "obiettivo strategico «7.7» inesistente nel foglio Obiettivi"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1.1.2"], column: "Codice", value: .text("1.1.1"), message: "obiettivo ripetuto «1.1.1»"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1.1.1"], column: "Livello", value: .text("progetto"),
               message: "livello sconosciuto «progetto»: usare area, strategico, operativo, azienda speciale"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1.1.1"], column: "Quota indicatori propri", value: .percent(50),
               message: "campo non previsto per un obiettivo operativo: lasciare vuoto"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1.1"], column: "Codice missione", value: .empty,
               message: "classificazione incompleta: indicare codice e titolo di missione e programma"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1.1.1"], column: "Aggiuntivo", value: .text("forse"), message: "atteso SI oppure NO, trovato «forse»"),
        Damage(sheet: "Obiettivi", row: ["Codice": "1"], column: "Titolo", value: .empty, message: "valore obbligatorio mancante"),
        Damage(sheet: "Assegnazioni", row: ["Dirigente": "ziletti", "Obiettivo": "1.2"], column: "Dirigente", value: .text("rossi"),
               message: "dirigente «rossi» inesistente nel foglio Dirigenti"),
        Damage(sheet: "Assegnazioni", row: ["Dirigente": "ziletti", "Obiettivo": "1.2"], column: "Totale stampato", value: .percent(100),
               message: "totale stampato già indicato alla riga 2 per il dirigente «ziletti»"),
        Damage(sheet: "Risorse", row: ["Obiettivo": "1.1.1", "Importo 2021": "€ 16.000,00"], column: "Obiettivo", value: .text("1.9"),
               message: "obiettivo «1.9» inesistente nel foglio Obiettivi"),
        Damage(sheet: "Azioni", row: ["Obiettivo": "1.1", "Anno": "2022"], column: "Obiettivo", value: .text("1.1.1"),
               message: "obiettivo strategico «1.1.1» inesistente nel foglio Obiettivi (le azioni sono degli strategici)"),
        Damage(sheet: "Piano", row: ["Voce": "Primo anno"], column: "Valore", value: .text("duemilaventuno"),
               message: "valore non numerico «duemilaventuno»"),
    ]

    @Test("inconsistent sheets are refused naming sheet, row and column", arguments: damages)
    func inconsistent(_ damage: Damage) throws {
        let plan = try TestFiles.brescia()
        var tables = PlanSheetExport.tables(plan)
        let row = try SpreadsheetTestSupport.rowIndex(tables, sheet: damage.sheet, where: damage.row)
        tables = try SpreadsheetTestSupport.replacing(tables, sheet: damage.sheet, row: row, header: damage.column, with: damage.value)
        #expect {
            _ = try throughXLSX(tables, base: plan)
        } throws: { error in
            let error = try #require(error as? SpreadsheetError)
            #expect(error.file == "piano.xlsx")
            #expect(error.sheet == damage.sheet)
            #expect(error.row == row + 2)
            #expect(error.column == damage.reported ?? damage.column)
            #expect(error.message == damage.message)
            return true
        }
    }

    @Test("headers are checked: an unknown or missing column, an unknown sheet, a missing sheet")
    func headers() throws {
        let plan = try TestFiles.brescia()
        var tables = PlanSheetExport.tables(plan)
        let indicators = try #require(tables.firstIndex { $0.name == "Indicatori" })
        tables[indicators].columns[4].header = "Pes"
        #expect {
            _ = try throughXLSX(tables, base: plan)
        } throws: { error in
            let error = try #require(error as? SpreadsheetError)
            return error.sheet == "Indicatori" && error.row == 1 && error.column == "E" && error.message.hasPrefix("colonna sconosciuta «Pes»")
        }
        tables = PlanSheetExport.tables(plan)
        tables[indicators].columns[2].header = "Titolo indicatore"
        #expect {
            _ = try throughXLSX(tables, base: plan)
        } throws: { error in
            (error as? SpreadsheetError)?.message.hasPrefix("colonna sconosciuta «Titolo indicatore»") == true
        }
        tables = PlanSheetExport.tables(plan)
        tables[indicators].columns.remove(at: 2)
        tables[indicators].rows = tables[indicators].rows.map { var row = $0; row.remove(at: 2); return row }
        #expect {
            _ = try throughXLSX(tables, base: plan)
        } throws: { error in
            (error as? SpreadsheetError)?.description == "piano.xlsx, foglio Indicatori, riga 1, colonna Descrizione: manca la colonna obbligatoria «Descrizione»"
        }
        tables = PlanSheetExport.tables(plan)
        tables[indicators].name = "Indicatore"
        #expect {
            _ = try throughXLSX(tables, base: plan)
        } throws: { error in
            (error as? SpreadsheetError)?.description.hasPrefix("piano.xlsx, foglio Indicatore: foglio sconosciuto") == true
        }
        tables = PlanSheetExport.tables(plan).filter { $0.name != "Piano" }
        #expect {
            _ = try throughXLSX(tables, base: nil)
        } throws: { error in
            (error as? SpreadsheetError)?.message.hasPrefix("manca il foglio Piano") == true
        }
        #expect(try throughXLSX(tables, base: plan) == plan, "with a base, the Piano sheet may be left out")
    }

    @Test("the blank template has the instructions, every sheet and column, and year columns for the chosen span")
    func template() throws {
        let tables = TemplateWorkbook.tables(year: 2024)
        #expect(tables.map(\.name) == ["Istruzioni"] + PlanSheets.schemas.map(\.name))
        let indicators = try #require(tables.first { $0.name == "Indicatori" })
        let headers = indicators.columns.map(\.header)
        for header in ["Target al 30/06/2024", "Target al 31/12/2024", "Peso al 31/12/2025", "Target al 31/12/2026"] {
            #expect(headers.contains(header))
        }
        #expect(indicators.rows.isEmpty)
        let budget = try #require(tables.first { $0.name == "Risorse" })
        #expect(budget.columns.suffix(3).map(\.header) == ["Importo 2024", "Importo 2025", "Importo 2026"])
        let instructions = try #require(tables.first { $0.name == "Istruzioni" })
        for schema in PlanSheets.schemas {
            for column in schema.columns {
                #expect(instructions.rows.contains { $0[0] == .text(schema.name) && $0[1] == .text(column.header) }, "\(schema.name)/\(column.header)")
            }
        }
        // Imported as it is, it asks for the plan's identity first.
        #expect {
            _ = try throughXLSX(tables, base: nil)
        } throws: { error in
            (error as? SpreadsheetError)?.description
                == "piano.xlsx, foglio Piano, riga 2, colonna Valore: manca il valore della voce «Identificativo del piano»"
        }
        // Filled in by hand with the least a plan needs, it imports.
        var filled = tables
        func fill(_ name: String, _ records: [[String: SheetCell]]) {
            let index = filled.firstIndex { $0.name == name }!
            filled[index] = SheetTable(name: name, columns: filled[index].columns, records: records)
        }
        var header = filled.first { $0.name == "Piano" }!
        header.rows = header.rows.map { row in
            switch row[0] {
            case .text(PlanSheets.Header.id): return [row[0], .text("ente-2024")]
            case .text(PlanSheets.Header.title): return [row[0], .text("Piano 2024-2026")]
            case .text(PlanSheets.Header.organizationID): return [row[0], .text("ente")]
            case .text(PlanSheets.Header.organizationName): return [row[0], .text("Ente di prova")]
            default: return row
            }
        }
        filled[filled.firstIndex { $0.name == "Piano" }!] = header
        fill("Obiettivi", [["Livello": .text("area"), "Codice": .text("1"), "Titolo": .text("Area")],
                           ["Livello": .text("strategico"), "Codice": .text("1.1"), "Padre": .text("1"), "Titolo": .text("Strategico")],
                           ["Livello": .text("Operativo"), "Codice": .text("1.1.1"), "Padre": .text("1.1"), "Titolo": .text("Operativo"), "Peso": .text("100%")]])
        fill("Indicatori", [["Obiettivo": .text("1.1.1"), "Numero": .text("1"), "Descrizione": .text("Pratiche"), "Peso": .text("100"),
                             "Target al 30/06/2024": .text("50%"), "Target al 31/12/2024": .text("100%")]])
        let plan = try throughXLSX(filled, base: nil)
        #expect(plan.id == "ente-2024" && plan.span == YearSpan(from: 2024, to: 2026) && plan.status == .draft && plan.version == 1)
        let operational = plan.areas[0].objectives[0].operationalObjectives[0]
        #expect(operational.weight == 100)
        #expect(operational.indicators[0].weight == 100)
        #expect(operational.indicators[0].targets.map(\.at) == [Day(2024, 6, 30), Day(2024, 12, 31)])
        #expect(operational.indicators[0].targets[1].target.kind == .percentAtLeast(100))
    }
}
