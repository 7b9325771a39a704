import PropertyBased
import Testing
@testable import Performa
@testable import PerformaBulk

/// `Scorer` and the compiled roll-up score with the same functions: each rule's file in `Scoring/Rules`, then the
/// policy's steps (cap, threshold, bands, missing value; `PolicyAdjustments`), then `WeightedMean`. For random
/// values and random policies, each rule function's own result is exactly what both engines give, to the last bit.
@Suite("Rule functions, Scorer and the compiled roll-up agree")
struct RuleAgreementTests {
    static let end = Day.yearEnd(2021)

    /// One indicator: its target, baseline and value, and what its rule's function gives under a policy (before the
    /// policy's steps). `raw` is nil for an indicator without a value.
    struct Case {
        var target: TargetKind
        var baseline: TargetKind?
        var value: MeasuredValue?
        var raw: (ScoringPolicy) -> Double
    }

    static func policy(_ random: inout SplitMix) -> ScoringPolicy {
        let bands = random.int(0...2) == 0
            ? [ScoreBand(minimum: random.double(0.7...1), score: random.double(0.8...1)), ScoreBand(minimum: random.double(0.2...0.7), score: random.double(0.3...0.8))]
            : []
        return ScoringPolicy(
            cap: random.int(0...1) == 0 ? 1 : random.double(1...1.5), threshold: random.int(0...1) == 0 ? 0 : random.double(0...0.6),
            bands: bands, bandMode: random.int(0...1) == 0 ? .fixed : .interpolated,
            rule: random.int(0...1) == 0 ? .ratio : .progressFromBaseline,
            missingMeasurement: [.showAsMissing, .scoreZero, .blockRollUp][random.int(0...2)],
            deadlineLoss: random.int(0...1) == 0 ? DeadlineLoss(unit: .day, lossPerUnit: random.double(0.001...0.05))
                : DeadlineLoss(unit: .month, lossPerUnit: random.double(0.05...0.5)))
    }

    /// One case of every rule, with random numbers in the range each value may take.
    static func cases(_ random: inout SplitMix) -> [Case] {
        func baseline(_ policy: ScoringPolicy, _ level: Double?) -> Double? { policy.rule == .progressFromBaseline ? level : nil }
        let higherTarget = random.int(0...5) == 0 ? 0 : random.double(1...1_000), higherActual = random.double(0...2_000)
        let higherBase = random.int(0...2) == 0 ? nil : random.double(0...1_200)
        let percentTarget = random.double(1...100), percentActual = random.double(0...100), percentBase = random.double(0...100)
        let lowerTarget = random.int(0...5) == 0 ? 0 : random.double(1...50), lowerActual = random.int(0...5) == 0 ? 0 : random.double(0...100)
        let lowerBase = random.int(0...2) == 0 ? nil : random.double(0...120)
        let change = random.double(-50...50), changeActual = random.double(-100...100)
        let wanted = random.int(0...1) == 0, answered = random.int(0...1) == 0
        let completion = random.double(0...1)
        let required = random.double(1...100), numerator = random.double(0...500), denominator = random.int(0...5) == 0 ? 0 : random.double(1...500)
        let deadline = Day(random.int(0...1) == 0 ? 0 : 2021, random.int(1...12), random.int(1...28))
        let done = Day(2021, random.int(1...12), random.int(1...28)), notDone = random.int(0...4) == 0
        let partPercent = random.double(1...100), partPercentActual = random.double(0...120)
        let partCount = random.double(1...50), partCountActual = random.double(0...80)
        return [
            Case(target: .atLeast(higherTarget, unit: nil), baseline: higherBase.map { .atLeast($0, unit: nil) }, value: .number(higherActual, percent: false)) {
                min(HigherIsBetterScoring.achievement(actual: higherActual, target: higherTarget, baseline: baseline($0, higherBase)), $0.cap)
            },
            Case(target: .percentAtLeast(percentTarget), baseline: .percentAtLeast(percentBase), value: .number(percentActual, percent: true)) {
                min(HigherIsBetterScoring.achievement(actual: percentActual, target: percentTarget, baseline: baseline($0, percentBase)), $0.cap)
            },
            Case(target: .atMost(lowerTarget, unit: nil), baseline: lowerBase.map { .atMost($0, unit: nil) }, value: .number(lowerActual, percent: false)) {
                min(LowerIsBetterScoring.achievement(actual: lowerActual, target: lowerTarget, baseline: baseline($0, lowerBase)), $0.cap)
            },
            Case(target: .change(change), baseline: nil, value: .number(changeActual, percent: true)) {
                min(ReductionScoring.achievement(actualChange: changeActual, requiredChange: change), $0.cap)
            },
            Case(target: .yesNo(wanted), baseline: nil, value: .yesNo(answered)) { _ in
                YesNoScoring.achievement(actual: answered, target: wanted)
            },
            Case(target: .milestone("Bozza nuovi articoli"), baseline: nil, value: .completion(completion)) {
                min(MilestoneScoring.achievement(.completion(completion))!, $0.cap)
            },
            Case(target: .ratio(numerator: "evase", denominator: "pervenute", atLeastPercent: required), baseline: nil,
                 value: .ratio(numerator, denominator)) {
                min(RatioScoring.achievement(numerator: numerator, denominator: denominator, requiredPercent: required), $0.cap)
            },
            Case(target: .deadline(deadline), baseline: nil, value: notDone ? .yesNo(false) : .date(done)) {
                notDone ? DeadlineScoring.notDone : DeadlineScoring.achievement(
                    lateDays: Double(done.ordinal - DeadlineScoring.deadline(deadline, year: 2021).ordinal), loss: $0.deadlineLoss)
            },
            Case(target: .compound([.percentAtLeast(partPercent), .atLeast(partCount, unit: nil)]), baseline: nil,
                 value: .parts([.number(partPercentActual, percent: true), .number(partCountActual, percent: false)])) {
                CompoundScoring.achievement(parts: [
                    min(HigherIsBetterScoring.achievement(actual: partPercentActual, target: partPercent), $0.cap),
                    min(HigherIsBetterScoring.achievement(actual: partCountActual, target: partCount), $0.cap),
                ])
            },
            Case(target: .atLeast(higherTarget, unit: nil), baseline: nil, value: nil) { _ in .nan },
        ]
    }

