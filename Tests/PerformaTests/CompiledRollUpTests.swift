import Testing
@testable import Performa
@testable import PerformaBulk

/// The compiled roll-up on small hand-built plans: every target shape, equal weights, overrides at
/// every level, unknown assignments, and re-scoring one measurement at a time.
@Suite("Compiled roll-up")
struct CompiledRollUpTests {
    typealias B = PlanBuilder
    let end = Day.yearEnd(2021)

    /// Every shape of DESIGN.md §3 in one plan, an agency, two managers (one with an unknown objective).
    func shapesPlan() -> Plan {
        let own = Indicator(number: 1, title: "Proprio", targets: [IndicatorTarget(at: end, target: Target(parsing: "Bozza nuovi articoli"), weight: 100)])
        let counts = B.operational("1.1.1", weight: 40, indicators: [
            B.indicator(1, "Almeno 100", weight: 30, baseline: "80"),
            B.indicator(2, "90%", weight: 20, baseline: "70%"),
            B.indicator(3, "massimo 5 giorni", weight: 20, baseline: "9 giorni"),
            B.indicator(4, "-5,00%", weight: 30),
        ])
        let others = B.operational("1.1.2", weight: 60, indicators: [
            B.indicator(1, "SI", weight: 10),
            B.indicator(2, "100% visite ispettive (almeno 20) che coinvolgono altre autorità", weight: 20),
            B.indicator(3, "n. pratiche evase / n. pratiche pervenute ≥ 95%", weight: 20),
            B.indicator(4, "Attivazione dello sportello entro il 31/10", weight: 20),
            B.indicator(5, "Minimo uno al giorno lavorativo per ciascuno dei tre social media", weight: 30),
        ])
        let unweighted = B.operational("1.2.1", weight: nil, indicators: [B.indicator(1, "10", weight: nil), B.indicator(2, "20", weight: nil)])
        let areas = [
            StrategicArea(code: "1", title: "Area", objectives: [
                StrategicObjective(code: "1.1", title: "Uno", weight: 70, split: ResultSplit(ownIndicators: 30, operationalObjectives: 70),
                                   indicators: [own], operationalObjectives: [counts, others]),
                StrategicObjective(code: "1.2", title: "Due", weight: 30, operationalObjectives: [unweighted]),
            ]),
        ]
        return B.plan(areas: areas, assignments: [
            Assignment(manager: "rossi", objectives: [AssignedObjective(objective: "1.1", weight: 60), AssignedObjective(objective: "1.2.1", weight: 40)]),
            Assignment(manager: "bianchi", objectives: [AssignedObjective(objective: "AG.1", weight: 70), AssignedObjective(objective: "9.9", weight: 30)]),
        ], agency: [B.operational("1", weight: 100, indicators: [B.indicator(1, "50", weight: 100)])])
    }

    func shapesResults() throws -> Results {
        try B.results([
            ("1.1/1", end, "parziale 60%"), ("1.1.1/1", end, "95"), ("1.1.1/2", end, "81%"), ("1.1.1/3", end, "6,5"),
            ("1.1.1/4", end, "-6,8%"), ("1.1.2/1", end, "NO"), ("1.1.2/2", end, "100%; 17"), ("1.1.2/3", end, "470/500"),
            ("1.1.2/4", end, "12/11/2021"), ("1.1.2/5", end, "0,9"), ("1.2.1/1", end, "12"), ("1.2.1/2", end, "15"), ("AG.1/1", end, "40"),
        ])
    }

