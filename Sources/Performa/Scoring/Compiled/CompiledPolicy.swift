/// An organization's scoring policy ready for scoring many indicators: the bands sorted once instead of
/// for every indicator. Scores with the same rule files and the same adjustments as `Scorer`.
struct CompiledPolicy: Sendable {
    let policy: ScoringPolicy
    let sortedBands: [ScoreBand]
    /// Whether a baseline is ever read (rule `progressFromBaseline`): otherwise it is not even loaded.
    let fromBaseline: Bool

    init(_ policy: ScoringPolicy) {
        self.policy = policy
        self.sortedBands = PolicyAdjustments.sortedBands(policy)
        self.fromBaseline = policy.rule == .progressFromBaseline
    }

    /// The achievement of a scored indicator: its rule, then cap, threshold and bands.
    @inline(__always)
    func achievement(rule: CompiledRule, target: Double, auxiliary: @autoclosure () -> Double, value: Double,
                     parts: CompiledPartsView) -> Double {
        let raw = rawScore(rule: rule, target: target, auxiliary: auxiliary(), value: value, parts: parts)
        return PolicyAdjustments.apply(raw, cap: policy.cap, threshold: policy.threshold, sortedBands: sortedBands, mode: policy.bandMode)
    }

    /// The rule alone, capped at the policy's cap where `IndicatorAchievement.rawScore` caps it.
    @inline(__always)
    func rawScore(rule: CompiledRule, target: Double, auxiliary: @autoclosure () -> Double, value: Double,
                  parts: CompiledPartsView) -> Double {
        let cap = policy.cap
        switch rule {
        case .higherIsBetter:
            let baseline = fromBaseline ? Self.level(auxiliary()) : nil
            return min(IndicatorAchievement.higherIsBetter(actual: value, target: target, baseline: baseline, policy: policy), cap)
        case .lowerIsBetter:
            let baseline = fromBaseline ? Self.level(auxiliary()) : nil
            return min(IndicatorAchievement.lowerIsBetter(actual: value, target: target, baseline: baseline, policy: policy), cap)
        case .change:
            return min(ReductionScoring.achievement(actualChange: value, requiredChange: target), cap)
        case .yesNo:
            return YesNoScoring.achievement(actual: value == 1, target: target == 1)
        case .milestone:
            return min(value, cap)
        case .ratio:
            return min(RatioScoring.achievement(numerator: value, denominator: auxiliary(), requiredPercent: target), cap)
        case .deadline:
            return DeadlineScoring.achievement(lateDays: Int(value - target), loss: policy.deadlineLoss)
        case .notDone:
            return 0
        case .compound:
            return compoundScore(first: Int(auxiliary()), count: Int(target), parts: parts)
        case .notApplicable, .neutralised, .missing, .invalid:
            return .nan
        }
    }

    @inline(__always)
    private static func level(_ stored: Double) -> Double? { stored.isNaN ? nil : stored }

    /// The lowest of the parts, each scored by its own rule (`CompoundScoring`); kept out of line so that
    /// the common rules stay small.
    @inline(never)
    private func compoundScore(first: Int, count: Int, parts: CompiledPartsView) -> Double {
        var lowest = Double.infinity
        for index in first..<(first + count) {
            lowest = min(lowest, rawScore(rule: parts.rule[index], target: parts.target[index], auxiliary: parts.auxiliary[index],
                                          value: parts.value[index], parts: parts))
        }
        return lowest
    }
}

/// The parts of compound targets, lent as buffers during a scoring pass.
struct CompiledPartsView {
    let rule: UnsafeBufferPointer<CompiledRule>
    let target: UnsafeBufferPointer<Double>
    let auxiliary: UnsafeBufferPointer<Double>
    let value: UnsafeBufferPointer<Double>
}
