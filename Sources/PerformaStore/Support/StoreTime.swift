import Foundation
import Performa

/// Times are stored as UTC ISO 8601 text with milliseconds (`2021-12-31T09:15:00.000Z`): the same column type in
/// SQLite and PostgreSQL, readable in a dump, and ordered correctly as text because the width is fixed.
/// Every `Date` the store hands out is built from whole milliseconds the same way, so a record read back
/// compares equal to the record that was written.
enum StoreTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    static func text(_ date: Date) -> String {
        let total = milliseconds(date)
        if let text = fixedWidthText(milliseconds: total) { return text }
        // Half a millisecond up: the formatter truncates, and a canonical date may sit a hair below its millisecond.
        return style.format(Date(timeIntervalSince1970: (Double(total) + 0.5) / 1_000))
    }

    /// The stored form of a moment between the years 1000 and 9999, written on bytes: every signed-in request writes
    /// the time it checks its session's expiry against, and Foundation's formatter was most of that. Nil outside
    /// those years (`text` then asks Foundation).
    static func fixedWidthText(milliseconds total: Int64) -> String? {
        let (days, dayMilliseconds) = total.quotientAndRemainder(dividingBy: 86_400_000)
        let ordinal = Int(days) - (dayMilliseconds < 0 ? 1 : 0)
        let inDay = Int(dayMilliseconds < 0 ? dayMilliseconds + 86_400_000 : dayMilliseconds)
        let day = Day(ordinal: ordinal)
        guard (1000...9999).contains(day.year) else { return nil }
        let fields: [(value: Int, width: Int, separator: UInt8)] = [
            (day.year, 4, UInt8(ascii: "-")), (day.month, 2, UInt8(ascii: "-")), (day.day, 2, UInt8(ascii: "T")),
            (inDay / 3_600_000, 2, UInt8(ascii: ":")), (inDay / 60_000 % 60, 2, UInt8(ascii: ":")), (inDay / 1_000 % 60, 2, UInt8(ascii: ".")),
            (inDay % 1_000, 3, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var end = 0
            for field in fields {
                var value = field.value
                for offset in stride(from: field.width - 1, through: 0, by: -1) {
                    buffer[end + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                buffer[end + field.width] = field.separator
                end += field.width + 1
            }
            return end
        }
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
        func number(_ range: Range<Int>) -> Int? { ASCIIDigits.number(bytes, range) }
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

    /// A moment in whole milliseconds since 1970, rounded as `text` rounds it: compared as numbers, the same order
    /// as the stored texts (years 1000 to 9999).
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
    private static func canonical(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1_000) }
}
