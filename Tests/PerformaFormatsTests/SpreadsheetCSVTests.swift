import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("CSV for spreadsheets")
struct SpreadsheetCSVTests {
    @Test("written with a byte order mark, semicolons, CRLF and Italian formats")
    func writes() {
        let table = SheetTable(name: "Prova", columns: [.init("A"), .init("B"), .init("C"), .init("D"), .init("E"), .init("F"), .init("G")], rows: [
            [.text("x; \"y\"\nz"), .integer(2021), .number(1489), .number(97.4), .percent(30), .euro(42_058.55), .date(Day(2021, 6, 30))],
            [.bool(true), .empty, .number(-0.25), .percent(33.333333), .text("€ _____"), .bool(false), .empty],
        ])
        let text = SpreadsheetCSV.text(table)
        #expect(text == "\u{FEFF}A;B;C;D;E;F;G\r\n\"x; \"\"y\"\"\nz\";2021;1.489;97,4;30,00%;€ 42.058,55;30/06/2021\r\nSI;;-0,25;33,333333%;€ _____;NO;\r\n")
    }

    @Test("read back: byte order mark dropped, quotes, separators and line breaks inside fields kept, row numbers counted")
    func reads() throws {
        let grid = try CSVReader.grid("\u{FEFF}A;B\r\n\"uno;\r\ndue\";\"detto \"\"così\"\"\"\r\n\r\n;3\r\n", name: "Prova")
        #expect(grid.rows.map(\.number) == [1, 2, 4])
        #expect(grid.rows[1].cells == [0: .text("uno;\ndue"), 1: .text("detto \"così\"")])
        #expect(grid.rows[2].cells == [1: .text("3")])
        let commas = try CSVReader.grid("a,b\n1,2", name: "Virgole")
        #expect(commas.rows[1].cells == [0: .text("1"), 1: .text("2")], "a file with commas only is read with commas")
        #expect(throws: CSVError.self) { _ = try CSVReader.grid("a;\"b\n1;2", name: "Rotto") }
    }

    @Test("every table written and read again gives its text back")
    func roundTrip() throws {
        let plan = try TestFiles.brescia()
        for table in PlanSheetExport.tables(plan) {
            let grid = try CSVReader.grid(SpreadsheetCSV.text(table), name: table.name)
            #expect(grid.rows.first?.cells.values.map(\.text).sorted() == table.columns.map(\.header).sorted())
            let expected = table.rows.map { $0.map(\.csvText) }.filter { $0.contains { !$0.isEmpty } }
            let found = grid.rows.dropFirst().map { row in (0..<table.columns.count).map { row.cells[$0]?.text ?? "" } }
            #expect(found == expected, "\(table.name)")
        }
    }
}
