import Performa

extension CompiledRollUp {
    /// Records `value` as the current measurement of indicator `i` (nil: it has none any more) and
    /// re-scores only what depends on it: the indicator, its objective, the strategic objective, the
    /// area and the organization (or the special agency), and the managers those objectives count for.
    /// The result is the same as a full `rollUp()`.
    public mutating func record(_ value: MeasuredValue?, indicator i: Int) {
        let stored = indicators.rule[i]
        // A neutralised indicator stays out whatever is measured; a target-less one stays not applicable.
        if ScoringRule(storedByte: stored) != .neutralised {
            store(RuleMeasure.measure(value, target: indicators.targetKind[i], baseline: indicators.baseline[i], year: checkpoint.year),
                  indicator: i)
        }
        if indicators.rule[i] != stored {
            let o = organization(ofGroup: Int(indicators.group[i])), range = indicatorRange(ofOrganization: o)
            ruleOrder.rebuild(organization: o, indicators: range, rule: indicators.rule)
        }
        rescoreChain(ofIndicator: i)
    }

    /// Records a measurement of organization `organization`. False, and nothing changes, when the
    /// measurement is for another checkpoint or an indicator the plan does not have.
    @discardableResult
    public mutating func record(_ measurement: Measurement, organization: Int) -> Bool {
        guard measurement.at == checkpoint, let i = indicatorIndex(organization: organization, key: measurement.indicator) else { return false }
        record(measurement.value, indicator: i)
        return true
    }

    public func indicatorIndex(organization: Int, key: IndicatorKey) -> Int? {
        lookups[organization].indicators[key].map(Int.init)
    }

    private mutating func rescoreChain(ofIndicator i: Int) {
        let g = Int(indicators.group[i])
        let parent = Int(groups.parent[g])
        let strategic: Int? = groups.kind[g] == .agency ? nil : parent
        let organization = self.organization(ofGroup: g)
        let policy = policies[Int(organizations.policy[organization])]
        // The managers the objective counts for, directly or through its strategic objective.
        let direct = groups.managers[Int(groups.managerStart[g])..<Int(groups.managerStart[g + 1])]
        let throughStrategic = strategic.map { strategics.managers[Int(strategics.managerStart[$0])..<Int(strategics.managerStart[$0 + 1])] } ?? []
        let area = strategic.map { Int(strategics.area[$0]) }
        scoring { pass, scored in
            pass.indicators.withKernel(&scored) { $0.scoreGroup(g, policy: policy) }
            pass.levels.withKernel(&scored) { kernel in
                if let strategic, let area {
                    kernel.scoreStrategic(strategic)
                    kernel.scoreArea(area)
                    kernel.scoreOrganization(organization)
                } else {
                    kernel.scoreAgency(parent)
                }
                for m in throughStrategic { kernel.scoreManager(Int(m)) }
                for m in direct { kernel.scoreManager(Int(m)) }
            }
        }
    }

    /// The organization group `g` belongs to (through its strategic objective, or its special agency).
    func organization(ofGroup g: Int) -> Int {
        let parent = Int(groups.parent[g])
        return groups.kind[g] == .agency ? Int(agencies.organization[parent]) : Int(areas.organization[Int(strategics.area[parent])])
    }

    /// The indicators of organization `o`: its groups' indicators, which are contiguous.
    func indicatorRange(ofOrganization o: Int) -> Range<Int> {
        Int(groups.indicatorStart[Int(organizations.groupStart[o])])..<Int(groups.indicatorStart[Int(organizations.groupStart[o + 1])])
    }
}
