/// Milestones (`Avvio con azioni specifiche`, `Bozza nuovi articoli`): reached 100%, a declared partial
/// percentage, or not reached 0%. `SI`/`NO` count as reached/not reached. The rule reads the value itself, so
/// `RuleMeasure` applies it when it reads the value and keeps the achievement as the measure's number.
public enum MilestoneScoring {
    public static func achievement(_ value: MeasuredValue) -> Double? {
        switch value {
        case .completion(let fraction): return min(max(fraction, 0), 1)
        case .yesNo(let done): return done ? 1 : 0
        case .number(let percent, true): return min(max(percent / 100, 0), 1)
        default: return nil
        }
    }
}
