/// Keeps text from being run as a formula when a CSV file is opened in a spreadsheet program (CSV or "formula"
/// injection): a field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading
/// apostrophe, the mark spreadsheet users know for "this is text". Numbers keep their sign (`-5,00%`, `-0.5`): they
/// are data, not formulas. Every CSV that Performa writes goes through `CSVWriter`, which applies this; the CSV
/// reader takes the apostrophe off again, so an exported sheet imports to the same texts. JSON, YAML and XLSX (whose
/// text cells are never evaluated) carry the texts unchanged.
public enum FormulaGuard {
    /// The characters with which a spreadsheet program starts a formula or a command.
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// The field as written: with a leading apostrophe when a spreadsheet would read it as a formula. A text that
    /// already begins with an apostrophe before such a character gets a second one, so that `restore` is exact.
    public static func neutralise(_ field: String) -> String {
        needsMark(Substring(field)) ? "'" + field : field
    }

    /// The text a written field stands for: `neutralise` undone.
    public static func restore(_ field: String) -> String {
        field.first == "'" && needsMark(field.dropFirst()) ? String(field.dropFirst()) : field
    }

    private static func needsMark(_ field: Substring) -> Bool {
        guard let first = field.first else { return false }
        if first == "'" { return needsMark(field.dropFirst()) }
        return triggers.contains(first) && !isNumber(field)
    }

    /// A signed number as Performa and Italian spreadsheets write them: digits with `.` or `,` for grouping and
    /// decimals, an optional exponent and an optional `%`.
    static func isNumber(_ field: Substring) -> Bool {
        var text = field
        if text.last == "%" { text = text.dropLast() }
        while text.last == " " { text = text.dropLast() }
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var power = text[text.index(after: exponent)...]
            if power.first == "-" || power.first == "+" { power = power.dropFirst() }
            guard !power.isEmpty, power.allSatisfy(\.isASCIIDigit) else { return false }
            text = text[..<exponent]
        }
        return text.first?.isASCIIDigit == true && text.allSatisfy { $0.isASCIIDigit || $0 == "." || $0 == "," }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
