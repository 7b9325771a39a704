import Performa

/// Dates in the API are RFC 3339 full-dates (`2021-12-31`), what `format: date` means in docs/api/openapi.yaml:
/// four, two and two ASCII digits naming a real day of the Gregorian calendar, year 1 to 9999. `Day(parsing:)`
/// is kinder (it also reads `31/12/2021`, as the forms do) and narrower (years 1900–2200), so the API checks the
/// form itself and then asks for the day: a real date outside the plans' calendar is simply no checkpoint.
enum APIDate {
    enum Reading: Equatable {
        /// Not a full-date: the request is malformed (400).
        case malformed
        /// A full-date, and the day when it is within the plans' calendar.
        case date(Day?)
    }

    static func read(_ text: String) -> Reading {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return .malformed }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return .malformed }
        let value = Day(year, month, day)
        return .date(value.isValid ? value : nil)
    }
}
