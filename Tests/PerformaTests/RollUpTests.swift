import Testing
@testable import Performa

/// The roll-up from indicators to the organization and the managers, on small plans.
@Suite("Roll-up")
struct RollUpTests {
    typealias B = PlanBuilder
    let end = Day.yearEnd(2021)

    /// Area 1 with strategic objective 1.1 (own indicator SI, weight 100 each year; split 50/50)
    /// and operational objectives 1.1.1 (60%) and 1.1.2 (40%).
    func samplePlan(split: ResultSplit? = ResultSplit(ownIndicators: 50, operationalObjectives: 50)) -> Plan {
        let own = Indicator(number: 1, title: "Proprio", targets: [
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "SI"), weight: 100),
            IndicatorTarget(at: .yearEnd(2022), target: Target(parsing: "SI"), weight: 100),
        ])
        let o1 = B.operational("1.1.1", weight: 60, indicators: [
            B.indicator(1, "Almeno 100", weight: 50, midYear: "50"),
            B.indicator(2, "SI", weight: 50, midYear: "-"),
        ])
        let o2 = B.operational("1.1.2", weight: 40, indicators: [B.indicator(1, "-5,00%", weight: 100)])
        let strategic = StrategicObjective(code: "1.1", title: "Strategico", weight: 100, split: split, indicators: [own], operationalObjectives: [o1, o2])
        return B.plan(areas: [StrategicArea(code: "1", title: "Area", objectives: [strategic])], assignments: [
            Assignment(manager: "rossi", objectives: [AssignedObjective(objective: "1.1", weight: 50), AssignedObjective(objective: "1.1.1", weight: 50)]),
            Assignment(manager: "bianchi", objectives: [AssignedObjective(objective: "1.1.2", weight: 100)]),
        ])
    }

    @Test("weighted sums at every level, strategic = own share + operational share")
    func weightedSums() throws {
        let results = try B.results([("1.1/1", end, "SI"), ("1.1.1/1", end, "80"), ("1.1.1/2", end, "SI"), ("1.1.2/1", end, "-2,5%")])
        let card = Scorer(plan: samplePlan()).scorecard(results: results, at: end)
        #expect(card.objective("1.1.1")?.score.final == 0.9)      // 0.5×0.8 + 0.5×1
        #expect(card.objective("1.1.2")?.score.final == 0.5)      // 2.5 / 5
        let operational = 0.6 * 0.9 + 0.4 * 0.5                     // 0.74
        #expect(abs(card.objective("1.1")!.score.final! - (0.5 * 1 + 0.5 * operational)) < 1e-12)
        #expect(card.objective("1.1")?.ownIndicators == 1)
        #expect(card.area("1")?.score.final == card.objective("1.1")?.score.final)
        #expect(card.result.final == card.area("1")?.score.final)
        #expect(abs(card.manager("rossi")!.score.final! - (0.5 * card.objective("1.1")!.score.final! + 0.5 * 0.9)) < 1e-12)
        #expect(card.manager("bianchi")?.score.final == 0.5)
        #expect(card.result.status == .complete)
    }

    @Test("at 30/6 strategic objectives without a 30/6 target are scored by their operational objectives alone")
    func midYear() throws {
        let mid = Day.midYear(2021)
        let results = try B.results([("1.1.1/1", mid, "50")])
        let card = Scorer(plan: samplePlan()).scorecard(results: results, at: mid)
        #expect(card.indicator(IndicatorKey(objective: "1.1.1", number: 2))?.score.status == .notApplicable)
        #expect(card.objective("1.1.1")?.score.final == 1)
        // 1.1.2 has no 30/6 target: not applicable, so 1.1 = 1.1.1 alone.
        #expect(card.objective("1.1.2")?.score.status == .notApplicable)
        #expect(card.objective("1.1")?.score.final == 1)
        #expect(card.notes.contains { $0.code == "R-SPLIT" && $0.location == "1.1" })
    }

    @Test("a missing measurement: shown as missing (default), scored 0, or blocking — never a silent 0")
    func missingMeasurement() throws {
        let results = try B.results([("1.1/1", end, "SI"), ("1.1.1/1", end, "100"), ("1.1.2/1", end, "-5%")])
        let shown = Scorer(plan: samplePlan()).scorecard(results: results, at: end)
        #expect(shown.indicator(IndicatorKey(objective: "1.1.1", number: 2))?.score.status == .missing)
        #expect(shown.objective("1.1.1")?.score.final == 1)
        #expect(shown.objective("1.1.1")?.score.status == .incomplete)
        #expect(shown.result.status == .incomplete)

        let zero = Scorer(plan: samplePlan(), policy: ScoringPolicy(missingMeasurement: .scoreZero)).scorecard(results: results, at: end)
        #expect(zero.objective("1.1.1")?.score.final == 0.5)
        #expect(zero.objective("1.1.1")?.score.status == .incomplete)

        let blocked = Scorer(plan: samplePlan(), policy: ScoringPolicy(missingMeasurement: .blockRollUp)).scorecard(results: results, at: end)
        #expect(blocked.objective("1.1.1")?.score.status == .blocked)
        #expect(blocked.objective("1.1.1")?.score.final == nil)
        #expect(blocked.result.status == .blocked)
        #expect(blocked.manager("rossi")?.score.status == .blocked)
        #expect(blocked.manager("bianchi")?.score.final == 1)
    }

    @Test("a neutralised indicator drops out and the remaining weights are re-normalised, with the reason kept")
    func neutralisation() throws {
        let results = try B.results([("1.1.1/1", end, "50"), ("1.1.1/2", end, "NO")], neutralisations: [
            DeclaredNeutralisation(indicator: IndicatorKey(objective: "1.1.1", number: 2), reason: "Servizio sospeso da una sentenza"),
        ])
        let card = Scorer(plan: samplePlan()).scorecard(results: results, at: end)
        let neutralised = card.indicator(IndicatorKey(objective: "1.1.1", number: 2))
        #expect(neutralised?.score.status == .neutralised)
        #expect(neutralised?.reason == "Servizio sospeso da una sentenza")
        #expect(card.objective("1.1.1")?.score.final == 0.5)
        #expect(card.notes.contains { $0.code == "R-RENORM" && $0.location == "1.1.1" })
    }

    @Test("an OIV override replaces the computed value upwards, and both are kept")
    func override() throws {
        let results = try B.results([("1.1/1", end, "SI"), ("1.1.1/1", end, "80"), ("1.1.1/2", end, "SI"), ("1.1.2/1", end, "-2,5%")], overrides: [
            AchievementOverride(subject: "1.1.2/1", at: end, achievement: 100, reason: "Dato ricalcolato al netto delle sospensioni tecniche", by: "OIV"),
        ])
        let card = Scorer(plan: samplePlan()).scorecard(results: results, at: end)
        let indicator = card.indicator(IndicatorKey(objective: "1.1.2", number: 1))!
        #expect(indicator.score.computed == 0.5)
        #expect(indicator.score.final == 1)
        #expect(card.objective("1.1.2")?.score.final == 1)
        #expect(card.manager("bianchi")?.score.final == 1)
    }

    @Test("no weights at all: equal weights, with a warning note")
    func equalWeights() throws {
        let plan = B.plan(areas: [], agency: [B.operational("1", weight: 100, indicators: [
            B.indicator(1, "100%", weight: nil), B.indicator(2, "100%", weight: nil),
        ])])
        let card = Scorer(plan: plan).scorecard(results: try B.results([("AG.1/1", end, "100%"), ("AG.1/2", end, "50%")]), at: end)
        #expect(card.objective("AG.1")?.score.final == 0.75)
        #expect(card.agencies.first?.score.final == 0.75)
        #expect(card.notes.contains { $0.code == "R-EQUAL" && $0.location == "AG.1" })
    }

    @Test("area weights of the policy replace equal area weights")
    func areaWeights() throws {
        func area(_ code: String) -> StrategicArea {
            StrategicArea(code: code, title: "Area \(code)", objectives: [StrategicObjective(code: "\(code).1", title: "S", weight: 100,
                operationalObjectives: [B.operational("\(code).1.1", weight: 100, indicators: [B.indicator(1, "Almeno 10", weight: 100)])])])
        }
        let plan = B.plan(areas: [area("1"), area("2")])
        let results = try B.results([("1.1.1/1", end, "10"), ("2.1.1/1", end, "5")])
        #expect(Scorer(plan: plan).scorecard(results: results, at: end).result.final == 0.75)
        let weighted = Scorer(plan: plan, policy: ScoringPolicy(areaWeights: ["1": 80, "2": 20])).scorecard(results: results, at: end)
        #expect(abs(weighted.result.final! - 0.9) < 1e-12)
    }

    @Test("valorizzazione: value is the share of the fund; earnings follow achievement above the minimum")
    func valorization() throws {
        var plan = samplePlan()
        plan.areas[0].objectives[0].operationalObjectives[0].relevance = 3
        plan.areas[0].objectives[0].operationalObjectives[1].relevance = 1
        let results = try B.results([("1.1/1", end, "SI"), ("1.1.1/1", end, "80"), ("1.1.1/2", end, "SI"), ("1.1.2/1", end, "-2,5%")])
        let card = Scorer(plan: plan, policy: ScoringPolicy(minimumAchievementForPayout: 0.6)).scorecard(results: results, at: end, fundCents: 10_000_000)
        let lines = try #require(card.valorization?.lines)
        #expect(lines.map(\.objective) == ["1.1.1", "1.1.2"])
        #expect(lines[0].valueCents == 7_500_000 && lines[0].earnedCents == 6_750_000)   // 90%
        #expect(lines[1].valueCents == 2_500_000 && lines[1].earnedCents == 0)           // 50% < 60%
        #expect(card.valorization?.totalValueCents == 10_000_000)
    }
}
