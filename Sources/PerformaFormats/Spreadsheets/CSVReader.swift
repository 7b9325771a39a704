import Foundation

/// Reads CSV as Italian spreadsheets write it: `;` between fields (a `,` when the first line has no `;`
/// but has commas), fields in double quotes may hold separators, quotes (doubled) and line breaks; an
/// initial UTF-8 byte order mark is dropped, and so is the apostrophe that `CSVWriter` puts before a text that a
/// spreadsheet would take for a formula (`FormulaGuard`).
public enum CSVReader {
    /// The rows of `text` as a sheet named `name`; row numbers count records, the header being row 1.
    public static func grid(_ text: String, name: String) throws(CSVError) -> SheetGrid {
        guard text.utf8.count <= InputLimits.maximumFileBytes else {
            throw CSVError(record: 1, message: "il file è troppo grande (il massimo è \(InputLimits.megabytes(InputLimits.maximumFileBytes)))")
        }
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Character = !firstLine.contains(";") && firstLine.contains(",") ? "," : ";"
        var rows: [SheetGrid.Row] = []
        var cells: [Int: SheetValue] = [:]
        var field = ""
        var column = 0
        var record = 1
        var inQuotes = false
        var quotedField = false
        var characters = body.makeIterator()
        var pending: Character? = nil

        func endField() throws(CSVError) {
            guard column < InputLimits.maximumSheetColumns else {
                throw CSVError(record: record, message: "troppe colonne (il massimo è \(InputLimits.maximumSheetColumns))")
            }
            if !field.isEmpty || quotedField { cells[column] = .text(FormulaGuard.restore(field)) }
            field = ""
            quotedField = false
            column += 1
        }
        func endRecord() throws(CSVError) {
            try endField()
            guard record < InputLimits.maximumSheetRows else {
                throw CSVError(record: record, message: "troppe righe (il massimo è \(InputLimits.maximumSheetRows))")
            }
            if !cells.isEmpty { rows.append(SheetGrid.Row(number: record, cells: cells)) }
            cells = [:]
            column = 0
            record += 1
        }

        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    // Line breaks inside a field are kept as `\n`, whatever the file uses.
                    field.append(character == "\r\n" || character == "\r" ? "\n" : character)
                }
            } else if character == "\"" && field.isEmpty && !quotedField {
                inQuotes = true
                quotedField = true
            } else if character == separator {
                try endField()
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                try endRecord()
            } else {
                field.append(character)
            }
        }
        if inQuotes { throw CSVError(record: record, message: "virgolette aperte e mai chiuse") }
        if !field.isEmpty || quotedField || !cells.isEmpty || column > 0 { try endRecord() }
        return SheetGrid(name: name, rows: rows)
    }

    public static func grid(contentsOf url: URL, name: String) throws -> SheetGrid {
        let data = try InputLimits.data(contentsOf: url) { SpreadsheetError(file: url.lastPathComponent, sheet: name, message: $0) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpreadsheetError(file: url.lastPathComponent, message: "il file CSV non è in codifica UTF-8")
        }
        do {
            var sheet = try grid(text, name: name)
            sheet.source = url.lastPathComponent
            return sheet
        } catch {
            throw SpreadsheetError(file: url.lastPathComponent, sheet: name, row: error.record, message: error.message)
        }
    }
}

/// A CSV file that cannot be split into fields.
public struct CSVError: Error, Sendable {
    public var record: Int
    public var message: String
}
