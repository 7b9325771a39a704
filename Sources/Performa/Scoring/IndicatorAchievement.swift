/// The achievement of one measured value against one target under a policy: the shape's rule
/// (files in Scoring/Rules, one per shape), then the policy's cap, threshold and bands.
public enum IndicatorAchievement {
    /// Nil when the value does not suit the target (see `MeasuredValue.problem(for:)`).
    public static func score(target: TargetKind, value: MeasuredValue, baseline: TargetKind?, policy: ScoringPolicy, year: Int) -> Double? {
        guard let raw = rawScore(target: target, value: value, baseline: baseline, policy: policy, year: year) else { return nil }
        return PolicyAdjustments.apply(raw, policy: policy)
    }

    /// The shape's rule alone, capped at the policy's cap (so that compound parts compare fairly).
    static func rawScore(target: TargetKind, value: MeasuredValue, baseline: TargetKind?, policy: ScoringPolicy, year: Int) -> Double? {
        let capped = { (x: Double) in min(x, policy.cap) }
        switch (target, value) {
        case (.yesNo(let wanted), .yesNo(let actual)):
            return YesNoScoring.achievement(actual: actual, target: wanted)
        case (.atLeast(let t, _), .number(let a, _)), (.rate(let t, _, _), .number(let a, _)):
            return capped(higherIsBetter(actual: a, target: t, baseline: baseline.flatMap(countLevel), policy: policy))
        case (.percentAtLeast(let t), .number(let a, _)):
            return capped(higherIsBetter(actual: a, target: t, baseline: baseline.flatMap(percentLevel), policy: policy))
        case (.atMost(let t, _), .number(let a, _)):
            return capped(lowerIsBetter(actual: a, target: t, baseline: baseline.flatMap(countLevel), policy: policy))
        case (.percentAtMost(let t), .number(let a, _)):
            return capped(lowerIsBetter(actual: a, target: t, baseline: baseline.flatMap(percentLevel), policy: policy))
        case (.change(let t), .number(let a, _)):
            return capped(ReductionScoring.achievement(actualChange: a, requiredChange: t))
        case (.milestone, _):
            return MilestoneScoring.achievement(value).map(capped)
        case (.ratio(_, _, let p), .ratio(let n, let d)):
            return capped(RatioScoring.achievement(numerator: n, denominator: d, requiredPercent: p))
        case (.deadline(let day), .date(let done)):
            let deadline = day.year == 0 ? Day(year, day.month, day.day) : day
            return DeadlineScoring.achievement(done: done, deadline: deadline, loss: policy.deadlineLoss)
        case (.deadline, .yesNo(false)):
            return 0
        case (.compound(let kinds), .parts(let values)) where kinds.count == values.count:
            return CompoundScoring.achievement(parts: zip(kinds, values).map {
                rawScore(target: $0, value: $1, baseline: nil, policy: policy, year: year)
            })
        default:
            return nil
        }
    }

    static func higherIsBetter(actual: Double, target: Double, baseline: Double?, policy: ScoringPolicy) -> Double {
        if policy.rule == .progressFromBaseline, let b = baseline,
           let progress = HigherIsBetterScoring.progress(actual: actual, baseline: b, target: target) {
            return progress
        }
        return HigherIsBetterScoring.achievement(actual: actual, target: target)
    }

    static func lowerIsBetter(actual: Double, target: Double, baseline: Double?, policy: ScoringPolicy) -> Double {
        if policy.rule == .progressFromBaseline, let b = baseline,
           let progress = LowerIsBetterScoring.progress(actual: actual, baseline: b, target: target) {
            return progress
        }
        return LowerIsBetterScoring.achievement(actual: actual, target: target)
    }

    static func countLevel(_ kind: TargetKind) -> Double? {
        switch kind {
        case .atLeast(let n, _), .atMost(let n, _): return n
        default: return nil
        }
    }

    static func percentLevel(_ kind: TargetKind) -> Double? {
        switch kind {
        case .percentAtLeast(let n), .percentAtMost(let n): return n
        default: return nil
        }
    }
}
