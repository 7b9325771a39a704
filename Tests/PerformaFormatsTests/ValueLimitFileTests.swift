import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// The limits of `ValueLimits` hold for every file way in: plan files, results files, plan and measurement
/// workbooks. Each refusal is located (line and field, or sheet, row and column) and in Italian.
@Suite("Value limits in plan, results and spreadsheet files, and in the plan editor")
struct ValueLimitFileTests {
    /// A plan whose one objective has `weight` and whose title is `title` (a YAML double-quoted scalar).
    static func plan(weight: String = "50", title: String = "Obiettivo", note: String = "nota") -> String {
        """
        format: performa-plan/1
        id: prova
        title: Piano di prova
        span: {from: 2021, to: 2023}
        year: 2021
        status: draft
        organization: {id: ente, name: Ente, managers: []}
        areas:
          - code: "1"
            title: Area uno
            objectives:
              - code: "1.1"
                title: "\(title)"
                weight: \(weight)
                notes: "\(note)"
                indicators: []
                operationalObjectives: []
        """
    }

    static func refusal(_ text: String) -> FileError? {
        do {
            _ = try PlanFile.read(text, fileName: "piano.yaml")
            Issue.record("accepted, expected a refusal")
            return nil
        } catch let error as FileError {
            return error
        } catch {
            Issue.record("not a FileError: \(error)")
            return nil
        }
    }

    @Test("an objective weight of -10, 1e308 or 1001% is refused with its line and field", arguments: ["-10", "1e308", "1001", "100.5"])
    func weights(weight: String) throws {
        let error = try #require(Self.refusal(Self.plan(weight: weight)))
        #expect(error.line == 14)
        #expect(error.field == "areas[1].objectives[1].weight")
        #expect(error.message.contains("peso fuori dai limiti"))
        #expect(error.message.contains("ammesso da 0 a 100"))
    }

    @Test("weights of 0 and 100 are within the limits")
    func boundaryWeights() throws {
        #expect(try PlanFile.read(Self.plan(weight: "0")).areas[0].objectives[0].weight == 0)
        #expect(try PlanFile.read(Self.plan(weight: "100")).areas[0].objectives[0].weight == 100)
    }

    @Test("a NUL or another control character in a title is refused; tab and line breaks are text", arguments: ["\\0", "\\x07", "\\x1B", "\\u0085", "\\uFFFE"])
    func controlCharacters(escape: String) throws {
        let error = try #require(Self.refusal(Self.plan(title: "Obiettivo\(escape)con controllo")))
        #expect(error.field == "areas[1].objectives[1].title")
        #expect(error.line == 13)
        #expect(error.message.contains("carattere di controllo"))
        #expect(try PlanFile.read(Self.plan(title: "Obiettivo\\tcon\\na capo")).areas[0].objectives[0].title == "Obiettivo\tcon\na capo")
    }

    @Test("a note over 10.000 characters and a title over 1.000 are refused")
    func lengths() throws {
        let longNote = try #require(Self.refusal(Self.plan(note: String(repeating: "n", count: ValueLimits.maximumNoteLength + 1))))
        #expect(longNote.field == "areas[1].objectives[1].notes")
        #expect(longNote.message.contains("testo troppo lungo: 10.001 caratteri, il massimo è 10.000"))
        _ = try PlanFile.read(Self.plan(note: String(repeating: "n", count: ValueLimits.maximumNoteLength)))
        let longTitle = try #require(Self.refusal(Self.plan(title: String(repeating: "t", count: ValueLimits.maximumTitleLength + 1))))
        #expect(longTitle.field == "areas[1].objectives[1].title")
    }

    @Test("the Brescia plan and its results are within every limit")
    func brescia() throws {
        let plan = try TestFiles.brescia()
        #expect(FieldLimits.firstProblem(in: plan) == nil)
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        #expect(FieldLimits.firstProblem(in: results) == nil)
    }

    static func results(_ body: String) -> String {
        "format: performa-results/1\nplan: cciaa-brescia-2021-2023\nmeasurements:\n" + body
    }

    static func resultsRefusal(_ text: String, plan: Plan) -> FileError? {
        do {
            _ = try ResultsFile.read(text, plan: plan, fileName: "r.yaml")
            Issue.record("accepted, expected a refusal")
            return nil
        } catch let error as FileError {
            return error
        } catch {
            Issue.record("not a FileError: \(error)")
            return nil
        }
    }

