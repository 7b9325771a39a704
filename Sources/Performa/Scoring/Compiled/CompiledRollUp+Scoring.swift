extension CompiledRollUp {
    /// Scores everything from scratch: every indicator against its target under its organization's
    /// policy, then every objective, area, organization, agency and manager.
    public mutating func rollUp() {
        let organizations = self.organizations, policies = self.policies
        // Scratch for the kernel's sort of one organization's indicators by rule.
        var largest = 1
        for o in 0..<organizations.id.count {
            let first = groups.indicatorStart[Int(organizations.groupStart[o])], end = groups.indicatorStart[Int(organizations.groupStart[o + 1])]
            largest = max(largest, Int(end - first))
        }
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: largest)
        let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 257)
        defer { order.deallocate(); counts.deallocate() }
        withIndicatorKernel { kernel in
            for o in 0..<organizations.id.count {
                let policy = policies[Int(organizations.policy[o])]
                kernel.scoreGroups(Int(organizations.groupStart[o])..<Int(organizations.groupStart[o + 1]), policy: policy, order: order, counts: counts)
            }
        }
        for o in 0..<organizationCount { scoreAboveGroups(o) }
    }

    /// Every node of one organization, bottom-up.
    mutating func scoreOrganization(_ o: Int) {
        let policy = policies[Int(organizations.policy[o])]
        let groupRange = Int(organizations.groupStart[o])..<Int(organizations.groupStart[o + 1])
        withIndicatorKernel { kernel in
            for g in groupRange { kernel.scoreGroup(g, policy: policy) }
        }
        scoreAboveGroups(o)
    }

    /// One group's indicators and the group.
    mutating func scoreGroup(_ g: Int, policy: CompiledPolicy) {
        withIndicatorKernel { $0.scoreGroup(g, policy: policy) }
    }

    /// Strategic objectives, areas, the organization, its agencies and its managers.
    private mutating func scoreAboveGroups(_ o: Int) {
        for s in Int(organizations.strategicStart[o])..<Int(organizations.strategicStart[o + 1]) { scoreStrategic(s) }
        for a in Int(organizations.areaStart[o])..<Int(organizations.areaStart[o + 1]) { scoreArea(a) }
        scoreOrganizationNode(o)
        for a in Int(organizations.agencyStart[o])..<Int(organizations.agencyStart[o + 1]) { scoreAgency(a) }
        for m in Int(organizations.managerStart[o])..<Int(organizations.managerStart[o + 1]) { scoreManager(m) }
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

    /// Own indicators' share and operational objectives' share, by the objective's split.
    mutating func scoreStrategic(_ s: Int) {
        let ownGroup = Int(strategics.ownGroup[s])
        var operational = WeightedMean()
        for g in (ownGroup + 1)..<Int(strategics.operationalEnd[s]) {
            operational.add(weight: groups.weight[g], computed: groups.score[g], override: groups.override[g], status: groups.status[g])
        }
        let operationalPart = operational.outcome()
        // `RollUp` sorts the two parts by key: "operational" before "own".
        var mean = WeightedMean()
        mean.add(weight: strategics.operationalShare[s], computed: operationalPart.computed, override: .nan, status: operationalPart.status)
        mean.add(weight: strategics.ownShare[s], computed: groups.score[ownGroup], override: .nan, status: groups.status[ownGroup])
        (strategics.score[s], strategics.status[s]) = mean.outcome()
    }

    mutating func scoreArea(_ a: Int) {
        var mean = WeightedMean()
        for s in Int(areas.strategicStart[a])..<Int(areas.strategicStart[a + 1]) {
            mean.add(weight: strategics.weight[s], computed: strategics.score[s], override: strategics.override[s], status: strategics.status[s])
        }
        (areas.score[a], areas.status[a]) = mean.outcome()
    }

    mutating func scoreOrganizationNode(_ o: Int) {
        var mean = WeightedMean()
        for a in Int(organizations.areaStart[o])..<Int(organizations.areaStart[o + 1]) {
            mean.add(weight: areas.weight[a], computed: areas.score[a], override: .nan, status: areas.status[a])
        }
        (organizations.score[o], organizations.status[o]) = mean.outcome()
    }

    mutating func scoreAgency(_ a: Int) {
        var mean = WeightedMean()
        for g in Int(agencies.groupStart[a])..<Int(agencies.groupEnd[a]) {
            mean.add(weight: groups.weight[g], computed: groups.score[g], override: groups.override[g], status: groups.status[g])
        }
        (agencies.score[a], agencies.status[a]) = mean.outcome()
    }

    /// The assignment table's weights over the final achievement of each assigned objective.
    mutating func scoreManager(_ m: Int) {
        var mean = WeightedMean()
        for n in Int(managers.assignmentStart[m])..<Int(managers.assignmentStart[m + 1]) {
            let objective = managers.assignmentObjective[n], weight = managers.assignmentWeight[n]
            if objective == CompiledManagers.unknownObjective {
                mean.add(weight: weight, computed: .nan, override: .nan, status: ScoreStatus.notApplicable.compiledCode)
            } else if objective >= 0 {
                let g = Int(objective)
                mean.add(weight: weight, computed: groups.score[g], override: groups.override[g], status: groups.status[g])
            } else {
                let s = Int(-(objective + 1))
                mean.add(weight: weight, computed: strategics.score[s], override: strategics.override[s], status: strategics.status[s])
            }
        }
        (managers.score[m], managers.status[m]) = mean.outcome()
    }
}
