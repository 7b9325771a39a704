import Performa

/// Dates as spreadsheets store them: days since 30/12/1899 (the 1900 date system, as Excel and
/// LibreOffice write it; serial 25569 is 1/1/1970).
enum SpreadsheetDate {
    private static let unixEpochSerial = 25_569

    static func serial(of day: Day) -> Int { day.ordinal + unixEpochSerial }

    /// The day of a serial number (the time of day, if any, is dropped).
    static func day(fromSerial serial: Double) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        // Days since 1970-01-01 to a civil date (Howard Hinnant's civil_from_days).
        let days = Int(serial.rounded(.down)) - unixEpochSerial + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPosition = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPosition + 2) / 5 + 1
        let month = monthPosition < 10 ? monthPosition + 3 : monthPosition - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let result = Day(year, month, day)
        return result.isValid ? result : nil
    }
}
