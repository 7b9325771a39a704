import Performa

extension CompiledRollUp {
    /// Compiles one organization's plan and results at the roll-up's checkpoint and scores it.
    /// The policy is `policy`, else the plan's, else the default (as `Scorer` chooses it).
    /// Returns the organization's index.
    @discardableResult
    public mutating func add(_ plan: Plan, results: Results, policy: ScoringPolicy? = nil) -> Int {
        let chosen = policy ?? plan.policy ?? .standard
        let policyNumber: Int32
        if let known = policyIndex[chosen] {
            policyNumber = known
        } else {
            policyNumber = Int32(policies.count)
            policies.append(PreparedPolicy(chosen))
            policyIndex[chosen] = policyNumber
        }
        let organization = organizations.id.count
        var builder = OrganizationBuilder(organization: Int32(organization), plan: plan, results: results, checkpoint: checkpoint, policy: chosen)
        builder.build(into: &self)
        organizations.id.append(plan.organization.id)
        organizations.policy.append(policyNumber)
        organizations.areaStart.append(Int32(areas.code.count))
        organizations.strategicStart.append(Int32(strategics.key.count))
        organizations.groupStart.append(Int32(groups.key.count))
        organizations.agencyStart.append(Int32(agencies.id.count))
        organizations.managerStart.append(Int32(managers.id.count))
        organizations.score.append(.nan)
        organizations.status.append(ScoreStatus.missing.compiledCode)
        lookups.append(builder.lookup)
        let indicatorRange = indicatorRange(ofOrganization: organization)
        ruleOrder.add(organization: organization, indicators: indicatorRange, rule: indicators.rule)
        scoreOrganization(organization)
        return organization
    }
}

/// Walks one plan in the order `Scorer` sums it and appends its nodes to the columns.
private struct OrganizationBuilder {
    let organization: Int32
    let plan: Plan
    let checkpoint: Day
    let policy: ScoringPolicy
    var lookup = CompiledLookup()
    /// The measurement that counts for each indicator: the last one at the checkpoint.
    private var measured: [IndicatorKey: MeasuredValue] = [:]
    private var overrides: [String: Double] = [:]
    private var neutralised: Set<IndicatorKey> = []
    /// Objective keys with their node and their place in `Scorer`'s list (operational before strategic).
    private var objectiveOrder: [(place: [Int], key: String, node: CompiledLookup.Objective)] = []
    private var assignedGroups: [Int32: [Int32]] = [:]
    private var assignedStrategics: [Int32: [Int32]] = [:]

    init(organization: Int32, plan: Plan, results: Results, checkpoint: Day, policy: ScoringPolicy) {
        self.organization = organization
        self.plan = plan
        self.checkpoint = checkpoint
        self.policy = policy
        for measurement in results.measurements where measurement.at == checkpoint {
            measured[measurement.indicator] = measurement.value
        }
        for override in results.overrides ?? [] where override.at == checkpoint {
            overrides[override.subject] = override.fraction
        }
        for declared in results.neutralisations ?? [] where (declared.from ?? checkpoint) <= checkpoint {
            neutralised.insert(declared.indicator)
        }
    }

