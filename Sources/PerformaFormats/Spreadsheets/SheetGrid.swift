import Performa

/// A sheet as read from a workbook or a CSV file: its non-empty cells by row and column. Rows keep the
/// number the spreadsheet shows, so that an error can point at them.
public struct SheetGrid: Sendable {
    public struct Row: Sendable {
        /// 1-based row number as the spreadsheet shows it (the header is row 1).
        public var number: Int
        /// Values by 0-based column index; empty cells are absent.
        public var cells: [Int: SheetValue]
    }

    public var name: String
    public var rows: [Row]
    /// The file the sheet was read from, when it is a file of its own (a CSV file of a folder).
    public var source: String?

    public init(name: String, rows: [Row], source: String? = nil) {
        self.name = name
        self.rows = rows
        self.source = source
    }
}

/// A value read from a cell. CSV gives only text; XLSX gives typed values, with what the cell's number
/// format says about a number (a percentage, a date).
public enum SheetValue: Hashable, Sendable {
    case text(String)
    case number(Double, NumberFormat)
    case bool(Bool)
    /// A formula error such as `#N/A` or `#DIV/0!`.
    case error(String)

    public enum NumberFormat: Hashable, Sendable { case plain, percent, date }

    /// The value as text, as a person reads it in an Italian spreadsheet: `1.489`, `95%`, `31/12/2021`, `SI`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .error(let code): return code
        case .bool(let value): return value ? "SI" : "NO"
        case .number(let value, .percent): return ItalianNumber.format(value * 100, fractionDigits: 6, minimumFractionDigits: 0) + "%"
        case .number(let value, .date): return SpreadsheetDate.day(fromSerial: value)?.italian ?? ItalianNumber.format(value, fractionDigits: 6, minimumFractionDigits: 0)
        case .number(let value, .plain):
            // Whole numbers without grouping: an account code typed as a number (330001) must stay 330001.
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return ItalianNumber.format(value, fractionDigits: 6, minimumFractionDigits: 0)
        }
    }

    var isBlank: Bool {
        if case .text(let text) = self { return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return false
    }
}
