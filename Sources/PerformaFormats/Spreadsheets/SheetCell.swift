import Performa

/// One cell to write, typed: what is a number in the model is a number in the workbook, so that a
/// spreadsheet can sum, sort and filter it. The XLSX and the CSV writer both start from these cells.
public enum SheetCell: Hashable, Sendable {
    case empty
    case text(String)
    /// A whole number (indicator number, year, version), shown without grouping (`2021`).
    case integer(Int)
    /// A measured or plain decimal number (`1489`, `97,4`).
    case number(Double)
    /// A percentage value as the model keeps it (`30` is 30%); written as the fraction 0,3 with a percent format.
    case percent(Double)
    /// A euro amount (`50000` is € 50.000,00).
    case euro(Double)
    case date(Day)
    case bool(Bool)

    /// Text, or empty when the value is absent: most model fields are optional.
    public static func text(_ value: String?) -> SheetCell { value.map(SheetCell.text) ?? .empty }
    public static func integer(_ value: Int?) -> SheetCell { value.map(SheetCell.integer) ?? .empty }
    public static func number(_ value: Double?) -> SheetCell { value.map(SheetCell.number) ?? .empty }
    public static func percent(_ value: Double?) -> SheetCell { value.map(SheetCell.percent) ?? .empty }
    public static func date(_ value: Day?) -> SheetCell { value.map(SheetCell.date) ?? .empty }
    public static func bool(_ value: Bool?) -> SheetCell { value.map(SheetCell.bool) ?? .empty }

    /// Several values in one cell, one per line (roles, evidence documents).
    public static func lines(_ values: [String]?) -> SheetCell {
        guard let values, !values.isEmpty else { return .empty }
        return .text(values.joined(separator: "\n"))
    }

    /// The cell as the Italian CSV writes it: `1.489`, `97,4`, `30,00%`, `€ 50.000,00`, `31/12/2021`, `SI`.
    public var csvText: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .number(let value): return ItalianNumber.format(value, fractionDigits: 6, minimumFractionDigits: 0)
        case .percent(let value): return ItalianNumber.format(value, fractionDigits: 6, minimumFractionDigits: 2) + "%"
        case .euro(let value): return ItalianNumber.euro(cents: Int64((value * 100).rounded(.toNearestOrAwayFromZero)))
        case .date(let day): return day.italian
        case .bool(let value): return value ? "SI" : "NO"
        }
    }

    /// Rough display length, to size the column.
    var displayLength: Int {
        switch self {
        case .text(let text): return text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        default: return csvText.count
        }
    }
}
