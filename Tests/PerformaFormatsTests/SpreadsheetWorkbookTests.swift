import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("XLSX workbooks: writing and reading")
struct SpreadsheetWorkbookTests {
    let sample = SheetTable(name: "Prova", columns: [.init("Testo"), .init("Intero"), .init("Numero"), .init("Percentuale"),
                                                      .init("Euro"), .init("Data"), .init("Sì/no")], rows: [
        [.text("Due righe\n\nfine \r riga"), .integer(2021), .number(97.4), .percent(30), .euro(42_058.55), .date(Day(2021, 12, 31)), .bool(true)],
        [.text("controllo \u{1} e _x0041_ & <tag> «€»"), .integer(-3), .number(1489), .percent(12.5), .euro(0.5), .date(Day(2020, 2, 29)), .bool(false)],
        [.empty, .empty, .number(0.1), .empty, .empty, .empty, .empty],
    ])

    @Test("typed cells come back with their types: numbers, percentages as fractions, dates, booleans, text unchanged")
    func roundTrip() throws {
        let data = try XLSXWriter.data([sample])
        let grids = try XLSXReader.sheets(data, fileName: "prova.xlsx")
        #expect(grids.map(\.name) == ["Prova"])
        let grid = grids[0]
        #expect(grid.rows.map(\.number) == [1, 2, 3, 4])
        let first = try #require(grid.rows.first { $0.number == 2 })
        #expect(first.cells[0] == .text("Due righe\n\nfine \r riga"))
        #expect(first.cells[1] == .number(2021, .plain))
        #expect(first.cells[2] == .number(97.4, .plain))
        #expect(first.cells[3] == .number(0.3, .percent))
        #expect(first.cells[4] == .number(42_058.55, .plain))
        #expect(first.cells[5] == .number(Double(SpreadsheetDate.serial(of: Day(2021, 12, 31))), .date))
        #expect(first.cells[5]?.text == "31/12/2021")
        #expect(first.cells[6] == .bool(true))
        let second = try #require(grid.rows.first { $0.number == 3 })
        #expect(second.cells[0] == .text("controllo \u{1} e _x0041_ & <tag> «€»"))
        #expect(second.cells[3]?.text == "12,5%")
        #expect(second.cells[5]?.text == "29/02/2020")
        #expect(second.cells[6] == .bool(false))
        let third = try #require(grid.rows.first { $0.number == 4 })
        #expect(third.cells.keys.sorted() == [2])
    }

