import Performa

/// What scoring the indicators and their groups reads from a `CompiledRollUp`: the indicators' columns, the
/// groups' ranges, the compound parts, each organization's policy, groups and rule order. Sendable, and cheap to
/// make (the arrays are shared, no element is copied): the one-core pass, the incremental path and every child task
/// of the parallel roll-up score through the same `IndicatorKernel` over the same columns, so they compute the same
/// numbers.
struct IndicatorPass: Sendable {
    let rule: [UInt8]
    let target: [Double]
    let auxiliary: [Double]
    let value: [Double]
    let weight: [Double]
    let override: [Double]
    let indicatorStart: [Int32]
    let parts: CompiledParts
    let organizationPolicy: [Int32]
    let groupStart: [Int32]
    let policies: [PreparedPolicy]
    let order: [Int32]
    let runEnd: [Int32]

    init(_ rollUp: CompiledRollUp) {
        rule = rollUp.indicators.rule
        target = rollUp.indicators.target
        auxiliary = rollUp.indicators.auxiliary
        value = rollUp.indicators.value
        weight = rollUp.indicators.weight
        override = rollUp.indicators.override
        indicatorStart = rollUp.groups.indicatorStart
        parts = rollUp.parts
        organizationPolicy = rollUp.organizations.policy
        groupStart = rollUp.organizations.groupStart
        policies = rollUp.policies
        order = rollUp.ruleOrder.indicator
        runEnd = rollUp.ruleOrder.runEnd
    }

    /// The groups of the organizations `organizations`.
    func groups(of organizations: Range<Int>) -> Range<Int> {
        Int(groupStart[organizations.lowerBound])..<Int(groupStart[organizations.upperBound])
    }

    /// The indicators of the groups `groups`.
    func indicators(of groups: Range<Int>) -> Range<Int> {
        Int(indicatorStart[groups.lowerBound])..<Int(indicatorStart[groups.upperBound])
    }

    /// Every indicator and group of the organizations `organizations`, each rule in a loop of its own
    /// (`IndicatorKernel.scoreGroups`), through `kernel`.
    func scoreGroups(of organizations: Range<Int>, kernel: IndicatorKernel) {
        let slots = CompiledRuleOrder.slots
        order.withUnsafeBufferPointer { order in
            runEnd.withUnsafeBufferPointer { runEnd in
                slots.withUnsafeBufferPointer { slots in
                    for o in organizations {
                        kernel.scoreGroups(groups(of: o..<(o + 1)), policy: policies[Int(organizationPolicy[o])],
                                           order: order, runEnd: runEnd, firstRun: o * slots.count, slots: slots)
                    }
                }
            }
        }
    }

    /// Lends the columns as buffers, writing the indicators' and groups' results into `scored`, as an
    /// `IndicatorKernel` for the duration of `body`: the loop over millions of indicators then runs without
    /// copy-on-write checks or bounds checks.
    func withKernel<R>(_ scored: inout ScoredColumns, _ body: (IndicatorKernel) -> R) -> R {
        scored.indicators.withOutputs { score, status in
            scored.groups.withOutputs { groupScore, groupStatus in
                parts.rule.withUnsafeBufferPointer { partRule in
                    parts.target.withUnsafeBufferPointer { partTarget in
                        parts.auxiliary.withUnsafeBufferPointer { partAuxiliary in
                            parts.value.withUnsafeBufferPointer { partValue in
                                rule.withUnsafeBufferPointer { rule in
                                    target.withUnsafeBufferPointer { target in
                                        auxiliary.withUnsafeBufferPointer { auxiliary in
                                            value.withUnsafeBufferPointer { value in
                                                weight.withUnsafeBufferPointer { weight in
                                                    override.withUnsafeBufferPointer { override in
                                                        indicatorStart.withUnsafeBufferPointer { indicatorStart in
                                                            body(IndicatorKernel(
                                                                rule: rule, target: target, auxiliary: auxiliary, value: value, weight: weight,
                                                                override: override, indicatorStart: indicatorStart,
                                                                parts: CompiledPartsView(rule: partRule, target: partTarget, auxiliary: partAuxiliary,
                                                                                         value: partValue),
                                                                score: score, status: status, groupScore: groupScore, groupStatus: groupStatus))
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
