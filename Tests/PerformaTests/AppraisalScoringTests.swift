import Testing
@testable import Performa

@Suite("Appraisal: scheda")
struct AppraisalScoringTests {
    static let scale = RatingScale(minimum: 1, maximum: 5, labels: [RatingLabel(value: 5, label: "Eccellente")])
    static let behaviours = [Behaviour(id: "a", title: "A", description: "…"), Behaviour(id: "b", title: "B", description: "…")]

    @Test("behaviours: rating / maximum, weighted; a missing rating leaves the component missing, one off the scale invalid")
    func behaviours() {
        let full = BehaviourScoring.score([BehaviourRating(behaviour: "a", rating: 5, comment: "ottimo"), BehaviourRating(behaviour: "b", rating: 4)],
                                          behaviours: Self.behaviours, scale: Self.scale)
        #expect(full.score.percent == 90)
        #expect(full.behaviours.first?.label == "Eccellente")
        #expect(full.behaviours.first?.comment == "ottimo")
        var weighted = Self.behaviours
        weighted[0].weight = 75
        weighted[1].weight = 25
        let w = BehaviourScoring.score([BehaviourRating(behaviour: "a", rating: 5), BehaviourRating(behaviour: "b", rating: 1)], behaviours: weighted, scale: Self.scale)
        #expect(w.score.percent == 80)  // (75×5 + 25×1) / (100×5)
        #expect(BehaviourScoring.score([BehaviourRating(behaviour: "a", rating: 5)], behaviours: Self.behaviours, scale: Self.scale).score.status == .missing)
        #expect(BehaviourScoring.score([BehaviourRating(behaviour: "a", rating: 6), BehaviourRating(behaviour: "b", rating: 4)],
                                       behaviours: Self.behaviours, scale: Self.scale).score.status == .invalid)
    }

    @Test("individual objectives are scored by the plan's own rules: target texts parsed, missing values, weights")
    func individualObjectives() throws {
        let objectives = [
            OperationalObjective(code: "OI.1", title: "Pratiche", weight: 60, indicators: [
                Indicator(number: 1, title: "Pratiche evase in 5 giorni", targets: [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "90%"))], weight: 100)]),
            OperationalObjective(code: "OI.2", title: "Manuale", weight: 40, indicators: [
                Indicator(number: 1, title: "Manuale", targets: [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "entro il 30/09/2021"))], weight: 100)]),
        ]
        var results = Results(plan: "scheda")
        results.measurements = [try Measurement(indicator: IndicatorKey(objective: "OI.1", number: 1), at: .yearEnd(2021), text: "85,5%")]
        let partial = IndividualObjectiveScoring.score(objectives, results: results, year: 2021, policy: .standard)
        #expect(partial.objectives.map(\.score.percent) == [95, nil])
        #expect(partial.score.status == .incomplete)
        results.measurements.append(try Measurement(indicator: IndicatorKey(objective: "OI.2", number: 1), at: .yearEnd(2021), text: "10/10/2021"))
        let whole = IndividualObjectiveScoring.score(objectives, results: results, year: 2021, policy: .standard)
        #expect(whole.objectives.map(\.score.percent) == [95, 90])
        #expect(whole.score.percent == 93)
        #expect(whole.indicators.count == 2)
    }

    @Test("the SMVP's consistency: weights to 100, one profile per category, the contract's 30% floor")
    func smvpCheck() {
        let profile = AppraisalProfile(id: "c", title: "Comparto", categories: [.comparto],
                                       components: [AppraisalComponent(kind: .unit, weight: 50), AppraisalComponent(kind: .behaviours, weight: 40)],
                                       behaviours: Self.behaviours,
                                       bonus: BonusRules(threshold: 60, differentiation: BonusDifferentiation(share: 10, increase: 20)))
        var other = profile
        other.id = "d"
        other.components = [AppraisalComponent(kind: .unit, weight: 100)]
        other.bonus = nil
        let smvp = SMVP(id: "s", title: "S", organization: "o", fromYear: 2021, scale: Self.scale, minimumServiceMonths: 3, reviewDeadlineDays: 15,
                        profiles: [profile, other])
        let messages = SMVPCheck.problems(smvp).map(\.description)
        #expect(messages.contains { $0.hasPrefix("profiles[1].components: ") && $0.contains("90,00%") })
        #expect(messages.contains { $0.hasPrefix("profiles[1].bonus.differentiation.increase: ") && $0.contains("art. 81") })
        #expect(messages.contains { $0.hasPrefix("profiles[2].categories[1]: ") })
        #expect(messages.count == 3)
    }

    @Test("the differentiation capacity: σ of the behaviour scores against the target, not applicable under the minimum")
    func differentiationCapacity() {
        let rule = DifferentiationCapacityRule(targetStandardDeviation: 8, minimumRated: 5)
        let outcome = DifferentiationCapacity.evaluate(behaviourScores: [95, 85, 75, 80, 90], rule: rule, topFrom: 95)
        #expect(outcome.score.percent == 88.39)  // √50 / 8
        #expect(outcome.distribution.topCount == 1)
        #expect(outcome.distribution.bands[7] == 1 && outcome.distribution.bands[8] == 2 && outcome.distribution.bands[9] == 2)
        #expect(DifferentiationCapacity.evaluate(behaviourScores: [95, 85], rule: rule, topFrom: 95).score.status == .notApplicable)
        #expect(DifferentiationCapacity.evaluate(behaviourScores: [10, 90, 10, 90, 10], rule: rule, topFrom: 95).score.percent == 100)
    }
}
