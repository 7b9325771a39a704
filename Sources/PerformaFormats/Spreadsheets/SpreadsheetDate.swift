import Performa

/// Dates as spreadsheets store them: days since 30/12/1899 (the 1900 date system, as Excel and
/// LibreOffice write it; serial 25569 is 1/1/1970).
enum SpreadsheetDate {
    private static let unixEpochSerial = 25_569

    static func serial(of day: Day) -> Int { day.ordinal + unixEpochSerial }

    /// The day of a serial number (the time of day, if any, is dropped).
    static func day(fromSerial serial: Double) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let result = Day(ordinal: Int(serial.rounded(.down)) - unixEpochSerial)
        return result.isValid ? result : nil
    }
}
