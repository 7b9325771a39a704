/// One indicator's value against its target at one checkpoint, read once into plain numbers: which rule
/// scores it (`ScoringRule`) and the numbers that rule reads. `Scorer` scores one measure at a time; the bulk
/// roll-up (`PerformaBulk`) stores the same numbers as columns. Either way `ScoringRule.rawScore` and
/// `PreparedPolicy` score them, so both give the same achievement from the same reading.
///
/// `target`, `auxiliary` and `value` mean, by rule:
///
/// | rule | target | auxiliary | value |
/// |---|---|---|---|
/// | higherIsBetter, lowerIsBetter | the target level | the baseline level (NaN: none) | the measured number |
/// | change | the required change | – | the measured change |
/// | yesNo | 1 (SI) or 0 (NO) | – | 1 or 0 |
/// | milestone | – | – | the milestone's achievement (0…1, `MilestoneScoring`) |
/// | ratio | the required percent | the denominator | the numerator |
/// | deadline | the deadline's day number | – | the day it was done |
/// | compound | the number of parts | where the bulk roll-up stores the parts | – |
///
/// The other rules (not applicable, neutralised, missing, invalid, not done) need no numbers.
public struct RuleMeasure: Equatable, Sendable {
    public var rule: ScoringRule
    public var target = Double.nan
    public var auxiliary = Double.nan
    public var value = Double.nan
    /// The parts of a compound target, in order.
    public var parts: [RuleMeasure] = []

    public init(rule: ScoringRule, target: Double = .nan, auxiliary: Double = .nan, value: Double = .nan, parts: [RuleMeasure] = []) {
        self.rule = rule
        self.target = target
        self.auxiliary = auxiliary
        self.value = value
        self.parts = parts
    }

    /// The measure of a value (nil: none recorded) against a target: not applicable without a target in the
    /// period; invalid when the value does not suit the target (`MeasuredValue.problem(for:)`) or no rule can
    /// score it. Compound parts are read without a baseline.
    public static func measure(_ value: MeasuredValue?, target kind: TargetKind, baseline: TargetKind?, year: Int) -> RuleMeasure {
        guard kind.isApplicable else { return RuleMeasure(rule: .notApplicable) }
        guard let value else { return RuleMeasure(rule: .missing) }
        guard value.problem(for: kind) == nil, let read = reading(value, target: kind, baseline: baseline, year: year) else {
            return RuleMeasure(rule: .invalid)
        }
        return read
    }

    /// The rule and numbers for a value against a target, without asking whether the value is acceptable
    /// (`measure` does); nil where no rule scores the value.
    public static func reading(_ value: MeasuredValue, target kind: TargetKind, baseline: TargetKind?, year: Int) -> RuleMeasure? {
        func level(_ read: (TargetKind) -> Double?) -> Double { baseline.flatMap(read) ?? .nan }
        switch (kind, value) {
        case (.yesNo(let wanted), .yesNo(let actual)):
            return RuleMeasure(rule: .yesNo, target: wanted ? 1 : 0, value: actual ? 1 : 0)
        case (.atLeast(let t, _), .number(let a, _)), (.rate(let t, _, _), .number(let a, _)):
            return RuleMeasure(rule: .higherIsBetter, target: t, auxiliary: level(countLevel), value: a)
        case (.percentAtLeast(let t), .number(let a, _)):
            return RuleMeasure(rule: .higherIsBetter, target: t, auxiliary: level(percentLevel), value: a)
        case (.atMost(let t, _), .number(let a, _)):
            return RuleMeasure(rule: .lowerIsBetter, target: t, auxiliary: level(countLevel), value: a)
        case (.percentAtMost(let t), .number(let a, _)):
            return RuleMeasure(rule: .lowerIsBetter, target: t, auxiliary: level(percentLevel), value: a)
        case (.change(let t), .number(let a, _)):
            return RuleMeasure(rule: .change, target: t, value: a)
        case (.milestone, _):
            return MilestoneScoring.achievement(value).map { RuleMeasure(rule: .milestone, value: $0) }
        case (.ratio(_, _, let p), .ratio(let n, let d)):
            return RuleMeasure(rule: .ratio, target: p, auxiliary: d, value: n)
        case (.deadline(let day), .date(let done)):
            let deadline = DeadlineScoring.deadline(day, year: year)
            return RuleMeasure(rule: .deadline, target: Double(deadline.ordinal), value: Double(done.ordinal))
        case (.deadline, .yesNo(false)):
            return RuleMeasure(rule: .notDone)
        case (.compound(let kinds), .parts(let values)) where !kinds.isEmpty && kinds.count == values.count:
            var parts: [RuleMeasure] = []
            for (part, partValue) in zip(kinds, values) {
                guard let scoredPart = reading(partValue, target: part, baseline: nil, year: year) else { return nil }
                parts.append(scoredPart)
            }
            return RuleMeasure(rule: .compound, target: Double(parts.count), parts: parts)
        default:
            return nil
        }
    }

    /// A baseline as a number of the same kind as a count target (nil otherwise).
    static func countLevel(_ kind: TargetKind) -> Double? {
        switch kind {
        case .atLeast(let n, _), .atMost(let n, _): return n
        default: return nil
        }
    }

    /// A baseline as a number of the same kind as a percentage target (nil otherwise).
    static func percentLevel(_ kind: TargetKind) -> Double? {
        switch kind {
        case .percentAtLeast(let n), .percentAtMost(let n): return n
        default: return nil
        }
    }

    /// A stored baseline level: NaN is none.
    @inlinable @inline(__always)
    public static func level(_ stored: Double) -> Double? { stored.isNaN ? nil : stored }
}
