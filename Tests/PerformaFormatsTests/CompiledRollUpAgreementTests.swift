import Foundation
import Testing
@testable import Performa
@testable import PerformaBulk
@testable import PerformaFormats

/// The compiled roll-up against `Scorer`, the reference: same numbers (to 0,01%) and same statuses for
/// every indicator, objective, area, organization, agency and manager; and incremental re-scoring
/// against a full recompute (identical).
@Suite("Compiled roll-up agrees with Scorer")
struct CompiledRollUpAgreementTests {
    static let policies: [(String, ScoringPolicy)] = [
        ("predefinita", .standard),
        ("valore mancante = 0", ScoringPolicy(missingMeasurement: .scoreZero)),
        ("valore mancante blocca", ScoringPolicy(missingMeasurement: .blockRollUp)),
        ("soglia, tetto 120% e fasce fisse", ScoringPolicy(cap: 1.2, threshold: 0.6, bands: [ScoreBand(minimum: 0.95, score: 1), ScoreBand(minimum: 0.8, score: 0.8)])),
        ("fasce interpolate", ScoringPolicy(bands: [ScoreBand(minimum: 0.5, score: 0.3), ScoreBand(minimum: 0.9, score: 1)], bandMode: .interpolated)),
        ("progresso dalla baseline", ScoringPolicy(rule: .progressFromBaseline)),
        ("ritardo a mesi, pesi delle aree", ScoringPolicy(deadlineLoss: DeadlineLoss(unit: .month, lossPerUnit: 0.25), areaWeights: ["1": 50, "2": 30, "3": 20])),
    ]

    @Test("generated plans, every organization under each policy", arguments: policies.indices)
    func generatedPlans(policy: Int) {
        let (name, chosen) = Self.policies[policy]
        let generator = SyntheticPlans(organizations: 8, indicatorsPerOrganization: 300, seed: 11)
        for checkpoint in [Day.yearEnd(2021), .midYear(2021)] {
            var rollUp = CompiledRollUp(checkpoint: checkpoint)
            var cards: [Scorecard] = []
            for index in 0..<generator.organizations {
                var (plan, results) = generator.organization(index)
                plan.policy = chosen
                rollUp.add(plan, results: results)
                cards.append(Scorer(plan: plan).scorecard(results: results, at: checkpoint))
            }
            rollUp.rollUp()
            for (index, card) in cards.enumerated() {
                let differences = Agreement.differences(card, rollUp, organization: index)
                #expect(differences.isEmpty, "\(name), \(checkpoint.italian), ente \(index): \(differences.prefix(5))")
            }
        }
    }

    @Test("generated plans, each with its own policy (default, threshold and cap, missing = 0, progress from baseline)")
    func generatedPlansOwnPolicies() {
        let generator = SyntheticPlans(organizations: 40, indicatorsPerOrganization: 60, seed: 5)
        var rollUp = CompiledRollUp(checkpoint: .yearEnd(2021))
        var cards: [Scorecard] = []
        for index in 0..<generator.organizations {
            let (plan, results) = generator.organization(index)
            rollUp.add(plan, results: results)
            cards.append(Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)))
        }
        #expect(Set((0..<40).map { rollUp.policy(ofOrganization: $0) }).count > 1)
        for (index, card) in cards.enumerated() {
            let differences = Agreement.differences(card, rollUp, organization: index)
            #expect(differences.isEmpty, "ente \(index): \(differences.prefix(5))")
        }
    }

    @Test("the Brescia plan with the illustrative results: neutralised 2.1.2, the OIV's overrides, missing weights, managers",
          arguments: [Day.yearEnd(2021), .midYear(2021)], policies.indices)
    func brescia(checkpoint: Day, policy: Int) throws {
        var plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        plan.policy = Self.policies[policy].1
        var rollUp = CompiledRollUp(checkpoint: checkpoint)
        rollUp.add(plan, results: results)
        let card = Scorer(plan: plan).scorecard(results: results, at: checkpoint)
        let differences = Agreement.differences(card, rollUp, organization: 0)
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        if checkpoint == .yearEnd(2021), policy == 0 {
            // The worked examples of docs/scoring.md.
            #expect(rollUp.objectiveScore(organization: 0, key: "1.1.2")?.final.map { ($0 * 10_000).rounded() / 100 } == 99.27)
            #expect(rollUp.objectiveScore(organization: 0, key: "1.1")?.final.map { ($0 * 10_000).rounded() / 100 } == 99.71)
            #expect(rollUp.managerScore(organization: 0, id: "ziletti")?.final.map { ($0 * 10_000).rounded() / 100 } == 96.33)
            #expect(rollUp.indicatorScore(organization: 0, key: IndicatorKey(objective: "2.1.2", number: 1))?.status == .neutralised)
            let overridden = rollUp.indicatorScore(organization: 0, key: IndicatorKey(objective: "2.3.1", number: 2))
            #expect(overridden?.override == 1 && overridden?.computed.map { ($0 * 10_000).rounded() / 100 } == 84)
        }
    }

    @Test("recording a measurement re-scores only its chain, identical to a full recompute and equal to Scorer")
    func incremental() throws {
        let generator = SyntheticPlans(organizations: 6, indicatorsPerOrganization: 120, seed: 21)
        let checkpoint = Day.yearEnd(2021)
        var inputs = (0..<generator.organizations).map { index -> (Plan, Results) in
            var (plan, results) = generator.organization(index)
            if index == 1 { plan.policy = ScoringPolicy(missingMeasurement: .blockRollUp) }
            return (plan, results)
        }
        var rollUp = CompiledRollUp(checkpoint: checkpoint)
        for (plan, results) in inputs { rollUp.add(plan, results: results) }
        var random = SeededRandom(seed: 99)
        for step in 0..<300 {
            let organization = random.int(0...(inputs.count - 1))
            let (plan, _) = inputs[organization]
            let all = PlanIndex(plan).indicators
            let (key, indicator, _) = all[random.int(0...(all.count - 1))]
            let kind = indicator.target(at: checkpoint)?.target.kind ?? .notApplicable
            // A plausible value, an unsuitable one, or none at all.
            let text: String?
            switch random.int(0...9) {
            case 0: text = random.pick(["1; 2; 3", "-5", "20/12/2021", "SI", "parziale 50%"])
            case 1: text = nil
            default: text = SyntheticMeasurements.text(for: kind, attainment: SyntheticMeasurements.attainment(&random), &random) ?? "SI"
            }
            let value = text.flatMap(MeasuredValue.parse)
            guard let i = rollUp.indicatorIndex(organization: organization, key: key) else {
                Issue.record("indicatore \(key) non trovato")
                continue
            }
            rollUp.record(value, indicator: i)
            inputs[organization].1.measurements.removeAll { $0.indicator == key && $0.at == checkpoint }
            if let text, value != nil {
                inputs[organization].1.measurements.append(try Measurement(indicator: key, at: checkpoint, text: text))
            }
            var full = rollUp
            full.rollUp()
            #expect(Agreement.sameResults(full, rollUp), "passo \(step): \(key) ← «\(text ?? "nessun valore")»")
            if step % 25 == 0 || text == nil {
                let card = Scorer(plan: plan).scorecard(results: inputs[organization].1, at: checkpoint)
                let differences = Agreement.differences(card, rollUp, organization: organization)
                #expect(differences.isEmpty, "passo \(step): \(differences.prefix(5))")
            }
        }
    }

    @Test("a measurement for another checkpoint or for an indicator the plan lacks changes nothing")
    func recordingElsewhere() throws {
        let (plan, results) = SyntheticPlans(organizations: 1, indicatorsPerOrganization: 30, seed: 2).organization(0)
        var rollUp = CompiledRollUp(checkpoint: .yearEnd(2021))
        rollUp.add(plan, results: results)
        let before = rollUp
        let key = PlanIndex(plan).indicators[0].key
        #expect(!rollUp.record(try Measurement(indicator: key, at: .midYear(2021), text: "SI"), organization: 0))
        #expect(!rollUp.record(try Measurement(indicator: IndicatorKey(objective: "9.9.9", number: 1), at: .yearEnd(2021), text: "SI"), organization: 0))
        #expect(Agreement.sameResults(before, rollUp))
    }
}

