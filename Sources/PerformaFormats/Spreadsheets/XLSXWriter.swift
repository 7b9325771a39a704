import Foundation
import Performa
import ZIPFoundation

/// Writes tables as an Office Open XML workbook (`.xlsx`): one worksheet per table, shared strings,
/// typed numeric cells (percentages as fractions with a percent format, dates as serial numbers),
/// a bold header row frozen in place and column widths fitted to the contents.
public enum XLSXWriter {
    /// The workbook as bytes. The same tables always give the same bytes.
    public static func data(_ tables: [SheetTable]) throws -> Data {
        precondition(!tables.isEmpty, "a workbook needs at least one sheet")
        var strings = SharedStrings()
        var parts: [(path: String, xml: String)] = []
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(table, selected: index == 0, strings: &strings)))
        }
        parts.insert(contentsOf: [
            ("[Content_Types].xml", contentTypes(sheetCount: tables.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(tables)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: tables.count)),
            ("xl/styles.xml", XLSXStyles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ], at: 0)
        return try package(parts.map { ($0.path, Data($0.xml.utf8)) })
    }

    /// Zips the parts of a package, in order, compressed, with a fixed date.
    static func package(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let bytes = part.data
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Writes the workbook to a file, replacing it atomically.
    public static func write(_ tables: [SheetTable], to url: URL) throws {
        try data(tables).write(to: url, options: .atomic)
    }

    /// Entries carry this date instead of the time of writing, so that output is reproducible.
    private static let fixedDate = Date(timeIntervalSince1970: 1_609_459_200)

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        return xml + "</Types>"
    }

    private static let packageRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private static func workbook(_ tables: [SheetTable]) -> String {
        var xml = header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, table) in tables.enumerated() {
            xml += #"<sheet name="\#(OOXMLText.escape(table.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var xml = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(index)" Type="\#(type)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(type)/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(type)/sharedStrings" Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    private static func worksheet(_ table: SheetTable, selected: Bool, strings: inout SharedStrings) -> String {
        let lastColumn = CellReference.columnName(max(table.columns.count, 1) - 1)
        var xml = header + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<dimension ref="A1:\#(lastColumn)\#(table.rows.count + 1)"/>"#
        // The header row stays in view while scrolling: a frozen pane below row 1.
        xml += #"<sheetViews><sheetView workbookViewId="0"\#(selected ? #" tabSelected="1""# : "")>"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (index, width) in table.widths.enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        xml += row(1, table.columns.map { SheetCell.text($0.header) }, style: .header, strings: &strings)
        for (offset, cells) in table.rows.enumerated() {
            xml += row(offset + 2, cells, style: nil, strings: &strings)
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func row(_ number: Int, _ cells: [SheetCell], style fixedStyle: XLSXStyles.Style?, strings: inout SharedStrings) -> String {
        var xml = #"<row r="\#(number)">"#
        for (column, cell) in cells.enumerated() {
            let reference = CellReference.name(row: number, column: column)
            let style = (fixedStyle ?? XLSXStyles.style(for: cell)).rawValue
            switch cell {
            case .empty:
                continue
            case .text(let text):
                xml += #"<c r="\#(reference)" s="\#(style)" t="s"><v>\#(strings.index(of: text))</v></c>"#
            case .bool(let value):
                xml += #"<c r="\#(reference)" s="\#(style)" t="b"><v>\#(value ? 1 : 0)</v></c>"#
            case .integer(let value):
                xml += #"<c r="\#(reference)" s="\#(style)"><v>\#(value)</v></c>"#
            case .number(let value), .euro(let value):
                xml += numeric(reference, style, value)
            case .percent(let value):
                xml += numeric(reference, style, value / 100)
            case .date(let day):
                xml += numeric(reference, style, Double(SpreadsheetDate.serial(of: day)))
            }
        }
        return xml + "</row>"
    }

    private static func numeric(_ reference: String, _ style: Int, _ value: Double) -> String {
        guard value.isFinite else { return "" }
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        return #"<c r="\#(reference)" s="\#(style)"><v>\#(text)</v></c>"#
    }

    /// The shared string table: each distinct text once, cells refer to it by index.
    private struct SharedStrings {
        private var indexes: [String: Int] = [:]
        private var texts: [String] = []
        private var references = 0

        mutating func index(of text: String) -> Int {
            references += 1
            if let index = indexes[text] { return index }
            indexes[text] = texts.count
            texts.append(text)
            return texts.count - 1
        }

        var xml: String {
            var xml = XLSXWriter.header + #"<sst xmlns="\#(XLSXWriter.mainNamespace)" count="\#(references)" uniqueCount="\#(texts.count)">"#
            for text in texts {
                xml += #"<si><t xml:space="preserve">\#(OOXMLText.escape(text))</t></si>"#
            }
            return xml + "</sst>"
        }
    }
}
