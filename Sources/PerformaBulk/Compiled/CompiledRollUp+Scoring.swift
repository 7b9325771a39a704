import Performa

extension CompiledRollUp {
    /// Scores everything from scratch: every indicator against its target under its organization's
    /// policy, then every objective, area, organization, agency and manager.
    public mutating func rollUp() {
        scoreAllGroups()
        let count = organizationCount
        withLevelKernel { kernel in
            for o in 0..<count { kernel.scoreAboveGroups(o) }
        }
    }

    /// Every indicator and group, organization by organization, each rule in a loop of its own.
    private mutating func scoreAllGroups() {
        // Local copies (no element is copied) of what the pass reads beside the kernel's columns.
        let organizations = self.organizations, policies = self.policies
        let order = ruleOrder.indicator, runEnd = ruleOrder.runEnd, slots = CompiledRuleOrder.slots
        order.withUnsafeBufferPointer { order in
            runEnd.withUnsafeBufferPointer { runEnd in
                slots.withUnsafeBufferPointer { slots in
                    withIndicatorKernel { kernel in
                        for o in 0..<organizations.id.count {
                            let policy = policies[Int(organizations.policy[o])]
                            kernel.scoreGroups(Int(organizations.groupStart[o])..<Int(organizations.groupStart[o + 1]), policy: policy,
                                               order: order, runEnd: runEnd, firstRun: o * slots.count, slots: slots)
                        }
                    }
                }
            }
        }
    }

    /// Every node of one organization, bottom-up.
    mutating func scoreOrganization(_ o: Int) {
        let policy = policies[Int(organizations.policy[o])]
        let groupRange = Int(organizations.groupStart[o])..<Int(organizations.groupStart[o + 1])
        withIndicatorKernel { kernel in
            for g in groupRange { kernel.scoreGroup(g, policy: policy) }
        }
        withLevelKernel { $0.scoreAboveGroups(o) }
    }

    /// One group's indicators and the group.
    mutating func scoreGroup(_ g: Int, policy: PreparedPolicy) {
        withIndicatorKernel { $0.scoreGroup(g, policy: policy) }
    }

    /// Lends the indicator columns (and the groups' results) as buffers for the duration of `body`: the
    /// loop over millions of indicators then runs without copy-on-write checks or bounds checks.
    private mutating func withIndicatorKernel(_ body: (IndicatorKernel) -> Void) {
        parts.rule.withUnsafeBufferPointer { partRule in
            parts.target.withUnsafeBufferPointer { partTarget in
                parts.auxiliary.withUnsafeBufferPointer { partAuxiliary in
                    parts.value.withUnsafeBufferPointer { partValue in
                        let view = CompiledPartsView(rule: partRule, target: partTarget, auxiliary: partAuxiliary, value: partValue)
                        withIndicatorColumns(parts: view, body)
                    }
                }
            }
        }
    }

    private mutating func withIndicatorColumns(parts: CompiledPartsView, _ body: (IndicatorKernel) -> Void) {
        indicators.score.withUnsafeMutableBufferPointer { score in
            indicators.status.withUnsafeMutableBufferPointer { status in
                groups.score.withUnsafeMutableBufferPointer { groupScore in
                    groups.status.withUnsafeMutableBufferPointer { groupStatus in
                        indicators.rule.withUnsafeBufferPointer { rule in
                            indicators.target.withUnsafeBufferPointer { target in
                                indicators.auxiliary.withUnsafeBufferPointer { auxiliary in
                                    indicators.value.withUnsafeBufferPointer { value in
                                        indicators.weight.withUnsafeBufferPointer { weight in
                                            indicators.override.withUnsafeBufferPointer { override in
                                                groups.indicatorStart.withUnsafeBufferPointer { indicatorStart in
                                                    body(IndicatorKernel(
                                                        rule: rule, target: target, auxiliary: auxiliary, value: value, weight: weight,
                                                        override: override, indicatorStart: indicatorStart, parts: parts, score: score,
                                                        status: status, groupScore: groupScore, groupStatus: groupStatus))
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
