/// Deadline targets (`entro il 31.12.2021`): 100% on time; each day (or each started month) of delay loses
/// the policy's `lossPerUnit`, down to 0. Not done (`NO`) is 0.
public enum DeadlineScoring {
    /// The deadline a target names; one without a year (`entro il 31/10`) falls in the checkpoint's year.
    public static func deadline(_ day: Day, year: Int) -> Day {
        day.year == 0 ? Day(year, day.month, day.day) : day
    }

    /// `lateDays` is the day it was done minus the deadline (`Day.ordinal`s), as a Double so that no day read
    /// from a damaged file can overflow.
    @inlinable
    public static func achievement(lateDays: Double, loss: DeadlineLoss) -> Double {
        guard lateDays > 0 else { return 1 }
        let units: Double
        switch loss.unit {
        case .day: units = lateDays
        case .month: units = (lateDays / 30).rounded(.up)
        }
        return max(0, 1 - units * loss.lossPerUnit)
    }

    /// Not done by the checkpoint.
    public static let notDone = 0.0
}
