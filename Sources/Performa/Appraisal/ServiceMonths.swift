/// Months of service in a year, as Italian payroll counts them: a calendar month counts when the person was in
/// service for more than 15 days of it (*frazione di mese superiore a 15 giorni*). The SMVP's minimum service and
/// the bonus's proration both use this count, so a person's months are the same wherever they are shown.
public enum ServiceMonths {
    /// - Parameters: `from`/`to` the first and last day of service (nil: from 1 January, to 31 December).
    public static func count(from: Day?, to: Day?, year: Int) -> Int {
        // The whole year (most people): every month counts, without walking the calendar.
        if from == nil && to == nil { return 12 }
        let first = max(from ?? Day(year, 1, 1), Day(year, 1, 1))
        let last = min(to ?? Day(year, 12, 31), Day(year, 12, 31))
        guard first <= last else { return 0 }
        var months = 0
        for month in 1...12 {
            let monthStart = Day(year, month, 1), monthEnd = Day(year, month, Day.daysIn(month: month, year: year))
            let start = max(first, monthStart), end = min(last, monthEnd)
            if start <= end && end.ordinal - start.ordinal + 1 > 15 { months += 1 }
        }
        return months
    }
}
