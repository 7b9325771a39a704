import Performa

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
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>
    let groupScore: KernelOutput<Double>
    let groupStatus: KernelOutput<UInt8>

    /// One group's indicators in code order, then the group (the incremental path: one group at a time).
    @inline(__always)
    func scoreGroup(_ g: Int, policy: PreparedPolicy) {
        for i in Int(indicatorStart[g])..<Int(indicatorStart[g + 1]) {
            (score[i], status[i]) = outcome(ScoringRule(storedByte: rule[i]), i, policy: policy)
        }
        combineGroup(g)
    }

    /// Every indicator and group of the groups `groups` (one organization's), in two passes: first the indicators
    /// rule by rule, in the order `CompiledRuleOrder` keeps (`order`, and the organization's `slotCount` run ends
    /// from `runEnd.baseAddress + firstRun`; each slot's rule in `slots`, `CompiledRuleOrder.slots`), so that each
    /// rule is scored in a loop of its own; then each group's
    /// mean over its indicators in their code order (`combineGroup`, as `scoreGroup` does: same numbers to the
    /// last bit).
    @inline(__always)
    func scoreGroups(_ groups: Range<Int>, policy: PreparedPolicy, order: UnsafeBufferPointer<Int32>,
                     runEnd: UnsafeBufferPointer<Int32>, firstRun: Int, slots: UnsafeBufferPointer<(rule: ScoringRule, overridden: Bool)>) {
        guard !groups.isEmpty else { return }
        var start = Int(indicatorStart[groups.lowerBound])
        for k in slots.indices {
            let stop = Int(runEnd[firstRun + k])
            defer { start = stop }
            guard stop > start else { continue }
            let run = start..<stop
            let (stated, overridden) = slots[k]
            // A closure per rule with the rule as a constant: each rule gets a loop of its own with the rule's
            // switch folded away (with the rule as an argument the compiler kept one loop with the switch inside).
            switch overridden ? ScoringRule?.none : stated {
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

    /// Indicator `i`'s achievement under `rule` (`PreparedPolicy`, as `Scorer` scores it).
    @inline(__always)
    private func achievement(_ rule: ScoringRule, _ i: Int, _ policy: PreparedPolicy) -> Double {
        policy.achievement(rule: rule, target: target[i], auxiliary: auxiliary[i], value: value[i]) {
            parts.compoundScore(first: Int(auxiliary[i]), count: Int(target[i]), policy: policy)
        }
    }

    /// A group's mean over its indicators' scores, in their code order (`RollUp`'s order), overrides included.
    /// The common case — every indicator scored, none overridden — is summed in one loop without a branch
    /// (the same additions in the same order as `WeightedMean.addComplete`); any other group part by part.
    @inline(__always)
    private func combineGroup(_ g: Int) {
        let range = Int(indicatorStart[g])..<Int(indicatorStart[g + 1])
        let complete = ScoreStatus.complete.compiledCode
        var weightedSum = 0.0, weightTotal = 0.0
        // Non-zero once an indicator is not complete or carries an override.
        var exceptional: UInt8 = 0
        for i in range {
            exceptional |= (status[i] ^ complete) | (rule[i] & ScoringRule.overriddenFlag)
            weightTotal += weight[i]
            weightedSum += weight[i] * score[i]
        }
        if exceptional == 0 {
            // The plain sum counts only when no indicator has a weight: taken then, the same additions in the same order.
            var plainSum = 0.0
            if !(weightTotal > 0) { for i in range { plainSum += score[i] } }
            (groupScore[g], groupStatus[g]) = WeightedMean(complete: range.count, weightedSum: weightedSum, weightTotal: weightTotal,
                                                           plainSum: plainSum).outcome()
            return
        }
        var mean = WeightedMean()
        for i in range {
            let byte = rule[i], code = status[i]
            if code == complete && byte < ScoringRule.overriddenFlag {
                mean.addComplete(score[i], weight: weight[i])
            } else {
                mean.add(weight: weight[i], computed: score[i], override: byte & ScoringRule.overriddenFlag == 0 ? .nan : override[i], status: code)
            }
        }
        (groupScore[g], groupStatus[g]) = mean.outcome()
    }

    /// One indicator's computed achievement and status before any override (`PreparedPolicy.outcome`, as `Scorer`).
    @inline(__always)
    private func outcome(_ rule: ScoringRule, _ i: Int, policy: PreparedPolicy) -> (Double, UInt8) {
        policy.outcome(rule) { achievement(rule, i, policy) }
    }
}

/// The parts of compound targets, lent as buffers during a scoring pass.
struct CompiledPartsView {
    let rule: UnsafeBufferPointer<ScoringRule>
    let target: UnsafeBufferPointer<Double>
    let auxiliary: UnsafeBufferPointer<Double>
    let value: UnsafeBufferPointer<Double>

    /// The parts `first..<first + count` of a compound target, each scored by its own rule, combined by
    /// `CompoundScoring`; kept out of line so that the common rules stay small.
    @inline(never)
    func compoundScore(first: Int, count: Int, policy: PreparedPolicy) -> Double {
        var lowest = CompoundScoring.start
        for index in first..<(first + count) {
            let part = rule[index].rawScore(target: target[index], auxiliary: auxiliary[index], value: value[index], policy: policy) {
                compoundScore(first: Int(auxiliary[index]), count: Int(target[index]), policy: policy)
            }
            lowest = CompoundScoring.achievement(lowest, with: part)
        }
        return lowest
    }
}