    func compare(_ card: Scorecard, _ rollUp: CompiledRollUp) {
        func same(_ label: String, _ score: Score, _ compiled: CompiledScore?) {
            #expect(compiled?.status == score.status, "\(label)")
            #expect(compiled?.final == score.final, "\(label)")
            #expect(compiled?.computed == score.computed, "\(label)")
        }
        same("ente", card.result, rollUp.organizationScore(0))
        for area in card.areas { same(area.code, area.score, rollUp.areaScore(organization: 0, code: area.code)) }
        for objective in card.objectives { same(objective.key, objective.score, rollUp.objectiveScore(organization: 0, key: objective.key)) }
        for indicator in card.indicators { same(indicator.key.description, indicator.score, rollUp.indicatorScore(organization: 0, key: indicator.key)) }
        for agency in card.agencies { same(agency.id, agency.score, rollUp.agencyScore(organization: 0, id: agency.id)) }
        for manager in card.managers { same(manager.manager, manager.score, rollUp.managerScore(organization: 0, id: manager.manager)) }
    }

    @Test("every target shape, equal weights, an agency and an unknown assignment give Scorer's exact numbers",
          arguments: [ScoringPolicy.standard, ScoringPolicy(rule: .progressFromBaseline), ScoringPolicy(cap: 1.2, threshold: 0.5),
                      ScoringPolicy(bands: [ScoreBand(minimum: 0.9, score: 1), ScoreBand(minimum: 0.5, score: 0.6)], bandMode: .interpolated)])
    func shapes(policy: ScoringPolicy) throws {
        let plan = shapesPlan()
        let results = try shapesResults()
        var rollUp = CompiledRollUp(checkpoint: end)
        rollUp.add(plan, results: results, policy: policy)
        compare(Scorer(plan: plan, policy: policy).scorecard(results: results, at: end), rollUp)
        #expect(rollUp.indicators.rule.map { ScoringRule(storedByte: $0) }.contains(.compound))
        #expect(rollUp.managerScore(organization: 0, id: "bianchi")?.final == rollUp.agencyScore(organization: 0, id: "agenzia")?.final)
    }

    @Test("overrides count at every level, even on an indicator without a value; neutralised and blocked parts as in RollUp")
    func overridesAndStatuses() throws {
        let plan = shapesPlan()
        var results = try shapesResults()
        results.measurements.removeAll { $0.indicator.description == "1.1.1/1" || $0.indicator.description == "1.1.2/1" }
        results.overrides = [
            AchievementOverride(subject: "1.1.2/1", at: end, achievement: 90, reason: "documentato"),
            AchievementOverride(subject: "1.2.1", at: end, achievement: 75, reason: "rivalutato"),
            AchievementOverride(subject: "1.1", at: end, achievement: 100, reason: "rivalutato"),
        ]
        results.neutralisations = [DeclaredNeutralisation(indicator: IndicatorKey(objective: "AG.1", number: 1), reason: "sospeso")]
        for policy in [ScoringPolicy.standard, ScoringPolicy(missingMeasurement: .scoreZero), ScoringPolicy(missingMeasurement: .blockRollUp)] {
            var rollUp = CompiledRollUp(checkpoint: end)
            rollUp.add(plan, results: results, policy: policy)
            compare(Scorer(plan: plan, policy: policy).scorecard(results: results, at: end), rollUp)
        }
        var rollUp = CompiledRollUp(checkpoint: end)
        rollUp.add(plan, results: results, policy: ScoringPolicy(missingMeasurement: .blockRollUp))
        #expect(rollUp.objectiveScore(organization: 0, key: "1.1.1")?.status == .blocked)
        #expect(rollUp.objectiveScore(organization: 0, key: "1.1")?.final == 1)
        #expect(rollUp.agencyScore(organization: 0, id: "agenzia")?.status == .neutralised)
    }

