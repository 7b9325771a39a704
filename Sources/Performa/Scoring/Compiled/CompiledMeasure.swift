/// One indicator at one checkpoint as the compiled roll-up stores it: which rule scores it and the
/// numbers that rule reads, decided once when the plan and the measurement are compiled.
///
/// `target`, `auxiliary` and `value` mean, by rule:
///
/// | rule | target | auxiliary | value |
/// |---|---|---|---|
/// | higherIsBetter, lowerIsBetter | the target level | the baseline level (NaN: none) | the measured number |
/// | change | the required change | – | the measured change |
/// | yesNo | 1 (SI) or 0 (NO) | – | 1 or 0 |
/// | milestone | – | – | the declared completion (0…1) |
/// | ratio | the required percent | the denominator | the numerator |
/// | deadline | the deadline's day number | – | the day it was done |
/// | compound | the number of parts | the index of the first part | – |
///
/// The other rules (not applicable, neutralised, missing, invalid, not done) need no numbers.
struct CompiledMeasure: Equatable, Sendable {
    var rule: CompiledRule
    var target = Double.nan
    var auxiliary = Double.nan
    var value = Double.nan
    /// The parts of a compound target, in order.
    var parts: [CompiledMeasure] = []

    init(rule: CompiledRule, target: Double = .nan, auxiliary: Double = .nan, value: Double = .nan, parts: [CompiledMeasure] = []) {
        self.rule = rule
        self.target = target
        self.auxiliary = auxiliary
        self.value = value
        self.parts = parts
    }

    /// The measure of a value against a target, read as `Scorer` reads it: a value that does not suit the
    /// target (`MeasuredValue.problem(for:)`) or that no rule can score is invalid.
    static func measure(_ value: MeasuredValue?, target kind: TargetKind, baseline: TargetKind?, year: Int) -> CompiledMeasure {
        guard kind.isApplicable else { return CompiledMeasure(rule: .notApplicable) }
        guard let value else { return CompiledMeasure(rule: .missing) }
        guard value.problem(for: kind) == nil, let scored = scored(value, target: kind, baseline: baseline, year: year) else {
            return CompiledMeasure(rule: .invalid)
        }
        return scored
    }

    /// Mirrors the cases of `IndicatorAchievement.rawScore`; nil where it would give nil.
    private static func scored(_ value: MeasuredValue, target kind: TargetKind, baseline: TargetKind?, year: Int) -> CompiledMeasure? {
        func level(_ read: (TargetKind) -> Double?) -> Double { baseline.flatMap(read) ?? .nan }
        switch (kind, value) {
        case (.yesNo(let wanted), .yesNo(let actual)):
            return CompiledMeasure(rule: .yesNo, target: wanted ? 1 : 0, value: actual ? 1 : 0)
        case (.atLeast(let t, _), .number(let a, _)), (.rate(let t, _, _), .number(let a, _)):
            return CompiledMeasure(rule: .higherIsBetter, target: t, auxiliary: level(IndicatorAchievement.countLevel), value: a)
        case (.percentAtLeast(let t), .number(let a, _)):
            return CompiledMeasure(rule: .higherIsBetter, target: t, auxiliary: level(IndicatorAchievement.percentLevel), value: a)
        case (.atMost(let t, _), .number(let a, _)):
            return CompiledMeasure(rule: .lowerIsBetter, target: t, auxiliary: level(IndicatorAchievement.countLevel), value: a)
        case (.percentAtMost(let t), .number(let a, _)):
            return CompiledMeasure(rule: .lowerIsBetter, target: t, auxiliary: level(IndicatorAchievement.percentLevel), value: a)
        case (.change(let t), .number(let a, _)):
            return CompiledMeasure(rule: .change, target: t, value: a)
        case (.milestone, _):
            return MilestoneScoring.achievement(value).map { CompiledMeasure(rule: .milestone, value: $0) }
        case (.ratio(_, _, let p), .ratio(let n, let d)):
            return CompiledMeasure(rule: .ratio, target: p, auxiliary: d, value: n)
        case (.deadline(let day), .date(let done)):
            let deadline = day.year == 0 ? Day(year, day.month, day.day) : day
            return CompiledMeasure(rule: .deadline, target: Double(deadline.ordinal), value: Double(done.ordinal))
        case (.deadline, .yesNo(false)):
            return CompiledMeasure(rule: .notDone)
        case (.compound(let kinds), .parts(let values)) where kinds.count == values.count:
            var parts: [CompiledMeasure] = []
            for (part, partValue) in zip(kinds, values) {
                // Compound parts are scored without a baseline, as `rawScore` does.
                guard let scoredPart = scored(partValue, target: part, baseline: nil, year: year) else { return nil }
                parts.append(scoredPart)
            }
            return CompiledMeasure(rule: .compound, target: Double(parts.count), parts: parts)
        default:
            return nil
        }
    }
}
