import Foundation
import Performa
import Yams

/// A sheet read against its schema: the header row checked (required columns present, no unknown or
/// repeated ones), then one record per non-empty row, with typed accessors whose errors name the sheet,
/// the row and the column in Italian.
struct SheetRecords {
    let sheet: String
    let file: String?
    /// Row number of the header.
    let headerRow: Int
    /// Headers in column order.
    let headers: [String]
    let records: [SheetRecord]

    /// - Parameter family: recognises the headers of a column family (`Target al 31/12/2021`).
    init(_ grid: SheetGrid, schema: SheetSchema, file: String?, family: (String) -> Bool = { _ in false }) throws {
        sheet = grid.name
        // A sheet from a CSV file of its own is named by that file, not by the folder it was in.
        let file = grid.source ?? file
        self.file = file
        guard let header = grid.rows.first else {
            throw SpreadsheetError(file: file, sheet: grid.name, row: 1, message: "il foglio è vuoto: manca la riga di intestazione")
        }
        headerRow = header.number
        var columns: [Int: String] = [:]
        for (index, value) in header.cells.sorted(by: { $0.key < $1.key }) {
            let name = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let place = CellReference.columnName(index)
            guard !name.isEmpty else { continue }
            if columns.values.contains(name) {
                throw SpreadsheetError(file: file, sheet: grid.name, row: header.number, column: name, message: "colonna ripetuta")
            }
            guard schema.column(name) != nil || family(name) else {
                let known = schema.columns.map(\.header).joined(separator: ", ")
                throw SpreadsheetError(file: file, sheet: grid.name, row: header.number, column: place,
                                       message: "colonna sconosciuta «\(name)»: le colonne previste sono \(known)")
            }
            columns[index] = name
        }
        for column in schema.columns where column.required && !columns.values.contains(column.header) {
            throw SpreadsheetError(file: file, sheet: grid.name, row: header.number, column: column.header,
                                   message: "manca la colonna obbligatoria «\(column.header)»")
        }
        headers = columns.sorted { $0.key < $1.key }.map(\.value)
        let ignored = Set(schema.columns.filter { !$0.imported }.map(\.header))
        var records: [SheetRecord] = []
        for row in grid.rows.dropFirst() {
            var values: [String: SheetValue] = [:]
            for (index, value) in row.cells where !value.isBlank {
                guard let name = columns[index] else {
                    throw SpreadsheetError(file: file, sheet: grid.name, row: row.number, column: CellReference.columnName(index),
                                           message: "valore «\(value.text)» in una colonna senza intestazione")
                }
                if !ignored.contains(name) { values[name] = value }
            }
            if !values.isEmpty { records.append(SheetRecord(sheet: grid.name, file: file, row: row.number, values: values)) }
        }
        self.records = records
    }

    func error(row: Int? = nil, column: String? = nil, _ message: String) -> SpreadsheetError {
        SpreadsheetError(file: file, sheet: sheet, row: row, column: column, message: message)
    }
}

/// One row of a sheet, by column header.
struct SheetRecord {
    let sheet: String
    let file: String?
    let row: Int
    let values: [String: SheetValue]

    func error(_ column: String?, _ message: String) -> SpreadsheetError {
        SpreadsheetError(file: file, sheet: sheet, row: row, column: column, message: message)
    }

    func has(_ column: String) -> Bool { values[column] != nil }

    private func value(_ column: String) throws -> SheetValue? {
        guard let value = values[column] else { return nil }
        if case .error(let code) = value { throw error(column, "la cella contiene un errore di calcolo «\(code)»") }
        return value
    }

    /// The text as written (line breaks and spaces kept: descriptions must come back unchanged).
    func text(_ column: String) throws -> String? { try value(column)?.text }

    func requiredText(_ column: String) throws -> String {
        guard let text = try text(column) else { throw error(column, "valore obbligatorio mancante") }
        return text
    }

