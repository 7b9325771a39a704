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
    /// rule by rule, in the order `CompiledRuleOrder` keeps (`order`, and the organization's `slotCount` run ends
    /// from `runEnd.baseAddress + firstRun`), so that each rule is scored in a loop of its own; then each group's
    /// mean over its indicators in their code order (`combineGroup`, as `scoreGroup` does: same numbers to the
    /// last bit).
    @inline(__always)
    func scoreGroups(_ groups: Range<Int>, policy: CompiledPolicy, order: UnsafeBufferPointer<Int32>,
                     runEnd: UnsafeBufferPointer<Int32>, firstRun: Int) {
        guard !groups.isEmpty else { return }
        var start = Int(indicatorStart[groups.lowerBound])
        for k in 0..<CompiledRuleOrder.slotCount {
            let stop = Int(runEnd[firstRun + k])
            defer { start = stop }
            guard stop > start else { continue }
            let run = start..<stop
            let (stated, overridden) = CompiledRuleOrder.rule(ofSlot: k)
            // A closure per rule with the rule as a constant: each rule gets a loop of its own with the rule's
            // switch folded away (with the rule as an argument the compiler kept one loop with the switch inside).
            switch overridden ? CompiledRule?.none : stated {
            case .higherIsBetter?: scoreRun(run, order) { achievement(.higherIsBetter, $0, policy) }
            case .lowerIsBetter?: scoreRun(run, order) { achievement(.lowerIsBetter, $0, policy) }
            case .change?: scoreRun(run, order) { achievement(.change, $0, policy) }
            case .yesNo?: scoreRun(run, order) { achievement(.yesNo, $0, policy) }
            case .milestone?: scoreRun(run, order) { achievement(.milestone, $0, policy) }
            case .ratio?: scoreRun(run, order) { achievement(.ratio, $0, policy) }
            case .deadline?: scoreRun(run, order) { achievement(.deadline, $0, policy) }
            case .notDone?: scoreRun(run, order) { achievement(.notDone, $0, policy) }
            case .compound?: scoreRun(run, order) { achievement(.compound, $0, policy) }
            case .notApplicable?, .neutralised?, .missing?, .invalid?, nil:
                // No achievement of its own, or overridden (scored all the same; the group takes the override).
                for n in run {
                    let i = Int(order[n])
                    (score[i], status[i]) = outcome(stated, i, policy: policy)
                }
            }
        }
        for g in groups { combineGroup(g) }
    }

    /// The indicators `order[run]`, all scored by `achievement` (one rule, no override).
    @inline(__always)
    private func scoreRun(_ run: Range<Int>, _ order: UnsafeBufferPointer<Int32>, _ achievement: (Int) -> Double) {
        let complete = ScoreStatus.complete.compiledCode
        for n in run {
            let i = Int(order[n])
            score[i] = achievement(i)
            status[i] = complete
        }
    }

    /// Indicator `i`'s achievement under `rule`.
    @inline(__always)
    private func achievement(_ rule: CompiledRule, _ i: Int, _ policy: CompiledPolicy) -> Double {
        policy.achievement(rule: rule, target: target[i], auxiliary: auxiliary[i], value: value[i], parts: parts)
    }

    /// A group's mean over its indicators' scores, in their code order (`RollUp`'s order), overrides included.
    /// The common case — every indicator scored, none overridden — is summed in one loop without a branch
    /// (the same additions in the same order as `WeightedMean.addComplete`); any other group part by part.
    @inline(__always)
    private func combineGroup(_ g: Int) {
        let range = Int(indicatorStart[g])..<Int(indicatorStart[g + 1])
        let complete = ScoreStatus.complete.compiledCode
        var weightedSum = 0.0, weightTotal = 0.0, plainSum = 0.0
        // Non-zero once an indicator is not complete or carries an override.
        var exceptional: UInt8 = 0
        for i in range {
            exceptional |= (status[i] ^ complete) | (rule[i] & CompiledRule.overriddenFlag)
            weightTotal += weight[i]
            weightedSum += weight[i] * score[i]
            plainSum += score[i]
        }
        if exceptional == 0 {
            (groupScore[g], groupStatus[g]) = WeightedMean(complete: range.count, weightedSum: weightedSum, weightTotal: weightTotal,
                                                           plainSum: plainSum).outcome()
            return
        }
        var mean = WeightedMean()
        for i in range {
            let byte = rule[i], code = status[i]
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
            return (achievement(rule, i, policy), ScoreStatus.complete.compiledCode)
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
