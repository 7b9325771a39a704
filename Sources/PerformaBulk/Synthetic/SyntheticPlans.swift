import Performa

/// Realistic plans and measurements for scale tests and benchmarks (`performa generate`): areas →
/// strategic objectives (own indicators with yearly targets and weights) → operational objectives →
/// indicators, weights summing to 100 at every level, objectives assigned to a few managers, sometimes a
/// special agency, a few organizations with their own scoring policy; measurements at 30/6 and 31/12
/// with some missing, some neutralised and some corrected by the OIV.
///
/// Deterministic: organization `n` of a seed is always the same, whatever the number of organizations
/// and in whatever order they are generated, so a large set can be written or scored one at a time.
public struct SyntheticPlans: Sendable {
    public let organizations: Int
    public let indicatorsPerOrganization: Int
    public let seed: UInt64
    /// The year of the operational objectives; the plan spans it and the two following years.
    public let year: Int

    public init(organizations: Int, indicatorsPerOrganization: Int, seed: UInt64, year: Int = 2021) {
        self.organizations = organizations
        self.indicatorsPerOrganization = indicatorsPerOrganization
        self.seed = seed
        self.year = year
    }

    /// The plan and the results of organization `index` (0-based).
    public func organization(_ index: Int) -> (plan: Plan, results: Results) {
        let plan = self.plan(index)
        return (plan, results(for: plan, organization: index))
    }

    public func plan(_ index: Int) -> Plan {
        var random = SeededRandom(seed: seed, stream: UInt64(index) &* 2)
        let organization = makeOrganization(index, &random)
        let layout = PlanLayout(indicators: indicatorsPerOrganization, hasAgency: organization.specialAgencies != nil, &random)
        var plan = Plan(id: "\(organization.id)-\(year)-\(year + 2)", title: "Piano della Performance \(year)-\(year + 2)",
                        span: YearSpan(from: year, to: year + 2), year: year, status: .adopted, organization: organization)
        plan.version = 1
        plan.areas = makeAreas(layout, &random)
        if let agency = organization.specialAgencies?.first {
            plan.specialAgencyObjectives = [SpecialAgencyObjectives(agency: agency.id, objectives: makeAgencyObjectives(layout, &random))]
        }
        plan.assignments = makeAssignments(plan, &random)
        plan.policy = makePolicy(&random)
        return plan
    }

    /// Measurements at 30/6 and 31/12 of the plan year for every indicator with a target there.
    public func results(for plan: Plan, organization index: Int) -> Results {
        var random = SeededRandom(seed: seed, stream: UInt64(index) &* 2 &+ 1)
        var results = Results(plan: plan.id)
        results.illustrative = true
        results.description = "Valori generati (performa generate, seme \(seed)): non sono dati reali"
        var neutralisations: [DeclaredNeutralisation] = []
        var overrides: [AchievementOverride] = []
        let midYear = Day.midYear(year), yearEnd = Day.yearEnd(year)
        for entry in PlanIndex(plan).entries {
            let checkpoints = entry.level == .strategic ? [yearEnd] : [midYear, yearEnd]
            for indicator in entry.sheet.indicators {
                let key = IndicatorKey(objective: entry.key, number: indicator.number)
                let attainment = SyntheticMeasurements.attainment(&random)
                for checkpoint in checkpoints {
                    guard let kind = indicator.target(at: checkpoint)?.target.kind, kind.isApplicable, !random.chance(2),
                          let text = SyntheticMeasurements.text(for: kind, attainment: attainment, &random),
                          let measurement = try? Measurement(indicator: key, at: checkpoint, text: text) else { continue }
                    results.measurements.append(measurement)
                }
                if entry.level != .strategic, random.int(0...999) < 5 {
                    neutralisations.append(DeclaredNeutralisation(
                        indicator: key, reason: "Servizio sospeso per provvedimento dell'autorità: indicatore non valutabile",
                        from: Day(year, 3, 29), by: "OIV"))
                } else if random.int(0...999) < 3 {
                    overrides.append(AchievementOverride(subject: key.description, at: yearEnd, achievement: 100,
                                                         reason: "Obiettivo raggiunto secondo la documentazione prodotta", by: "OIV"))
                }
            }
            if random.chance(1) {
                overrides.append(AchievementOverride(subject: entry.key, at: yearEnd, achievement: Double(random.int(80...100)),
                                                     reason: "Valutazione dell'OIV sulla base della relazione del dirigente", by: "OIV"))
            }
        }
        results.neutralisations = neutralisations.isEmpty ? nil : neutralisations
        results.overrides = overrides.isEmpty ? nil : overrides
        return results
    }

    // MARK: - Organization

    private func makeOrganization(_ index: Int, _ random: inout SeededRandom) -> Organization {
        let kinds = SyntheticNames.administrationKinds, places = SyntheticNames.places
        let kind = kinds[index % kinds.count], place = places[(index / kinds.count) % places.count]
        let round = index / (kinds.count * places.count)
        let number = String(index + 1)
        let id = "ente-" + String(repeating: "0", count: max(0, 5 - number.count)) + number
        let name = "\(kind) di \(place)" + (round > 0 ? " (\(round + 1))" : "")
        let managers = (0..<random.int(3...6)).map { n in
            Manager(id: "dirigente-\(n + 1)", name: "\(random.pick(SyntheticNames.firstNames)) \(random.pick(SyntheticNames.surnames))",
                    honorific: "dr", roles: [SyntheticNames.managerRoles[n % SyntheticNames.managerRoles.count]])
        }
        var organization = Organization(id: id, name: name, managers: managers)
        organization.shortName = "\(kind) \(place)"
        if random.chance(20), let director = managers.last {
            organization.specialAgencies = [SpecialAgency(id: "azienda-speciale", code: "AS", name: "Azienda Speciale di \(place)",
                                                          director: director.id)]
        }
        return organization
    }