    @Test("the package has the parts, the styles, the frozen header and the column widths")
    func packageParts() throws {
        let data = try XLSXWriter.data([sample])
        let text = { (path: String) in String(decoding: try XLSXReader.part(path, of: data), as: UTF8.self) }
        #expect(try text("[Content_Types].xml").contains("spreadsheetml.sheet.main+xml"))
        #expect(try text("_rels/.rels").contains("Target=\"xl/workbook.xml\""))
        #expect(try text("xl/workbook.xml").contains("<sheet name=\"Prova\" sheetId=\"1\" r:id=\"rId1\"/>"))
        let styles = try text("xl/styles.xml")
        #expect(styles.contains("<xf numFmtId=\"10\""), "a 0.00% percent format")
        #expect(styles.contains("<b/>"), "a bold header font")
        #expect(styles.contains("formatCode=\"dd/mm/yyyy\""))
        let sheet = try text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"35\" customWidth=\"1\"/>"), "text column as wide as its longest line")
        #expect(sheet.contains("<c r=\"D2\" s=\"5\"><v>0.3</v></c>"), "30% stored as 0.3 with the percent style")
        #expect(sheet.contains("<c r=\"B2\" s=\"3\"><v>2021</v></c>"), "a number cell, not text")
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"), "header in the bold style")
        let shared = try text("xl/sharedStrings.xml")
        #expect(shared.contains("fine _x000D_ riga"), "a carriage return kept through XML")
        #expect(shared.contains("_x005F_x0041_"), "a literal escape sequence protected")
    }

    @Test("the same tables give the same bytes")
    func reproducible() throws {
        #expect(try XLSXWriter.data([sample]) == XLSXWriter.data([sample]))
    }

    @Test("a workbook from another program: inline strings, prefixed elements, rich text, booleans, no styles")
    func foreignWorkbook() throws {
        let workbook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <x:sheets><x:sheet name="Dati" sheetId="7" r:id="R9"/></x:sheets></x:workbook>
        """
        let sheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
        <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nome</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row>\
        <x:row r="5"><x:c t="inlineStr"><x:is><x:r><x:t>Ro</x:t></x:r><x:r><x:t xml:space="preserve">ssi </x:t></x:r>\
        <x:rPh><x:t>ロッシ</x:t></x:rPh></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v>1.5E3</x:v></x:c>\
        <x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A5</x:f><x:v>Rossi</x:v></x:c></x:row>\
        </x:sheetData></x:worksheet>
        """
        let strings = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Pe</t></r><r><t>so</t></r></si></sst>"#
        let data = try XLSXWriter.package([
            ("_rels/.rels", Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="fogli/../worksheets/uno.xml"/><Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="testi.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/uno.xml", Data(sheet.utf8)),
            ("xl/testi.xml", Data(strings.utf8)),
        ])
        let grid = try #require(try XLSXReader.sheets(data, fileName: "altro.xlsx").first)
        #expect(grid.name == "Dati")
        #expect(grid.rows.map(\.number) == [1, 5])
        #expect(grid.rows[0].cells == [0: .text("Nome"), 2: .text("Peso")])
        #expect(grid.rows[1].cells == [0: .text("Rossi "), 1: .bool(true), 2: .number(1500, .plain), 3: .error("#N/A"), 4: .text("Rossi")])
    }

    @Test("number formats: built-in and custom percentages and dates are told apart from plain numbers")
    func numberFormats() {
        #expect(XLSXNumberFormats.classify("0.00%") == .percent)
        #expect(XLSXNumberFormats.classify("[$-410]dd/mm/yyyy") == .date)
        #expect(XLSXNumberFormats.classify("\"€ \"#,##0.00") == .plain)
        #expect(XLSXNumberFormats.classify("#,##0.00\" giorni\";[Red]-#,##0.00") == .plain)
        #expect(XLSXNumberFormats.classify("General") == .plain)
        #expect(XLSXNumberFormats.classify("d mmmm yyyy") == .date)
    }

    @Test("dates: serial numbers and days agree both ways")
    func serialDates() {
        for day in [Day(1970, 1, 1), Day(1900, 3, 1), Day(2021, 6, 30), Day(2024, 2, 29), Day(2099, 12, 31)] {
            #expect(SpreadsheetDate.day(fromSerial: Double(SpreadsheetDate.serial(of: day))) == day)
        }
        #expect(SpreadsheetDate.serial(of: Day(2021, 12, 31)) == 44_561, "the serial Excel and LibreOffice give 31/12/2021")
        #expect(SpreadsheetDate.day(fromSerial: 44_377.75) == Day(2021, 6, 30), "the time of day is dropped")
    }

    @Test("a damaged file is refused with an Italian message, not a crash")
    func damaged() throws {
        #expect {
            _ = try XLSXReader.sheets(Data("non sono un foglio di calcolo".utf8), fileName: "rotto.xlsx")
        } throws: { error in
            (error as? SpreadsheetError)?.description == "rotto.xlsx: il file non è una cartella di lavoro XLSX (archivio ZIP non leggibile)"
        }
        let good = try XLSXWriter.data([sample])
        #expect(throws: SpreadsheetError.self) { _ = try XLSXReader.sheets(good.prefix(good.count / 2), fileName: "troncato.xlsx") }
    }

    @Test("a sheet whose XML is malformed or cut short is refused, naming the sheet", arguments: [
        "<worksheet><sheetData><row r=\"1\"><c><v>1</v></row></sheetData>",
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>",
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>",
        "<worksheet><sheetData><row>&nbsp;</row></sheetData></worksheet>",
        "<worksheet",
    ])
    func malformedSheet(_ xml: String) throws {
        let broken = try XLSXWriter.package([
            ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="Obiettivi" r:id="a"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="a" Type="x/worksheet" Target="s.xml"/></Relationships>"#.utf8)),
            ("xl/s.xml", Data(xml.utf8)),
        ])
        #expect {
            _ = try XLSXReader.sheets(broken, fileName: "rotto.xlsx")
        } throws: { error in
            let error = try #require(error as? SpreadsheetError)
            #expect(error.file == "rotto.xlsx")
            #expect(error.sheet == "Obiettivi")
            #expect(error.message.hasPrefix("foglio danneggiato: "))
            return true
        }
    }
}
