import Foundation

/// Times are stored as UTC ISO 8601 text with milliseconds (`2021-12-31T09:15:00.000Z`): the same column type in
/// SQLite and PostgreSQL, readable in a dump, and ordered correctly as text because the width is fixed.
/// Every `Date` the store hands out is built from whole milliseconds the same way, so a record read back
/// compares equal to the record that was written.
enum StoreTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    static func text(_ date: Date) -> String {
        // Half a millisecond up: the formatter truncates, and a canonical date may sit a hair below its millisecond.
        style.format(Date(timeIntervalSince1970: (Double(milliseconds(date)) + 0.5) / 1_000))
    }

    static func date(_ text: String) throws -> Date {
        do {
            return canonical(milliseconds(try style.parse(text)))
        } catch {
            throw StoreError.database("data e ora non leggibili nel database: «\(text)»")
        }
    }

    /// Now, at the stored precision.
    static func now() -> Date { stored(Date()) }

    /// A moment as it will read back from the database (whole milliseconds).
    static func stored(_ date: Date) -> Date { canonical(milliseconds(date)) }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
    private static func canonical(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1_000) }
}
