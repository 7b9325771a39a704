import Foundation

/// The before/after snapshots of the audit log: stable JSON (sorted keys, ISO dates) of the stored records.
enum AuditJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoreTime.text(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
