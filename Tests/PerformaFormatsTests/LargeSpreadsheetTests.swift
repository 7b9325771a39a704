import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// Sheets far larger than real ones, yet within `InputLimits`: they must be read whole. The time and memory of the
/// largest allowed files are measured in docs/performance.md, not here.
@Suite("Large but valid spreadsheets")
struct LargeSpreadsheetTests {
    @Test("a worksheet of 70.000 rows (over Excel 2003's 65.536 and libxml2's 10 MB look-up) reads to its last row")
    func seventyThousandRows() throws {
        let count = 70_000
        // Numbers are written in the worksheet itself (texts go to the shared strings), and make it pass 10 MB.
        let rows: [[SheetCell]] = (1...count).map { row in [.text("Riga \(row)")] + (1...6).map { .number(Double(row * 1_000 + $0)) } }
        let table = SheetTable(name: "Grande", columns: [.init("Testo")] + (1...6).map { .init("Numero \($0)") }, rows: rows)
        let data = try XLSXWriter.data([table])
        let grid = try #require(try XLSXReader.sheets(data, fileName: "grande.xlsx").first)
        #expect(grid.rows.count == count + 1)
        #expect(grid.rows.last?.number == count + 1)
        #expect(grid.rows.last?.cells[6] == .number(Double(count * 1_000 + 6), .plain))
        let worksheet = try XLSXReader.part("xl/worksheets/sheet1.xml", of: data)
        #expect(worksheet.count > 10_000_000, "the part is over libxml2's look-up limit: \(worksheet.count) bytes")
    }
}
