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

    /// One group's indicators in code order, then the group (the incremental path: one group at a time).
    @inline(__always)
    func scoreGroup(_ g: Int, policy: CompiledPolicy) {
        for i in Int(indicatorStart[g])..<Int(indicatorStart[g + 1]) {
            (score[i], status[i]) = outcome(CompiledRule(storedByte: rule[i]), i, policy: policy)
        }
        combineGroup(g)
    }

    /// Every indicator and group of the groups `groups` (one organization's), in two passes: first the indicators
    /// rule by rule (a counting sort of their rule bytes into `order`), so that each rule is scored in a loop of its
    /// own instead of a branch the processor mispredicts on a real mix of targets; then each group's mean over
    /// its indicators in their order (`combineGroup`, as `scoreGroup` does: same numbers to the last bit).
    /// `order` holds at least the organization's indicators; `counts` 257 entries.
    @inline(__always)
    func scoreGroups(_ groups: Range<Int>, policy: CompiledPolicy, order: UnsafeMutableBufferPointer<Int32>,
                     counts: UnsafeMutableBufferPointer<Int32>) {
        guard !groups.isEmpty else { return }
        let first = Int(indicatorStart[groups.lowerBound]), end = Int(indicatorStart[groups.upperBound])
        counts.initialize(repeating: 0)
        for i in first..<end { counts[Int(rule[i]) + 1] += 1 }
        for byte in 1...256 { counts[byte] += counts[byte - 1] }
        for i in first..<end {
            let byte = Int(rule[i])
            order[Int(counts[byte])] = Int32(i)
            counts[byte] += 1
        }
        // counts[byte] is now where byte's run ends; it starts where the previous byte's ends.
        var start = 0
        for byte in 0..<256 {
            let stop = Int(counts[byte])
            defer { start = stop }
            guard stop > start else { continue }
            let stored = UInt8(byte)
            if stored >= CompiledRule.higherIsBetter.rawValue && stored < CompiledRule.overriddenFlag {
                let scored = CompiledRule(rawValue: stored).unsafelyUnwrapped
                for n in start..<stop {
                    let i = Int(order[n])
                    score[i] = policy.achievement(rule: scored, target: target[i], auxiliary: auxiliary[i], value: value[i], parts: parts)
                    status[i] = ScoreStatus.complete.compiledCode
                }
            } else {
                let stated = CompiledRule(storedByte: stored)
                for n in start..<stop {
                    let i = Int(order[n])
                    (score[i], status[i]) = outcome(stated, i, policy: policy)
                }
            }
        }
        for g in groups { combineGroup(g) }
    }

    /// A group's mean over its indicators' scores, in their code order (`RollUp`'s order), overrides included.
    @inline(__always)
    private func combineGroup(_ g: Int) {
        let complete = ScoreStatus.complete.compiledCode
        var mean = WeightedMean()
        for i in Int(indicatorStart[g])..<Int(indicatorStart[g + 1]) {
            let byte = rule[i], code = status[i]
            // The common case first: a scored indicator without an override.
            if code == complete && byte < CompiledRule.overriddenFlag {
                mean.addComplete(score[i], weight: weight[i])
            } else {
                mean.add(weight: weight[i], computed: score[i], override: byte & CompiledRule.overriddenFlag == 0 ? .nan : override[i], status: code)
            }
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