    @Test("recording values one by one re-scores the chain exactly as a full recompute; a neutralised indicator stays out")
    func recording() throws {
        let plan = shapesPlan()
        var results = try shapesResults()
        results.neutralisations = [DeclaredNeutralisation(indicator: IndicatorKey(objective: "1.1.1", number: 2), reason: "sospeso")]
        var rollUp = CompiledRollUp(checkpoint: end)
        rollUp.add(plan, results: results)
        let edits: [(String, String?)] = [("1.1.1/1", "120"), ("1.1.2/2", "80%; 25"), ("1.1.2/3", "0/0"), ("AG.1/1", "55"),
                                          ("1.1/1", "raggiunto"), ("1.2.1/1", nil), ("1.1.1/2", "10%"), ("1.1.2/4", "NO"), ("1.1.1/3", "SI")]
        for (key, text) in edits {
            let indicatorKey = IndicatorKey(parsing: key)!
            let i = try #require(rollUp.indicatorIndex(organization: 0, key: indicatorKey))
            rollUp.record(text.flatMap(MeasuredValue.parse), indicator: i)
            results.measurements.removeAll { $0.indicator == indicatorKey }
            if let text { results.measurements.append(try Measurement(indicator: indicatorKey, at: end, text: text)) }
            var full = rollUp
            full.rollUp()
            #expect(full.indicators.score.map(\.bitPattern) == rollUp.indicators.score.map(\.bitPattern), "\(key)")
            #expect(full.managers.score.map(\.bitPattern) == rollUp.managers.score.map(\.bitPattern), "\(key)")
            #expect(full.organizations.score.map(\.bitPattern) == rollUp.organizations.score.map(\.bitPattern), "\(key)")
            compare(Scorer(plan: plan).scorecard(results: results, at: end), rollUp)
        }
        #expect(rollUp.indicatorScore(organization: 0, key: IndicatorKey(objective: "1.1.1", number: 2))?.status == .neutralised)
        #expect(rollUp.indicatorScore(organization: 0, key: IndicatorKey(objective: "1.1.1", number: 3))?.status == .invalid)
    }

    @Test("the rule order stays each organization's indicators sorted by rule, in code order, as measurements change their rules")
    func ruleOrder() throws {
        let plan = shapesPlan()
        var rollUp = CompiledRollUp(checkpoint: end)
        rollUp.add(plan, results: try shapesResults())
        rollUp.add(plan, results: Results(plan: plan.id, measurements: []))
        func check(_ label: String) {
            for o in 0..<rollUp.organizationCount {
                let range = rollUp.indicatorRange(ofOrganization: o)
                let order = rollUp.ruleOrder.indicator[range].map(Int.init)
                let expected = range.sorted {
                    (CompiledRuleOrder.slot(ofStoredByte: rollUp.indicators.rule[$0]), $0) < (CompiledRuleOrder.slot(ofStoredByte: rollUp.indicators.rule[$1]), $1)
                }
                #expect(order == expected, "\(label), ente \(o)")
                var start = range.lowerBound
                for k in 0..<CompiledRuleOrder.slotCount {
                    let stop = Int(rollUp.ruleOrder.runEnd[o * CompiledRuleOrder.slotCount + k])
                    #expect(order[(start - range.lowerBound)..<(stop - range.lowerBound)].allSatisfy {
                        CompiledRuleOrder.slot(ofStoredByte: rollUp.indicators.rule[$0]) == k
                    }, "\(label), ente \(o), gruppo di regole \(k)")
                    start = stop
                }
                #expect(start == range.upperBound, "\(label), ente \(o)")
            }
        }
        check("dopo l'aggiunta")
        // A missing value measured, a measured one removed, an unsuitable one: each changes the indicator's rule.
        for (organization, key, text) in [(1, "1.1.1/1", "95"), (0, "1.1.1/2", nil), (0, "1.1.1/3", "SI"), (1, "AG.1/1", "40")] as [(Int, String, String?)] {
            let i = try #require(rollUp.indicatorIndex(organization: organization, key: IndicatorKey(parsing: key)!))
            let before = rollUp.indicators.rule[i]
            rollUp.record(text.flatMap(MeasuredValue.parse), indicator: i)
            #expect(rollUp.indicators.rule[i] != before, "\(key)")
            check(key)
        }
    }
}

