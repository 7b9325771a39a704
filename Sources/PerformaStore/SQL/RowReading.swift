import Foundation
import Performa
import SQLKit

/// Typed column reads shared by every record the store decodes, with the store's text encodings of times and days.
extension SQLRow {
    func text(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalText(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func integer(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInteger(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func number(_ column: String) throws -> Double { try decode(column: column, as: Double.self) }
    func optionalNumber(_ column: String) throws -> Double? { try decode(column: column, as: Double?.self) }
    func flag(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }
    func time(_ column: String) throws -> Date { try StoreTime.date(text(column)) }
    func optionalTime(_ column: String) throws -> Date? { try optionalText(column).map(StoreTime.date) }

    func day(_ column: String) throws -> Day {
        let value = try text(column)
        guard let day = Day(parsing: value) else { throw StoreError.database("data non leggibile nel database: «\(value)»") }
        return day
    }

    func indicatorKey(_ column: String) throws -> IndicatorKey {
        let value = try text(column)
        guard let key = IndicatorKey(parsing: value) else { throw StoreError.database("indicatore non leggibile nel database: «\(value)»") }
        return key
    }

    /// A JSON list of strings (a measurement's evidence): most are empty, and those are read without a JSON decoder.
    func stringList(_ column: String) throws -> [String]? {
        guard let value = try optionalText(column) else { return nil }
        return value == "[]" ? [] : try Self.decodeJSON(value, column: column, as: [String].self)
    }

    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try optionalText(column).map { try Self.decodeJSON($0, column: column, as: type) }
    }

    private static func decodeJSON<T: Decodable>(_ value: String, column: String, as type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(value.utf8))
        } catch {
            throw StoreError.database("contenuto JSON non leggibile nella colonna \(column) (\(error))")
        }
    }
}

/// JSON written into columns (targets, acts, evidence references): compact and stable.
enum ColumnJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
