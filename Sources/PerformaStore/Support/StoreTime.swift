import Foundation
import Performa

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
        if let date = fixedWidthDate(text) { return date }
        do {
            return canonical(milliseconds(try style.parse(text)))
        } catch {
            throw StoreError.database("data e ora non leggibili nel database: «\(text)»")
        }
    }

    /// `2021-12-31T09:15:00.000Z`, the form `text` writes, read on bytes (every request reads four of them with its
    /// session; Foundation's parser was most of that). Anything else, nil: `date` then asks Foundation.
    static func fixedWidthDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19), let millisecond = number(20..<23),
              (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = Int64(Day(year, month, day).ordinal) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return canonical(seconds * 1_000 + Int64(millisecond))
    }

    /// Now, at the stored precision.
    static func now() -> Date { stored(Date()) }

    /// A moment as it will read back from the database (whole milliseconds).
    static func stored(_ date: Date) -> Date { canonical(milliseconds(date)) }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
    private static func canonical(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1_000) }
}