    @Test("a results file refuses a value above the scale the web form refuses, a long note and a NUL")
    func results() throws {
        let plan = try TestFiles.brescia()
        let huge = try #require(Self.resultsRefusal(Self.results("  - {indicator: \"1.1.2/1\", at: 2021-12-31, value: \"2000000000000000\"}\n"), plan: plan))
        #expect(huge.field == "measurements[1].value" && huge.line == 4)
        #expect(huge.message.contains("Valore fuori scala"))
        let note = String(repeating: "x", count: ValueLimits.maximumNoteLength + 1)
        let long = try #require(Self.resultsRefusal(Self.results("  - {indicator: \"1.1.2/1\", at: 2021-12-31, value: \"300\", note: \"\(note)\"}\n"), plan: plan))
        #expect(long.field == "measurements[1].note" && long.message.contains("testo troppo lungo"))
        let nul = try #require(Self.resultsRefusal(Self.results("  - {indicator: \"1.1.2/1\", at: 2021-12-31, value: \"300\", author: \"a\\0b\"}\n"), plan: plan))
        #expect(nul.field == "measurements[1].author" && nul.message.contains("U+0000"))
        let override = try #require(Self.resultsRefusal(Self.results("  - {indicator: \"1.1.2/1\", at: 2021-12-31, value: \"300\"}\n")
            + "overrides:\n  - {subject: \"1.1.2\", at: 2021-12-31, achievement: 1500, reason: \"troppo\"}\n", plan: plan))
        #expect(override.field == "overrides[1].achievement" && override.message.contains("fuori scala"))
        // Within the scale, the value is read.
        _ = try ResultsFile.read(Self.results("  - {indicator: \"1.1.2/1\", at: 2021-12-31, value: \"1000000000000000\"}\n"), plan: plan)
    }

    @Test("a measurement workbook refuses a value above the scale and a long note, naming row and column")
    func measurementSheet() throws {
        let plan = try TestFiles.brescia()
        let table = MeasurementSheet.template(plan: plan, year: 2021)
        let row = try SpreadsheetTestSupport.rowIndex([table], sheet: MeasurementSheet.schema.name, where: [MeasurementSheet.objective: "1.1.2", MeasurementSheet.number: "1", MeasurementSheet.checkpoint: "31/12/2021"])
        func importing(value: SheetCell, note: SheetCell) throws -> Results {
            var tables = try SpreadsheetTestSupport.replacing([table], sheet: MeasurementSheet.schema.name, row: row, header: MeasurementSheet.value, with: value)
            tables = try SpreadsheetTestSupport.replacing(tables, sheet: MeasurementSheet.schema.name, row: row, header: MeasurementSheet.note, with: note)
            let sheets = try XLSXReader.sheets(try XLSXWriter.data(tables), fileName: "r.xlsx")
            return try MeasurementSheetImport.results(from: sheets, plan: plan, file: "r.xlsx")
        }
        #expect(throws: Never.self) { _ = try importing(value: .number(300), note: .text("ok")) }
        #expect {
            _ = try importing(value: .number(2e15), note: .text("ok"))
        } throws: { error in
            guard let error = error as? SpreadsheetError else { return false }
            return error.row == row + 2 && error.column == MeasurementSheet.value && error.message.contains("Valore fuori scala")
        }
        #expect {
            _ = try importing(value: .number(300), note: .text(String(repeating: "n", count: ValueLimits.maximumNoteLength + 1)))
        } throws: { error in
            guard let error = error as? SpreadsheetError else { return false }
            return error.row == row + 2 && error.column == MeasurementSheet.note && error.message.contains("testo troppo lungo")
        }
    }

    @Test("a plan workbook refuses a NUL in a title and a weight above 100%")
    func planSheet() throws {
        let plan = try TestFiles.brescia()
        let tables = PlanSheetExport.tables(plan)
        let sheet = PlanSheets.Objectives.schema.name
        let row = try SpreadsheetTestSupport.rowIndex(tables, sheet: sheet, where: [PlanSheets.Objectives.code: "1.1"])
        func importing(_ tables: [SheetTable]) throws -> Plan {
            try PlanSheetImport.plan(from: try XLSXReader.sheets(try XLSXWriter.data(tables), fileName: "p.xlsx"), base: plan, file: "p.xlsx")
        }
        _ = try importing(tables)
        let nul = try SpreadsheetTestSupport.replacing(tables, sheet: sheet, row: row, header: PlanSheets.Objectives.title, with: .text("Titolo\u{0}nullo"))
        #expect {
            _ = try importing(nul)
        } throws: { error in
            (error as? SpreadsheetError)?.description.contains("carattere di controllo") == true
        }
        let heavy = try SpreadsheetTestSupport.replacing(tables, sheet: sheet, row: row, header: PlanSheets.Objectives.weight, with: .number(150))
        #expect {
            _ = try importing(heavy)
        } throws: { error in
            (error as? SpreadsheetError)?.description.contains("fuori scala") == true
        }
    }

    static func editRefusal(_ body: () throws(EditError) -> Plan) -> EditError? {
        do throws(EditError) {
            _ = try body()
            Issue.record("accepted, expected a refusal")
            return nil
        } catch {
            return error
        }
    }

    @Test("the plan editor refuses a weight over 100%, a NUL in a title and a description past its length, next to the field")
    func planEdit() throws {
        let plan = try TestFiles.brescia()
        let heavy = Self.editRefusal { () throws(EditError) in try PlanEdit.setObjective(plan, key: "1.1", PlanEdit.ObjectiveFields(code: "", title: "Titolo", weight: 150)) }
        #expect(heavy?.field == "peso" && heavy?.message.contains("peso fuori dai limiti") == true)
        let nul = Self.editRefusal { () throws(EditError) in try PlanEdit.setArea(plan, code: "1", newCode: "1", title: "Area\u{0}", weight: nil) }
        #expect(nul?.field == "titolo" && nul?.message.contains("U+0000") == true)
        var fields = PlanEdit.ObjectiveFields(code: "", title: "Titolo", weight: 50)
        fields.description = String(repeating: "d", count: ValueLimits.maximumChapterLength + 1)
        let long = Self.editRefusal { () throws(EditError) in try PlanEdit.setObjective(plan, key: "1.1", fields) }
        #expect(long?.field == "descrizione" && long?.message.contains("testo troppo lungo") == true)
        let manager = try #require(plan.organization.managers.first).id
        let assignment = Self.editRefusal { () throws(EditError) in try PlanEdit.setAssignment(plan, manager: manager, [(objective: "1.1", weight: -10)]) }
        #expect(assignment?.field == "peso-0")
        _ = try PlanEdit.setObjective(plan, key: "1.1", PlanEdit.ObjectiveFields(code: "", title: "Titolo", weight: 100))
    }
}
