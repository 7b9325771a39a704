/// Deadline targets (`entro il 31.12.2021`): 100% on time; each day (or each started month) of delay loses
/// the policy's `lossPerUnit`, down to 0. Not done (`NO`) is 0.
enum DeadlineScoring {
    static func achievement(done: Day, deadline: Day, loss: DeadlineLoss) -> Double {
        achievement(lateDays: done.ordinal - deadline.ordinal, loss: loss)
    }

    static func achievement(lateDays: Int, loss: DeadlineLoss) -> Double {
        guard lateDays > 0 else { return 1 }
        let units: Int
        switch loss.unit {
        case .day: units = lateDays
        case .month: units = (lateDays + 29) / 30
        }
        return max(0, 1 - Double(units) * loss.lossPerUnit)
    }
}