    /// A code or an identifier: surrounding spaces dropped.
    func code(_ column: String) throws -> String? {
        try text(column)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func requiredCode(_ column: String) throws -> String {
        guard let code = try code(column) else { throw error(column, "valore obbligatorio mancante") }
        return code
    }

    /// One value per line.
    func lines(_ column: String) throws -> [String]? {
        guard let text = try text(column) else { return nil }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func number(_ column: String) throws -> Double? {
        switch try value(column) {
        case nil: return nil
        case .number(let value, .percent)?: return SheetRecord.rounded(value * 100)
        case .number(let value, _)?: return value
        case .text(let text)?:
            guard let value = ItalianNumber.parse(text), value.isFinite else { throw error(column, "valore non numerico «\(text)»") }
            return value
        case let other?: throw error(column, "valore non numerico «\(other.text)»")
        }
    }

    func integer(_ column: String) throws -> Int? {
        guard let value = try number(column) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            throw error(column, "atteso un numero intero, trovato «\(try text(column) ?? "")»")
        }
        return Int(value)
    }

    func requiredInteger(_ column: String) throws -> Int {
        guard let value = try integer(column) else { throw error(column, "valore obbligatorio mancante") }
        return value
    }

    /// A percentage value (30 for 30%): a cell formatted as percentage holds the fraction (0,3), as
    /// spreadsheets store it; a plain number or a text (`30`, `30%`, `30,00 %`) is the percentage itself.
    func percent(_ column: String, range: ClosedRange<Double> = ValueLimits.weights) throws -> Double? {
        let result: Double
        switch try value(column) {
        case nil: return nil
        case .number(let value, .percent)?: result = SheetRecord.rounded(value * 100)
        case .number(let value, _)?: result = value
        case .text(let text)?:
            let digits = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
            guard let value = ItalianNumber.parse(digits), value.isFinite else { throw error(column, "valore non numerico «\(text)»") }
            result = value
        case let other?: throw error(column, "valore non numerico «\(other.text)»")
        }
        guard range.contains(result) else {
            throw error(column, "percentuale fuori scala «\(ItalianNumber.percentValue(result))»: attesa tra \(ItalianNumber.percentValue(range.lowerBound, fractionDigits: 0)) e \(ItalianNumber.percentValue(range.upperBound, fractionDigits: 0))")
        }
        return result
    }

    func requiredPercent(_ column: String) throws -> Double {
        guard let value = try percent(column) else { throw error(column, "valore obbligatorio mancante") }
        return value
    }

    func bool(_ column: String) throws -> Bool? {
        switch try value(column) {
        case nil: return nil
        case .bool(let value)?: return value
        case .number(let value, _)? where value == 0 || value == 1: return value == 1
        case .text(let text)?:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "si", "sì", "vero", "true", "x": return true
            case "no", "falso", "false": return false
            default: throw error(column, "atteso SI oppure NO, trovato «\(text)»")
            }
        case let other?: throw error(column, "atteso SI oppure NO, trovato «\(other.text)»")
        }
    }

    func day(_ column: String) throws -> Day? {
        switch try value(column) {
        case nil: return nil
        case .number(let serial, _)?:
            guard let day = SpreadsheetDate.day(fromSerial: serial) else { throw error(column, "data non valida «\(ItalianNumber.format(serial))»") }
            return day
        case .text(let text)?:
            guard let day = Day(parsing: text) else { throw error(column, "data non valida «\(text)» (usare GG/MM/AAAA)") }
            return day
        case let other?: throw error(column, "data non valida «\(other.text)» (usare GG/MM/AAAA)")
        }
    }

    func requiredDay(_ column: String) throws -> Day {
        guard let value = try day(column) else { throw error(column, "valore obbligatorio mancante") }
        return value
    }

    /// An amount: a number is euro (`50000` → `€ 50.000,00`); a text is kept as the plan writes it (`-`, `€ _____`).
    func amount(_ column: String) throws -> Amount? {
        switch try value(column) {
        case nil: return nil
        case .number(let value, _)?:
            guard let cents = Amount.cents(euros: value) else { throw error(column, "importo fuori scala «\(value)»") }
            return Amount(cents: cents)
        case .text(let text)?: return Amount(text)
        case let other?: return Amount(other.text)
        }
    }

    /// A target or a baseline: its text, parsed; or the plan file's explicit mapping (`{text: …, kind: …}`).
    func target(_ column: String) throws -> Target? {
        guard let text = try text(column) else { return nil }
        do {
            return try TargetCell.target(from: text)
        } catch {
            throw self.error(column, "target non leggibile «\(text)»: una cella che inizia con «{» deve contenere il target esplicito come nel file del piano, es. {text: \"…\", kind: milestone} (vedi docs/plan-format.md)")
        }
    }

    /// Percentages read from fractions carry binary noise (0,3 × 100 = 30,000000000000004): rounded to 9 decimals.
    static func rounded(_ value: Double) -> Double {
        (value * 1e9).rounded(.toNearestOrAwayFromZero) / 1e9
    }
}
