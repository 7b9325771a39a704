/// The achievement of one measured value against one target under a policy: the value read into a
/// `RuleMeasure`, scored by its rule (files in Scoring/Rules, one per shape), then the policy's cap,
/// threshold and bands (`PreparedPolicy`) — the same path `Scorer` and the bulk roll-up take.
public enum IndicatorAchievement {
    /// Nil when no rule scores the value against the target (`RuleMeasure.reading`). Whether the value is
    /// acceptable at all (`MeasuredValue.problem(for:)`) is the caller's question.
    public static func score(target: TargetKind, value: MeasuredValue, baseline: TargetKind?, policy: ScoringPolicy, year: Int) -> Double? {
        RuleMeasure.reading(value, target: target, baseline: baseline, year: year).map(PreparedPolicy(policy).achievement(of:))
    }
}