    mutating func build(into rollUp: inout CompiledRollUp) {
        let firstGroup = Int32(rollUp.groups.key.count), firstStrategic = Int32(rollUp.strategics.key.count)
        for a in codeOrder(plan.areas, \.code) {
            let area = plan.areas[a]
            let areaIndex = Int32(rollUp.areas.code.count)
            if lookup.areas[area.code] == nil { lookup.areas[area.code] = areaIndex }
            for s in codeOrder(area.objectives, \.code) {
                addStrategic(area.objectives[s], place: [a, s], area: areaIndex, into: &rollUp)
            }
            rollUp.areas.code.append(area.code)
            rollUp.areas.organization.append(organization)
            rollUp.areas.weight.append(WeightedMean.weight(policy.areaWeight(area)))
            rollUp.areas.strategicStart.append(Int32(rollUp.strategics.key.count))
            rollUp.areas.score.append(.nan)
            rollUp.areas.status.append(ScoreStatus.missing.compiledCode)
        }
        for (n, agencyGroup) in (plan.specialAgencyObjectives ?? []).enumerated() {
            addAgency(agencyGroup, place: n, into: &rollUp)
        }
        for entry in objectiveOrder.sorted(by: { $0.place.lexicographicallyPrecedes($1.place) })
        where lookup.objectives[entry.key] == nil {
            lookup.objectives[entry.key] = entry.node
        }
        for assignment in plan.assignments ?? [] { addManager(assignment, into: &rollUp) }
        // Reverse index: which managers each objective of this organization counts for.
        for g in firstGroup..<Int32(rollUp.groups.key.count) {
            rollUp.groups.managers += assignedGroups[g] ?? []
            rollUp.groups.managerStart.append(Int32(rollUp.groups.managers.count))
        }
        for s in firstStrategic..<Int32(rollUp.strategics.key.count) {
            rollUp.strategics.managers += assignedStrategics[s] ?? []
            rollUp.strategics.managerStart.append(Int32(rollUp.strategics.managers.count))
        }
    }

    /// Indexes of `items` sorted by code the way `RollUp` sorts parts.
    private func codeOrder<T>(_ items: [T], _ code: (T) -> String) -> [Int] {
        items.indices.sorted { ObjectiveCode.precedes(code(items[$0]), code(items[$1])) }
    }

    private mutating func addStrategic(_ objective: StrategicObjective, place: [Int], area: Int32, into rollUp: inout CompiledRollUp) {
        let s = Int32(rollUp.strategics.key.count)
        let ownGroup = addGroup(key: objective.code, kind: .ownIndicators, parent: s, weight: 0, override: .nan,
                                indicators: objective.indicators, into: &rollUp)
        for k in codeOrder(objective.operationalObjectives, \.code) {
            let operational = objective.operationalObjectives[k]
            let g = addGroup(key: operational.code, kind: .operational, parent: s, weight: WeightedMean.weight(operational.weight),
                             override: overrides[operational.code] ?? .nan, indicators: operational.indicators, into: &rollUp)
            objectiveOrder.append((place + [k, 0], operational.code, .group(g)))
        }
        objectiveOrder.append((place + [Int.max, 0], objective.code, .strategic(s)))
        rollUp.strategics.key.append(objective.code)
        rollUp.strategics.area.append(area)
        rollUp.strategics.weight.append(WeightedMean.weight(objective.weight))
        rollUp.strategics.ownShare.append(WeightedMean.weight(objective.split?.ownIndicators))
        rollUp.strategics.operationalShare.append(WeightedMean.weight(objective.split?.operationalObjectives))
        rollUp.strategics.ownGroup.append(ownGroup)
        rollUp.strategics.operationalEnd.append(Int32(rollUp.groups.key.count))
        rollUp.strategics.override.append(overrides[objective.code] ?? .nan)
        rollUp.strategics.score.append(.nan)
        rollUp.strategics.status.append(ScoreStatus.missing.compiledCode)
    }

    private mutating func addAgency(_ group: SpecialAgencyObjectives, place: Int, into rollUp: inout CompiledRollUp) {
        let a = Int32(rollUp.agencies.id.count)
        let prefix = plan.organization.specialAgencies?.first { $0.id == group.agency }?.code ?? group.agency
        let keys = group.objectives.map { "\(prefix).\($0.code)" }
        rollUp.agencies.groupStart.append(Int32(rollUp.groups.key.count))
        for k in keys.indices.sorted(by: { ObjectiveCode.precedes(keys[$0], keys[$1]) }) {
            let objective = group.objectives[k]
            let g = addGroup(key: keys[k], kind: .agency, parent: a, weight: WeightedMean.weight(objective.weight),
                             override: overrides[keys[k]] ?? .nan, indicators: objective.indicators, into: &rollUp)
            objectiveOrder.append(([Int.max, place, k], keys[k], .group(g)))
        }
        rollUp.agencies.groupEnd.append(Int32(rollUp.groups.key.count))
        rollUp.agencies.id.append(group.agency)
        rollUp.agencies.organization.append(organization)
        rollUp.agencies.score.append(.nan)
        rollUp.agencies.status.append(ScoreStatus.missing.compiledCode)
        if lookup.agencies[group.agency] == nil { lookup.agencies[group.agency] = a }
    }

