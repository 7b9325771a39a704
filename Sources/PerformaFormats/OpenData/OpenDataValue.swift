import Foundation
import Performa

/// One value of an open-data record, written the same way in CSV and JSON: text, a number with a
/// decimal point, a whole number, `true`/`false`, an ISO date, or null (an empty CSV field).
public enum OpenDataValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case date(Day)
    case null

    public static func text(_ value: String?) -> OpenDataValue { value.map(OpenDataValue.text) ?? .null }
    public static func number(_ value: Double?) -> OpenDataValue { value.map(OpenDataValue.number) ?? .null }

    /// The CSV field: `50`, `97.4`, `true`, `2021-12-31`, empty for null.
    var csvField: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return OpenDataValue.decimal(value)
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .date(let day): return day.description
        case .null: return ""
        }
    }

    /// The JSON value: numbers and booleans bare, text and dates quoted, `null`.
    var json: String {
        switch self {
        case .text(let text): return OpenDataValue.quoted(text)
        case .date(let day): return OpenDataValue.quoted(day.description)
        case .number(let value) where !value.isFinite: return "null"
        case .null: return "null"
        default: return csvField
        }
    }

    /// Up to six decimals, a decimal point, no grouping, no trailing zeros: the same on every machine.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
