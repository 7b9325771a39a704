/// The inner loop of the compiled roll-up: scores the indicators of a group and the group itself,
/// reading and writing the columns through buffers lent by `CompiledRollUp` for the duration of a pass.
struct IndicatorKernel {
    let rule: UnsafeBufferPointer<UInt8>
    let target: UnsafeBufferPointer<Double>
    let auxiliary: UnsafeBufferPointer<Double>
    let value: UnsafeBufferPointer<Double>
    let weight: UnsafeBufferPointer<Double>
    let override: UnsafeBufferPointer<Double>
    let indicatorStart: UnsafeBufferPointer<Int32>
    let parts: CompiledPartsView
    let score: UnsafeMutableBufferPointer<Double>
    let status: UnsafeMutableBufferPointer<UInt8>
    let groupScore: UnsafeMutableBufferPointer<Double>
    let groupStatus: UnsafeMutableBufferPointer<UInt8>

    @inline(__always)
    func scoreGroup(_ g: Int, policy: CompiledPolicy) {
        var mean = WeightedMean()
        for i in Int(indicatorStart[g])..<Int(indicatorStart[g + 1]) {
            let byte = rule[i]
            // The common case first, with no status to inspect: a scored indicator without an override.
            if byte >= CompiledRule.higherIsBetter.rawValue && byte < CompiledRule.overriddenFlag {
                let achievement = policy.achievement(rule: CompiledRule(rawValue: byte).unsafelyUnwrapped, target: target[i],
                                                     auxiliary: auxiliary[i], value: value[i], parts: parts)
                score[i] = achievement
                status[i] = ScoreStatus.complete.compiledCode
                mean.addComplete(achievement, weight: weight[i])
                continue
            }
            let (computed, code) = outcome(CompiledRule(storedByte: byte), i, policy: policy)
            score[i] = computed
            status[i] = code
            mean.add(weight: weight[i], computed: computed, override: byte & CompiledRule.overriddenFlag == 0 ? .nan : override[i], status: code)
        }
        (groupScore[g], groupStatus[g]) = mean.outcome()
    }

    /// One indicator's computed achievement and status, as `Scorer` gives them before any override.
    @inline(__always)
    private func outcome(_ rule: CompiledRule, _ i: Int, policy: CompiledPolicy) -> (Double, UInt8) {
        switch rule {
        case .notApplicable: return (.nan, ScoreStatus.notApplicable.compiledCode)
        case .neutralised: return (.nan, ScoreStatus.neutralised.compiledCode)
        case .missing: return unmeasured(.missing, policy: policy)
        case .invalid: return unmeasured(.invalid, policy: policy)
        default:
            let achievement = policy.achievement(rule: rule, target: target[i], auxiliary: auxiliary[i], value: value[i], parts: parts)
            return (achievement, ScoreStatus.complete.compiledCode)
        }
    }

    /// A missing or unusable measurement scores as the policy says (`Scorer`'s `missingScore`).
    @inline(__always)
    private func unmeasured(_ status: ScoreStatus, policy: CompiledPolicy) -> (Double, UInt8) {
        switch policy.policy.missingMeasurement {
        case .scoreZero: return (0, status.compiledCode)
        case .showAsMissing: return (.nan, status.compiledCode)
        case .blockRollUp: return (.nan, ScoreStatus.blocked.compiledCode)
        }
    }
}