/// Comparisons between a scorecard and a compiled roll-up.
enum Agreement {
    /// 0,01% of the value (and at least 1e-9 absolute, for values near zero).
    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return abs(a - b) <= max(1e-9, 1e-4 * max(abs(a), abs(b)))
        default: return false
        }
    }

    static func differences(_ card: Scorecard, _ rollUp: CompiledRollUp, organization o: Int) -> [String] {
        var found: [String] = []
        func compare(_ label: String, _ score: Score, _ compiled: CompiledScore?) {
            guard let compiled else { return found.append("\(label): assente") }
            if score.status != compiled.status { found.append("\(label): stato \(score.status) ≠ \(compiled.status)") }
            if !close(score.final, compiled.final) { found.append("\(label): \(score.final as Any) ≠ \(compiled.final as Any)") }
            if !close(score.computed, compiled.computed) { found.append("\(label): calcolato \(score.computed as Any) ≠ \(compiled.computed as Any)") }
        }
        compare("ente", card.result, rollUp.organizationScore(o))
        for area in card.areas { compare("area \(area.code)", area.score, rollUp.areaScore(organization: o, code: area.code)) }
        // The PIAO's prevention measures are outside every total and the bulk roll-up does not score them.
        let measures = Set(card.objectives.filter { $0.level == .measure }.map(\.key))
        for objective in card.objectives where card.objective(objective.key) == objective && !measures.contains(objective.key) {
            compare("obiettivo \(objective.key)", objective.score, rollUp.objectiveScore(organization: o, key: objective.key))
        }
        for indicator in card.indicators where card.indicator(indicator.key) == indicator && !measures.contains(indicator.key.objective) {
            compare("indicatore \(indicator.key)", indicator.score, rollUp.indicatorScore(organization: o, key: indicator.key))
        }
        for agency in card.agencies { compare("agenzia \(agency.id)", agency.score, rollUp.agencyScore(organization: o, id: agency.id)) }
        for manager in card.managers where card.manager(manager.manager) == manager {
            compare("dirigente \(manager.manager)", manager.score, rollUp.managerScore(organization: o, id: manager.manager))
        }
        return found
    }

    /// Every result column identical, bit for bit (NaN included).
    static func sameResults(_ a: CompiledRollUp, _ b: CompiledRollUp) -> Bool {
        func same(_ x: [Double], _ y: [Double]) -> Bool { x.map(\.bitPattern) == y.map(\.bitPattern) }
        return same(a.indicators.score, b.indicators.score) && a.indicators.status == b.indicators.status
            && same(a.groups.score, b.groups.score) && a.groups.status == b.groups.status
            && same(a.strategics.score, b.strategics.score) && a.strategics.status == b.strategics.status
            && same(a.areas.score, b.areas.score) && a.areas.status == b.areas.status
            && same(a.organizations.score, b.organizations.score) && a.organizations.status == b.organizations.status
            && same(a.agencies.score, b.agencies.score) && a.agencies.status == b.agencies.status
            && same(a.managers.score, b.managers.score) && a.managers.status == b.managers.status
            && a.indicators.rule == b.indicators.rule && same(a.indicators.value, b.indicators.value)
    }
}
