extension CompiledRollUp {
    /// Records `value` as the current measurement of indicator `i` (nil: it has none any more) and
    /// re-scores only what depends on it: the indicator, its objective, the strategic objective, the
    /// area and the organization (or the special agency), and the managers those objectives count for.
    /// The result is the same as a full `rollUp()`.
    public mutating func record(_ value: MeasuredValue?, indicator i: Int) {
        // A neutralised indicator stays out whatever is measured; a target-less one stays not applicable.
        if CompiledRule(storedByte: indicators.rule[i]) != .neutralised {
            store(CompiledMeasure.measure(value, target: indicators.targetKind[i], baseline: indicators.baseline[i], year: checkpoint.year),
                  indicator: i)
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
        let organization = strategic.map { Int(areas.organization[Int(strategics.area[$0])]) } ?? Int(agencies.organization[parent])
        scoreGroup(g, policy: policies[Int(organizations.policy[organization])])
        if let strategic {
            scoreStrategic(strategic)
            scoreArea(Int(strategics.area[strategic]))
            scoreOrganizationNode(organization)
            for n in Int(strategics.managerStart[strategic])..<Int(strategics.managerStart[strategic + 1]) {
                scoreManager(Int(strategics.managers[n]))
            }
        } else {
            scoreAgency(parent)
        }
        for n in Int(groups.managerStart[g])..<Int(groups.managerStart[g + 1]) {
            scoreManager(Int(groups.managers[n]))
        }
    }
}