    @Test("each rule's function, then the policy's steps, is what Scorer and the compiled roll-up give, for random values and policies")
    func sameFunctions() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var random = SplitMix(seed: seed)
            let policy = Self.policy(&random)
            let cases = Self.cases(&random)
            var indicators: [Indicator] = []
            var results = Results(plan: "prova")
            for (n, item) in cases.enumerated() {
                indicators.append(Indicator(number: n + 1, title: "Indicatore \(n + 1)", baseline: item.baseline.map { Target(text: "base", kind: $0) },
                                            targets: [IndicatorTarget(at: Self.end, target: Target(text: "target", kind: item.target))],
                                            weight: random.double(0...10)))
                if let value = item.value {
                    var measurement = try! Measurement(indicator: IndicatorKey(objective: "1.1.1", number: n + 1), at: Self.end, text: "0")
                    measurement.value = value
                    results.measurements.append(measurement)
                }
            }
            let plan = PlanBuilder.plan(areas: [StrategicArea(code: "1", title: "Area", objectives: [
                StrategicObjective(code: "1.1", title: "Strategico", weight: 100,
                                   operationalObjectives: [PlanBuilder.operational("1.1.1", weight: 100, indicators: indicators)]),
            ])])
            let card = Scorer(plan: plan, policy: policy).scorecard(results: results, at: Self.end)
            var rollUp = CompiledRollUp(checkpoint: Self.end)
            rollUp.add(plan, results: results, policy: policy)

            var mean = WeightedMean()
            for (n, item) in cases.enumerated() {
                let key = IndicatorKey(objective: "1.1.1", number: n + 1)
                let expected: (computed: Double, status: UInt8) = item.value == nil
                    ? policy.missingMeasurement.outcome(.missing)
                    : (PolicyAdjustments.apply(item.raw(policy), policy: policy), ScoreStatus.complete.compiledCode)
                let scorer = card.indicator(key)?.score, compiled = rollUp.indicatorScore(organization: 0, key: key)
                #expect((scorer?.computed ?? .nan).bitPattern == expected.computed.bitPattern, "Scorer, \(item.target) ← \(String(describing: item.value)), \(policy)")
                #expect((compiled?.computed ?? .nan).bitPattern == expected.computed.bitPattern, "compilato, \(item.target) ← \(String(describing: item.value)), \(policy)")
                #expect(scorer?.status.compiledCode == expected.status && compiled?.status.compiledCode == expected.status, "\(item.target)")
                mean.add(weight: WeightedMean.weight(indicators[n].weight(at: Self.end)), computed: expected.computed, override: .nan, status: expected.status)
            }
            // The objective: `WeightedMean` over the same parts in code order (1 to 9, then 10), in both engines.
            let objective = mean.outcome()
            #expect((card.objective("1.1.1")?.score.computed ?? .nan).bitPattern == objective.computed.bitPattern)
            #expect((rollUp.objectiveScore(organization: 0, key: "1.1.1")?.computed ?? .nan).bitPattern == objective.computed.bitPattern)
            #expect(card.objective("1.1.1")?.score.status.compiledCode == objective.status)
        }
    }
}
