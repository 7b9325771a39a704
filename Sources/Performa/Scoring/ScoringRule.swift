/// Which rule scores an indicator at a checkpoint, decided once from its target's shape and its value
/// (`RuleMeasure`). The first four give no achievement of their own (the indicator drops out, or counts as
/// missing as the policy says); the others name the rule file in `Scoring/Rules` that scores it.
/// One byte, so that the bulk roll-up (`PerformaBulk`) can store it per indicator.
public enum ScoringRule: UInt8, CaseIterable, Sendable {
    case notApplicable, neutralised, missing, invalid
    case higherIsBetter, lowerIsBetter, change, yesNo, milestone, ratio, deadline, notDone, compound

    /// The rule alone on the numbers `RuleMeasure` describes, capped at the policy's cap where a rule can
    /// exceed 100% (so that compound parts compare fairly); NaN for the rules without an achievement.
    /// `compound` scores the parts of a compound target, wherever its caller keeps them, with
    /// `CompoundScoring`. The one place where a rule is chosen: `Scorer` and the bulk roll-up both come here.
    @inlinable @inline(__always)
    public func rawScore(target: Double, auxiliary: @autoclosure () -> Double, value: Double, policy: PreparedPolicy,
                         compound: () -> Double) -> Double {
        let cap = policy.policy.cap
        switch self {
        case .higherIsBetter:
            let baseline = policy.fromBaseline ? RuleMeasure.level(auxiliary()) : nil
            return min(HigherIsBetterScoring.achievement(actual: value, target: target, baseline: baseline), cap)
        case .lowerIsBetter:
            let baseline = policy.fromBaseline ? RuleMeasure.level(auxiliary()) : nil
            return min(LowerIsBetterScoring.achievement(actual: value, target: target, baseline: baseline), cap)
        case .change:
            return min(ReductionScoring.achievement(actualChange: value, requiredChange: target), cap)
        case .yesNo:
            return YesNoScoring.achievement(actual: value == 1, target: target == 1)
        case .milestone:
            // `MilestoneScoring` was applied when the value was read (`RuleMeasure`): `value` is its achievement.
            return min(value, cap)
        case .ratio:
            return min(RatioScoring.achievement(numerator: value, denominator: auxiliary(), requiredPercent: target), cap)
        case .deadline:
            return DeadlineScoring.achievement(lateDays: value - target, loss: policy.policy.deadlineLoss)
        case .notDone:
            return DeadlineScoring.notDone
        case .compound:
            return compound()
        case .notApplicable, .neutralised, .missing, .invalid:
            return .nan
        }
    }
}
