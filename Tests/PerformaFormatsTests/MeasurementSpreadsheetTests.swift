import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("Measurement spreadsheet: export, template and import")
struct MeasurementSpreadsheetTests {
    func importing(_ tables: [SheetTable], plan: Plan, base: Results?) throws -> Results {
        let sheets = try XLSXReader.sheets(try XLSXWriter.data(tables), fileName: "rilevazioni.xlsx")
        return try MeasurementSheetImport.results(from: sheets, plan: plan, base: base, file: "rilevazioni.xlsx")
    }

    @Test("the illustrative 2021 measurements go out to XLSX and come back with the same values, notes and order")
    func roundTrip() throws {
        let plan = try TestFiles.brescia()
        let original = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        var base = original
        base.measurements = []
        let imported = try importing([MeasurementSheet.table(plan: plan, results: original)], plan: plan, base: base)
        #expect(imported.measurements.count == original.measurements.count)
        for (found, expected) in zip(imported.measurements, original.measurements) {
            #expect(found.indicator == expected.indicator && found.at == expected.at)
            #expect(found.value == expected.value, "\(expected.indicator) at \(expected.at): \(found.text) vs \(expected.text)")
            #expect(found.note == expected.note && found.author == expected.author)
            #expect(found.recordedAt == expected.recordedAt && found.evidence == expected.evidence)
        }
        let before = Scorer(plan: plan).scorecard(results: original, at: .yearEnd(2021))
        let after = Scorer(plan: plan).scorecard(results: imported, at: .yearEnd(2021))
        #expect(after.result == before.result)
        #expect(after.objectives == before.objectives)
        #expect(after.indicators.map(\.score) == before.indicators.map(\.score))
    }

    @Test("values are typed cells: numbers as numbers, percentages as fractions, checkpoints as dates")
    func typedValues() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let grid = try #require(try XLSXReader.sheets(try XLSXWriter.data([MeasurementSheet.table(plan: plan, results: results)]), fileName: "r.xlsx").first)
        for (offset, measurement) in results.measurements.enumerated() {
            let value = try SpreadsheetTestSupport.value(grid, row: offset + 2, header: "Valore")
            switch measurement.value {
            case .number(let number, false): #expect(value == .number(number, .plain))
            case .number(let number, true): #expect(value.map { if case .number(let fraction, .percent) = $0 { abs(fraction * 100 - number) < 1e-9 } else { false } } == true)
            default: #expect(value == .text(measurement.text))
            }
            #expect(try SpreadsheetTestSupport.value(grid, row: offset + 2, header: "Scadenza")?.text == measurement.at.italian)
        }
    }

    @Test("the template lists every indicator with a target in the year, and a filled-in row imports; empty rows are skipped")
    func template() throws {
        let plan = try TestFiles.brescia()
        var table = MeasurementSheet.template(plan: plan, year: 2021)
        var expected = 0
        for (_, indicator, _) in PlanIndex(plan).indicators {
            expected += indicator.targets.filter { $0.at.year == 2021 && $0.target.kind.isApplicable }.count
        }
        #expect(table.rows.count == expected)
        let row = try SpreadsheetTestSupport.rowIndex([table], sheet: "Rilevazioni", where: ["Obiettivo": "1.1.2", "Numero indicatore": "1", "Scadenza": "31/12/2021"])
        let value = try #require(table.columns.firstIndex { $0.header == "Valore" })
        table.rows[row][value] = .number(1489)
        let results = try importing([table], plan: plan, base: nil)
        #expect(results.plan == plan.id)
        #expect(results.measurements.count == 1)
        #expect(results.measurements[0].indicator == IndicatorKey(objective: "1.1.2", number: 1))
        #expect(results.measurements[0].value == .number(1489, percent: false))
    }

    @Test("a value that does not suit its target is refused by the results file's own check, naming sheet, row and column")
    func unsuitedValue() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        var table = MeasurementSheet.table(plan: plan, results: results)
        let row = try SpreadsheetTestSupport.rowIndex([table], sheet: "Rilevazioni", where: ["Obiettivo": "1.1", "Numero indicatore": "1"])
        let value = try #require(table.columns.firstIndex { $0.header == "Valore" })
        table.rows[row][value] = .number(12)
        #expect {
            _ = try importing([table], plan: plan, base: nil)
        } throws: { error in
            (error as? SpreadsheetError)?.description
                == "rilevazioni.xlsx, foglio Rilevazioni, riga \(row + 2), colonna Valore: 1.1/1: Valore non adatto all'indicatore (sì/no): atteso SI oppure NO."
        }
        table.rows[row][value] = .text("forse")
        #expect {
            _ = try importing([table], plan: plan, base: nil)
        } throws: { error in
            (error as? SpreadsheetError)?.message.hasPrefix("Valore non leggibile: «forse»") == true
        }
        table.rows[row][value] = .text("SI")
        let number = try #require(table.columns.firstIndex { $0.header == "Numero indicatore" })
        table.rows[row][number] = .integer(9)
        #expect {
            _ = try importing([table], plan: plan, base: nil)
        } throws: { error in
            let error = try #require(error as? SpreadsheetError)
            return error.row == row + 2 && error.column == "Numero indicatore" && error.message == "indicatore «1.1/9» inesistente nel piano"
        }
        table.rows[row][number] = .integer(1)
        let checkpoint = try #require(table.columns.firstIndex { $0.header == "Scadenza" })
        table.rows[row][checkpoint] = .date(Day(2021, 6, 30))
        #expect {
            _ = try importing([table], plan: plan, base: nil)
        } throws: { error in
            let error = try #require(error as? SpreadsheetError)
            return error.column == "Scadenza" && error.message.contains("non ha un target al 30/06/2021")
        }
    }

    @Test("a CSV file of measurements imports like the workbook")
    func csv() throws {
        let plan = try TestFiles.brescia()
        let original = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SpreadsheetCSV.write([MeasurementSheet.table(plan: plan, results: original)], to: folder)
        let file = folder.appendingPathComponent("Rilevazioni.csv")
        let imported = try MeasurementSheetImport.results(from: try SpreadsheetInput.sheets(at: file, csvSheet: "Rilevazioni"), plan: plan)
        #expect(imported.measurements.map(\.value) == original.measurements.map(\.value))
        #expect(imported.measurements.map(\.note) == original.measurements.map(\.note))
    }

    @Test("the scorecard sheet has every row of the scorecard, achievements as percentages")
    func scorecard() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let tables = ScorecardSheet.tables(card)
        #expect(tables.map(\.name) == ["Risultati", "Informazioni"])
        let rows = ScorecardRows.rows(card)
        #expect(tables[0].rows.count == rows.count)
        let achievement = try #require(tables[0].columns.firstIndex { $0.header == "Raggiungimento" })
        for (row, cells) in zip(rows, tables[0].rows) {
            #expect(cells[achievement] == .percent(row.achievement))
        }
    }
}
