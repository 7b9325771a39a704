import Foundation

/// A calendar day without time or time zone: plan dates, checkpoints (30/6, 31/12), act dates.
/// Kept free of Foundation's `Date` so that the same plan scores the same way on any machine.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 30 June of `year`: the mid-year checkpoint.
    public static func midYear(_ year: Int) -> Day { Day(year, 6, 30) }
    /// 31 December of `year`: the year-end checkpoint.
    public static func yearEnd(_ year: Int) -> Day { Day(year, 12, 31) }

    public var isValid: Bool {
        (1900...2200).contains(year) && (1...12).contains(month) && (1...Day.daysIn(month: month, year: year)).contains(day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic such as deadline delays.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil. Wrapping arithmetic: a day read from a damaged file (year 9e18,
        // month -5) gets a meaningless ordinal, never a trap; valid days are far from the bounds.
        let y = month <= 2 ? year &- 1 : year
        let era = (y >= 0 ? y : y &- 399) / 400
        let yoe = y &- era &* 400
        let mp = (month % 12 &+ 21) % 12
        let doy = (153 &* mp &+ 2) / 5 &+ day &- 1
        let doe = yoe &* 365 &+ yoe / 4 &- yoe / 100 &+ doy
        return era &* 146_097 &+ doe &- 719_468
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The day `ordinal` days after 1970-01-01: the inverse of `ordinal` (Howard Hinnant's civil_from_days).
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day `days` days later (earlier, when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// ISO form, `2021-12-31`: the form used in plan and results files.
    public var description: String {
        "\(year)-\(Day.pad(month))-\(Day.pad(day))"
    }

    /// Italian form, `31/12/2021`.
    public var italian: String { "\(Day.pad(day))/\(Day.pad(month))/\(year)" }

    /// Italian checkpoint label: `30/6` and `31/12` as the seed prints them, otherwise the full date.
    public var checkpointLabel: String {
        if month == 6 && day == 30 || month == 12 && day == 31 { return "\(day)/\(month)" }
        return italian
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Reads `2021-12-31`, `31/12/2021`, `31.12.2021` or `31-12-2021`.
    public init?(parsing text: String) {
        if let day = Day.fixedWidthISO(text) {
            self = day
        } else {
            self.init(parsingAnyForm: text)
        }
        guard isValid else { return nil }
    }

    /// `2021-12-31` exactly, read on its bytes: the form every stored plan and measurement carries, so reading a plan
    /// reads thousands of them (the general reading below trims and splits first). Anything else, nil.
    private static func fixedWidthISO(_ text: String) -> Day? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Day? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = ASCIIDigits.number(bytes, 0..<4), let month = ASCIIDigits.number(bytes, 5..<7),
                  let day = ASCIIDigits.number(bytes, 8..<10) else { return nil }
            return Day(year, month, day)
        } ?? nil
    }

    private init?(parsingAnyForm text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]) {
            self.init(y, m, d)
        } else {
            let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]) else { return nil }
            if parts[2].count == 2 { y += 2000 }
            self.init(y, m, d)
        }
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "data non valida: «\(text)» (usare AAAA-MM-GG)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
