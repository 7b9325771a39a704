import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// Mutational fuzzing (Tests/Fuzz/FuzzDriver.swift) of every reader of outside files: plan and results files
/// (YAML and JSON), CSV sheets and XLSX workbooks with the importers behind them. The property: the reader
/// returns a value or refuses the input with its typed error and an Italian message; it never crashes or
/// hangs; what it accepts, the writer writes and the reader reads back equal.
@Suite("Fuzz: plan, results, CSV and XLSX readers")
struct FileFuzzTests {
    static let corpus = FuzzDriver.corpusRoot

    static func miniPlan() throws -> Plan { try PlanFile.read(contentsOf: corpus.appendingPathComponent("plan/mini-plan.yaml")) }

    /// The refusal must be the reader's own error with an Italian message, never a stray library error.
    static func refused(_ error: any Error) -> FuzzDriver.Outcome {
        switch error {
        case let error as FileError: #expect(FuzzDriver.isItalianMessage(error.message), "\(error)")
        case let error as SpreadsheetError: #expect(FuzzDriver.isItalianMessage(error.message), "\(error)")
        case let error as CSVError: #expect(FuzzDriver.isItalianMessage(error.message), "\(error.message)")
        default: Issue.record("not a typed refusal: \(type(of: error)): \(error)")
        }
        return .refused
    }

    static let yamlTokens = ["format: performa-plan/1", "weight: ", "target: ", "at: 2021-12-31", "kind: compound", "parts: [",
                             "{text: x, kind: atLeast, value: 1e400}", "!!binary", "? ", "<<: ", "---", "...", "%YAML 1.1", "~", "null",
                             "true", "0x1F", "0o17", ".inf", "1_000", "\"\\u0000\"", "'", "|", ">-", "areas:", "indicators:"]

    @Test("plan files (YAML and JSON): read or refused in Italian; what is read is written and read back equal")
    func planFiles() throws {
        let report = try FuzzDriver.run("plan", tokens: Self.yamlTokens, defaultIterations: 400) { data throws -> FuzzDriver.Outcome in
            // As FileDecoding.readText: bytes that are not UTF-8 are refused before parsing.
            guard let text = String(data: data, encoding: .utf8) else { return .refused }
            let plan: Plan
            do { plan = try PlanFile.read(text, fileName: "fuzz.yaml") } catch { return Self.refused(error) }
            #expect(try PlanFile.read(try PlanFile.yaml(plan), fileName: "riscritto.yaml") == plan)
            #expect(try PlanFile.read(try PlanFile.json(plan), fileName: "riscritto.json") == plan)
            _ = PlanValidator().validate(plan)
            return .accepted
        }
        #expect(report.accepted > 0 && report.refused > 0)
    }

    @Test("results files: read against the plan or refused in Italian; what is read is written and read back equal")
    func resultsFiles() throws {
        let plan = try Self.miniPlan()
        let report = try FuzzDriver.run("results", tokens: Self.yamlTokens + ["value: ", "indicator: \"1.1.2/1\"", "achievement: "],
                                        defaultIterations: 400) { data throws -> FuzzDriver.Outcome in
            guard let text = String(data: data, encoding: .utf8) else { return .refused }
            let results: Results
            do { results = try ResultsFile.read(text, plan: plan, fileName: "fuzz.yaml") } catch { return Self.refused(error) }
            #expect(try ResultsFile.read(try ResultsFile.yaml(results), plan: plan, fileName: "riscritto.yaml") == results)
            _ = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
            return .accepted
        }
        #expect(report.accepted > 0 && report.refused > 0)
    }

    /// The sheets of the mini plan as CSV grids, to stand beside a fuzzed one in a plan import.
    static func planGrids(_ plan: Plan) throws -> [SheetGrid] {
        try PlanSheetExport.tables(plan).map { try CSVReader.grid(SpreadsheetCSV.text($0), name: $0.name) }
    }

    /// Runs the importers on fuzzed sheets: a plan sheet (found by its first header) replaces its namesake
    /// among the mini plan's sheets; any sheet is also tried as the Rilevazioni sheet.
    static func importSheets(_ fuzzed: [SheetGrid], plan: Plan, planGrids: [SheetGrid]) -> FuzzDriver.Outcome {
        // Accepted when one importer takes the sheets (a plan sheet is never a Rilevazioni sheet).
        var outcome = FuzzDriver.Outcome.refused
        for grid in fuzzed {
            let header = grid.rows.first?.cells[0]?.text
            if let schema = PlanSheets.schemas.first(where: { $0.columns.first?.header == header }) {
                var named = grid
                named.name = schema.name
                let sheets = planGrids.map { $0.name == schema.name ? named : $0 }
                do {
                    let imported = try PlanSheetImport.plan(from: sheets, base: plan, file: "fuzz.xlsx")
                    #expect(try PlanFile.read(try PlanFile.yaml(imported), fileName: "importato.yaml") == imported)
                    outcome = .accepted
                } catch {
                    _ = refused(error)
                }
            }
            var measurements = grid
            measurements.name = MeasurementSheet.schema.name
            do {
                let results = try MeasurementSheetImport.results(from: [measurements], plan: plan, file: "fuzz.csv")
                #expect(try ResultsFile.read(try ResultsFile.yaml(results), plan: plan, fileName: "importati.yaml") == results)
                outcome = .accepted
            } catch {
                _ = refused(error)
            }
        }
        return outcome
    }