    private mutating func addGroup(key: String, kind: CompiledGroupKind, parent: Int32, weight: Double, override: Double,
                                   indicators: [Indicator], into rollUp: inout CompiledRollUp) -> Int32 {
        let g = Int32(rollUp.groups.key.count)
        for n in indicators.indices.sorted(by: { indicators[$0].number < indicators[$1].number }) {
            addIndicator(indicators[n], objective: key, group: g, into: &rollUp)
        }
        rollUp.groups.key.append(key)
        rollUp.groups.kind.append(kind)
        rollUp.groups.parent.append(parent)
        rollUp.groups.weight.append(weight)
        rollUp.groups.override.append(override)
        rollUp.groups.indicatorStart.append(Int32(rollUp.indicators.rule.count))
        rollUp.groups.score.append(.nan)
        rollUp.groups.status.append(ScoreStatus.missing.compiledCode)
        return g
    }

    private mutating func addIndicator(_ indicator: Indicator, objective: String, group: Int32, into rollUp: inout CompiledRollUp) {
        let key = IndicatorKey(objective: objective, number: indicator.number)
        let i = Int32(rollUp.indicators.rule.count)
        if lookup.indicators[key] == nil { lookup.indicators[key] = i }
        let kind = indicator.target(at: checkpoint)?.target.kind ?? .notApplicable
        let isNeutralised = (indicator.neutralised.map { ($0.from ?? checkpoint) <= checkpoint } ?? false) || neutralised.contains(key)
        let override = overrides[key.description] ?? .nan
        rollUp.indicators.rule.append(override.isNaN ? 0 : ScoringRule.overriddenFlag)
        rollUp.indicators.target.append(.nan)
        rollUp.indicators.auxiliary.append(.nan)
        rollUp.indicators.value.append(.nan)
        rollUp.indicators.weight.append(WeightedMean.weight(indicator.weight(at: checkpoint)))
        rollUp.indicators.override.append(override)
        rollUp.indicators.group.append(group)
        rollUp.indicators.score.append(.nan)
        rollUp.indicators.status.append(ScoreStatus.missing.compiledCode)
        rollUp.indicators.targetKind.append(kind)
        rollUp.indicators.baseline.append(indicator.baseline?.kind)
        rollUp.indicators.number.append(Int32(clamping: indicator.number))
        if case .compound = kind {
            let slot = rollUp.reserveParts(for: kind)
            rollUp.compoundSlots[i] = slot
        }
        let measure = isNeutralised
            ? RuleMeasure(rule: .neutralised)
            : RuleMeasure.measure(measured[key], target: kind, baseline: indicator.baseline?.kind, year: checkpoint.year)
        rollUp.store(measure, indicator: Int(i))
    }

    private mutating func addManager(_ assignment: Assignment, into rollUp: inout CompiledRollUp) {
        let m = Int32(rollUp.managers.id.count)
        let items = assignment.objectives
        for n in items.indices.sorted(by: { ObjectiveCode.precedes(items[$0].objective, items[$1].objective) }) {
            let item = items[n]
            switch lookup.objectives[item.objective] {
            case .group(let g)?:
                rollUp.managers.assignmentObjective.append(g)
                assignedGroups[g, default: []].append(m)
            case .strategic(let s)?:
                rollUp.managers.assignmentObjective.append(-(s + 1))
                assignedStrategics[s, default: []].append(m)
            case nil:
                rollUp.managers.assignmentObjective.append(CompiledManagers.unknownObjective)
            }
            rollUp.managers.assignmentWeight.append(WeightedMean.weight(item.weight))
        }
        rollUp.managers.id.append(assignment.manager)
        rollUp.managers.organization.append(organization)
        rollUp.managers.assignmentStart.append(Int32(rollUp.managers.assignmentObjective.count))
        rollUp.managers.score.append(.nan)
        rollUp.managers.status.append(ScoreStatus.missing.compiledCode)
        if lookup.managers[assignment.manager] == nil { lookup.managers[assignment.manager] = m }
    }
}
