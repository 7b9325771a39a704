import Foundation
import Testing
import Performa
@testable import PerformaFormats

/// The documentation lists every sheet, column and open-data field the code uses, so they cannot drift apart.
@Suite("Spreadsheet and open-data documentation")
struct SpreadsheetDocumentationTests {
    func document(_ name: String) throws -> String {
        try String(contentsOf: TestFiles.repository.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    @Test("docs/spreadsheets.md describes every sheet and every column")
    func spreadsheets() throws {
        let text = try document("spreadsheets.md")
        let schemas = PlanSheets.schemas + [MeasurementSheet.schema, ScorecardSheet.schema]
        for schema in schemas {
            #expect(text.contains("### \(schema.name)"), "sheet \(schema.name)")
            for column in schema.columns {
                #expect(text.contains("| `\(column.header)` |"), "\(schema.name): column \(column.header)")
            }
        }
        for item in PlanSheets.Header.items {
            #expect(text.contains("| `\(item.item)` |"), "Piano: item \(item.item)")
        }
        #expect(text.contains(PlanSheets.Budget.blankAmount))
    }

    @Test("docs/open-data.md lists every column of every set, in order, with its type")
    func openData() throws {
        let text = try document("open-data.md")
        let sets: [(String, [OpenDataTable.Column])] = [
            ("obiettivi", PlanOpenData.objectiveColumns), ("indicatori", PlanOpenData.indicatorColumns), ("risultati", ResultsOpenData.columns),
            ("premi", AppraisalOpenData.bonusColumns), ("differenziazione", AppraisalOpenData.differentiationColumns),
        ]
        for (name, columns) in sets {
            let section = try #require(text.range(of: "## `\(name)"), "section \(name)")
            var position = section.upperBound
            for (number, column) in columns.enumerated() {
                let row = "| \(number + 1) | `\(column.name)` | \(column.type) |"
                let found = try #require(text.range(of: row, range: position..<text.endIndex), "\(name): \(row)")
                position = found.upperBound
            }
        }
    }
}