    @Test("CSV sheets: split into cells and imported, or refused in Italian naming the record")
    func csvSheets() throws {
        let plan = try Self.miniPlan()
        let grids = try Self.planGrids(plan)
        let report = try FuzzDriver.run("csv", tokens: ["\u{FEFF}", ";", "\"\"", "\";\"", "30,00%", "€ 50.000,00", "31/12/2021", "#N/A", "VERO"],
                                        defaultIterations: 400) { data throws -> FuzzDriver.Outcome in
            guard let text = String(data: data, encoding: .utf8) else { return .refused }
            let grid: SheetGrid
            do { grid = try CSVReader.grid(text, name: "fuzz") } catch { return Self.refused(error) }
            return Self.importSheets([grid], plan: plan, planGrids: grids)
        }
        #expect(report.accepted > 0 && report.refused > 0)
    }

    /// The parts of the package, as a plain text: `=== path` lines, each followed by the part's bytes.
    /// Mutations then reach the XML and the part names; `package(_:)` zips them again.
    static let partMarker = Array("\n=== ".utf8)
    static let knownParts = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                             "xl/sharedStrings.xml"] + (1...8).map { "xl/worksheets/sheet\($0).xml" }

    static func unpacked(_ workbook: Data) -> Data {
        var text = Data()
        for path in knownParts {
            guard let part = try? XLSXReader.part(path, of: workbook) else { continue }
            text.append(contentsOf: partMarker)
            text.append(Data(path.utf8))
            text.append(UInt8(ascii: "\n"))
            text.append(part)
        }
        return text
    }

    static func package(_ unpacked: Data) throws -> Data {
        var parts: [(path: String, data: Data)] = []
        let bytes = [UInt8](unpacked)
        let marker = partMarker.count
        let starts = bytes.count < marker ? [] : (0...(bytes.count - marker)).filter { index in
            (0..<marker).allSatisfy { bytes[index + $0] == partMarker[$0] }
        }
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : bytes.count
            guard start + marker <= end else { continue }
            let body = bytes[(start + marker)..<end]
            let newline = body.firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let path = String(decoding: body[body.startIndex..<newline], as: UTF8.self)
            guard !path.isEmpty, !parts.contains(where: { $0.path == path }) else { continue }
            parts.append((path, Data(body[min(newline + 1, body.endIndex)...])))
        }
        return try XLSXWriter.package(parts)
    }

    static func workbookSeeds(_ plan: Plan) throws -> [Data] {
        let results = try ResultsFile.read(contentsOf: corpus.appendingPathComponent("results/mini-results.yaml"), plan: plan)
        return [try XLSXWriter.data(PlanSheetExport.tables(plan)), try XLSXWriter.data([MeasurementSheet.table(plan: plan, results: results)])]
    }

    @Test("XLSX workbooks, mutated part by part: read and imported, or refused in Italian")
    func xlsxParts() throws {
        let plan = try Self.miniPlan()
        let grids = try Self.planGrids(plan)
        let seeds = try (Self.workbookSeeds(plan) + FuzzDriver.corpus("xlsx").map(\.data)).map(Self.unpacked)
        let report = try FuzzDriver.run("xlsx-parts", seeds: seeds,
                                        tokens: ["<c r=\"A1\" t=\"s\"><v>99</v></c>", "<row r=\"0\">", "r=\"XFE1\"", "r=\"A99999999999\"",
                                                 "<v>1e308</v>", "<v>NaN</v>", "t=\"d\"", "t=\"e\"", "&amp;", "&#0;", "<![CDATA[", "<!DOCTYPE x [",
                                                 "\n=== ../../evil.xml\n", "\n=== xl/worksheets/sheet1.xml\n", "s=\"999\"", "Target=\"../../x\""],
                                        defaultIterations: 100, maximumLength: 256 * 1024) { data throws -> FuzzDriver.Outcome in
            let sheets: [SheetGrid]
            do { sheets = try XLSXReader.sheets(try Self.package(data), fileName: "fuzz.xlsx") } catch { return Self.refused(error) }
            for sheet in sheets { for row in sheet.rows { for cell in row.cells.values { _ = cell.text } } }
            return Self.importSheets(sheets, plan: plan, planGrids: grids)
        }
        #expect(report.accepted > 0 && report.refused > 0)
    }

    @Test("XLSX files, mutated byte by byte (the ZIP container itself): read or refused in Italian")
    func xlsxBytes() throws {
        let plan = try Self.miniPlan()
        let report = try FuzzDriver.run("xlsx", seeds: try Self.workbookSeeds(plan), defaultIterations: 300, maximumLength: 256 * 1024) { data throws -> FuzzDriver.Outcome in
            do { _ = try XLSXReader.sheets(data, fileName: "fuzz.xlsx") } catch { return Self.refused(error) }
            return .accepted
        }
        #expect(report.refused > 0)
    }
}
