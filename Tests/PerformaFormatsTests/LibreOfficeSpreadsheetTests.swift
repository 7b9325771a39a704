import Foundation
import Testing
import Performa
@testable import PerformaFormats

/// The workbooks Performa writes, opened by a real spreadsheet program: LibreOffice, headless.
@Suite("XLSX opened by LibreOffice", .serialized)
struct LibreOfficeSpreadsheetTests {
    /// `40.00%`, as LibreOffice shows a `0.00%` cell in the C locale.
    func shownPercent(_ value: Double) -> String { String(format: "%.2f%%", value) }

    @Test("the plan workbook converts to CSV with the right numbers, percentages and texts on every sheet")
    func planValues() throws {
        let plan = try TestFiles.brescia()
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("piano.xlsx")
        try XLSXWriter.write(PlanSheetExport.tables(plan), to: workbook)

        let shown = try LibreOffice.csvSheets(of: workbook, asShown: true, in: folder.appendingPathComponent("shown"))
        #expect(Set(shown.keys) == Set(PlanSheets.schemas.map(\.name)))
        let indicators = try #require(shown["Indicatori"])
        let header = indicators[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
        #expect(indicators.count - 1 == PlanIndex(plan, measures: false).indicators.count, "one row per indicator")
        for (key, indicator, _) in PlanIndex(plan, measures: false).indicators {
            let row = try #require(indicators.first { $0[0] == key.objective && $0[1] == String(key.number) }, "\(key) missing")
            #expect(row[try column("Descrizione")] == indicator.title)
            #expect(row[try column("Peso")] == (indicator.weight.map(shownPercent) ?? ""), "\(key) weight")
            for entry in indicator.targets {
                #expect(row[try column("Target al " + entry.at.italian)] == entry.target.text, "\(key) target at \(entry.at)")
                #expect(row[try column("Peso al " + entry.at.italian)] == (entry.weight.map(shownPercent) ?? ""), "\(key) weight at \(entry.at)")
            }
        }

        // Amounts: numbers in the workbook, so LibreOffice prints them with its own euro format and grouping.
        let raw = try LibreOffice.csvSheets(of: workbook, asShown: false, in: folder.appendingPathComponent("raw"))
        let budget = try #require(raw["Risorse"])
        let lines = PlanIndex(plan).entries.flatMap { entry in (entry.sheet.budgetLines ?? []).map { (entry.key, $0) } }
        let budgetRows = budget.dropFirst().filter { $0.count > 1 && $0[1...].contains { !$0.isEmpty } }
        #expect(budgetRows.count == lines.count)
        for ((key, line), row) in zip(lines, budgetRows) {
            #expect(row[0] == key)
            for amount in line.amounts {
                let cell = row[try #require(budget[0].firstIndex(of: "Importo \(amount.year)"))]
                if let cents = amount.amount.cents, Amount(cents: cents).text == amount.amount.text {
                    #expect(Double(cell).map { Int64(($0 * 100).rounded()) } == cents, "\(key) \(amount.year): «\(cell)»")
                } else {
                    #expect(cell == (amount.amount.text.isEmpty ? PlanSheets.Budget.blankAmount : amount.amount.text))
                }
            }
        }
        let shownBudget = try #require(shown["Risorse"])
        #expect(shownBudget.contains { $0.contains("€ 50,000.00") }, "the euro format is applied")
        let header2 = try #require(shown["Piano"])
        #expect(header2.contains(["Primo anno", "2021"]))
        #expect(header2.contains(["Stato", "adottato"]))
    }

    @Test("the scorecard and the measurements convert with the right achievements, values and dates")
    func resultsValues() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("risultati.xlsx")
        try XLSXWriter.write(ScorecardSheet.tables(card) + [MeasurementSheet.table(plan: plan, results: results)], to: workbook)
        let shown = try LibreOffice.csvSheets(of: workbook, asShown: true, in: folder.appendingPathComponent("shown"))

        let scores = try #require(shown["Risultati"])
        let rows = ScorecardRows.rows(card)
        #expect(scores.count == rows.count + 1)
        let achievement = try #require(scores[0].firstIndex(of: "Raggiungimento"))
        for (row, line) in zip(rows, scores.dropFirst()) {
            #expect(line[1] == row.key)
            #expect(line[achievement] == (row.achievement.map(shownPercent) ?? ""), "\(row.key)")
        }
        let entity = try #require(scores.first { $0[0] == "ente" })
        #expect(entity[achievement] == shownPercent(try #require(card.result.percent)))

        let measurements = try #require(shown["Rilevazioni"])
        let raw = try LibreOffice.csvSheets(of: workbook, asShown: false, in: folder.appendingPathComponent("raw"))
        let rawMeasurements = try #require(raw["Rilevazioni"])
        let value = try #require(measurements[0].firstIndex(of: "Valore"))
        let checkpoint = try #require(measurements[0].firstIndex(of: "Scadenza"))
        for (offset, measurement) in results.measurements.enumerated() {
            let line = measurements[offset + 1]
            #expect(line[checkpoint] == measurement.at.italian, "a date cell shown as dd/mm/yyyy")
            switch measurement.value {
            case .number(let number, false):
                #expect(Double(rawMeasurements[offset + 1][value]) == number, "\(measurement.indicator): a number")
            case .number(let number, true):
                #expect(line[value] == shownPercent(number), "\(measurement.indicator): a percentage")
            default:
                #expect(line[value] == measurement.text)
            }
        }
        let info = try #require(shown["Informazioni"])
        #expect(info.contains(["Scadenza", "31/12/2021"]))
        #expect(info.contains(["Valori illustrativi", "TRUE"]))
    }

    @Test("a workbook saved again by LibreOffice (its own shared strings and styles) imports to the same plan")
    func resavedByLibreOffice() throws {
        let plan = try TestFiles.brescia()
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("piano.xlsx")
        try XLSXWriter.write(PlanSheetExport.tables(plan), to: workbook)
        let saved = try #require(try LibreOffice.convert(workbook, to: "xlsx", in: folder.appendingPathComponent("resave")).first)
        #expect(try Data(contentsOf: saved) != Data(contentsOf: workbook))
        let imported = try PlanSheetImport.plan(from: try XLSXReader.sheets(contentsOf: saved), base: plan, file: saved.lastPathComponent)
        #expect(imported == plan)
    }
}
