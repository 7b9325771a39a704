import Performa

/// Minimal RFC 4180 CSV writing (semicolon-separated by default, as Italian spreadsheets expect). Every CSV of
/// Performa is written here, so every one is guarded against formula injection (`FormulaGuard`).
public struct CSVWriter {
    public var separator: Character

    public init(separator: Character = ";") { self.separator = separator }

    public func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: String(separator)) + "\r\n"
    }

    private func escape(_ text: String) -> String {
        let field = FormulaGuard.neutralise(text)
        guard field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ScorecardRows {
    /// CSV with Italian headers and Italian decimal commas, for people: with the byte order mark that spreadsheet
    /// programs need to read UTF-8 (see `SpreadsheetCSV`).
    public static func csv(_ card: Scorecard) -> String {
        let writer = CSVWriter()
        var out = SpreadsheetCSV.byteOrderMark + writer.line(["livello", "codice", "titolo", "padre", "peso", "target", "valore", "raggiungimento", "calcolato", "motivo_correzione_oiv", "stato", "nota"])
        func number(_ value: Double?) -> String { value.map { ItalianNumber.format($0, fractionDigits: 2) } ?? "" }
        for row in rows(card) {
            out += writer.line([row.level, row.key, row.title, row.parent ?? "", number(row.weight), row.target ?? "", row.value ?? "",
                                number(row.achievement), number(row.computed), row.overrideReason ?? "", row.status, row.note ?? ""])
        }
        return out
    }
}