    // MARK: - Objectives

    private func makeAreas(_ layout: PlanLayout, _ random: inout SeededRandom) -> [StrategicArea] {
        let areaWeights: [Double?] = random.chance(30) ? SyntheticWeights.split(layout.areas.count, &random) : layout.areas.map { _ in nil }
        return layout.areas.enumerated().map { a, strategics in
            let areaCode = "\(a + 1)"
            let weights = SyntheticWeights.split(strategics.count, &random)
            let objectives = strategics.enumerated().map { s, shape in
                makeStrategic(code: "\(areaCode).\(s + 1)", weight: weights[s], shape: shape, &random)
            }
            return StrategicArea(code: areaCode, title: SyntheticNames.areaTitles[a % SyntheticNames.areaTitles.count],
                                 weight: areaWeights[a], objectives: objectives)
        }
    }

    private func makeStrategic(code: String, weight: Double, shape: PlanLayout.Strategic, _ random: inout SeededRandom) -> StrategicObjective {
        let years = Array(year...(year + 2))
        let yearlyWeights = years.map { _ in SyntheticWeights.split(shape.own, &random) }
        let own = (0..<shape.own).map { n -> Indicator in
            let text = SyntheticTargets.indicator(SyntheticShape.draw(SyntheticShape.strategicMix, &random), years: years.count, planYear: year, &random)
            let targets = years.indices.map { y in IndicatorTarget(at: .yearEnd(years[y]), target: text.yearEnds[y], weight: yearlyWeights[y][n]) }
            return Indicator(number: n + 1, title: text.title, baseline: text.baseline, targets: targets, evidence: text.evidence)
        }
        let operationalWeights = SyntheticWeights.split(shape.operational.count, &random)
        let operational = shape.operational.enumerated().map { k, count in
            makeOperational(code: "\(code).\(k + 1)", weight: operationalWeights[k], indicators: count, &random)
        }
        var objective = StrategicObjective(code: code, title: random.pick(SyntheticNames.strategicTitles), weight: weight,
                                           indicators: own, operationalObjectives: operational)
        if !own.isEmpty && !operational.isEmpty {
            let ownShare = random.pick([50.0, 50, 50, 40, 30])
            objective.split = ResultSplit(ownIndicators: ownShare, operationalObjectives: 100 - ownShare)
        }
        objective.description = "Obiettivo strategico generato per le prove di carico."
        return objective
    }

    private func makeOperational(code: String, weight: Double, indicators count: Int, _ random: inout SeededRandom) -> OperationalObjective {
        let weights = SyntheticWeights.split(count, &random)
        let indicators = (0..<count).map { n -> Indicator in
            let text = SyntheticTargets.indicator(SyntheticShape.draw(SyntheticShape.operationalMix, &random), years: 1, planYear: year, &random)
            return Indicator(number: n + 1, title: text.title, baseline: text.baseline,
                             targets: [IndicatorTarget(at: .midYear(year), target: text.midYear), IndicatorTarget(at: .yearEnd(year), target: text.yearEnds[0])],
                             weight: weights[n], evidence: text.evidence)
        }
        return OperationalObjective(code: code, title: random.pick(SyntheticNames.operationalTitles), weight: weight, indicators: indicators)
    }

    private func makeAgencyObjectives(_ layout: PlanLayout, _ random: inout SeededRandom) -> [OperationalObjective] {
        let weights = SyntheticWeights.split(layout.agency.count, &random)
        return layout.agency.enumerated().map { k, count in makeOperational(code: "\(k + 1)", weight: weights[k], indicators: count, &random) }
    }

    // MARK: - Assignments and policy

    /// Every objective goes to one manager (operational objectives mostly to their strategic objective's);
    /// agency objectives to the agency's director. Each manager's weights sum to 100.
    private func makeAssignments(_ plan: Plan, _ random: inout SeededRandom) -> [Assignment] {
        let managers = plan.organization.managers.map(\.id)
        let director = plan.organization.specialAgencies?.first?.director
        let staff = managers.filter { $0 != director }.isEmpty ? managers : managers.filter { $0 != director }
        var objectives: [String: [String]] = [:]
        for area in plan.areas {
            for strategic in area.objectives {
                let owner = random.pick(staff)
                objectives[owner, default: []].append(strategic.code)
                for operational in strategic.operationalObjectives {
                    objectives[random.chance(70) ? owner : random.pick(staff), default: []].append(operational.code)
                }
            }
        }
        for group in plan.specialAgencyObjectives ?? [] {
            for objective in group.objectives { objectives[director ?? random.pick(managers), default: []].append("AS.\(objective.code)") }
        }
        return managers.compactMap { manager in
            guard let keys = objectives[manager] else { return nil }
            let weights = SyntheticWeights.split(keys.count, &random)
            return Assignment(manager: manager, objectives: zip(keys, weights).map { AssignedObjective(objective: $0, weight: $1) })
        }
    }

    /// Most administrations keep the default rules; some allow over-achievement above a threshold,
    /// count a missing measurement as 0, or score progress from the baseline.
    private func makePolicy(_ random: inout SeededRandom) -> ScoringPolicy? {
        switch random.int(0...99) {
        case 0..<80: return nil
        case 80..<90: return ScoringPolicy(cap: 1.2, threshold: 0.5)
        case 90..<95: return ScoringPolicy(missingMeasurement: .scoreZero)
        default: return ScoringPolicy(rule: .progressFromBaseline)
        }
    }
}
