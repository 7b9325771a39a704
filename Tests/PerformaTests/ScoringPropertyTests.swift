import PropertyBased
import Testing
@testable import Performa

/// Properties of the scoring rules that must hold for any plan, any measurements and any policy.
@Suite("Scoring properties")
struct ScoringPropertyTests {
    static let quantitativeTargets: [TargetKind] = [
        .atLeast(100, unit: nil), .atLeast(0, unit: nil), .percentAtLeast(90), .change(-5), .change(10),
        .atMost(5, unit: nil), .percentAtMost(10), .rate(1, per: "giorno lavorativo", channels: 3),
    ]

    @Test("an indicator's achievement stays within [0, cap]")
    func achievementWithinCap() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...(Self.quantitativeTargets.count - 1)), Gen.double(in: -1e6...1e6),
                            Gen.double(in: 1...2), Gen.double(in: 0...1)) { index, actual, cap, threshold in
            let policy = ScoringPolicy(cap: cap, threshold: threshold, rule: .ratio)
            let value = IndicatorAchievement.score(target: Self.quantitativeTargets[index], value: .number(actual, percent: false),
                                                   baseline: nil, policy: policy, year: 2021)
            #expect(value != nil)
            if let value { #expect(value >= 0 && value <= cap) }
        }
    }

    @Test("raising a measured value of a higher-is-better indicator never lowers any roll-up")
    func monotonic() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int(Int32.max)), Gen.double(in: 0...500)) { seed, raise in
            var random = SplitMix(seed: seed)
            let plan = RandomPlan.make(&random)
            var results = RandomPlan.results(for: plan, &random)
            let before = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
            let position = random.int(0...(results.measurements.count - 1))
            guard case .number(let value, _) = results.measurements[position].value else { return }
            results.measurements[position] = try! Measurement(indicator: results.measurements[position].indicator, at: .yearEnd(2021),
                                                              text: ItalianNumber.format(value + raise, fractionDigits: 4))
            let after = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
            for (old, new) in zip(RandomPlan.finals(before), RandomPlan.finals(after)) {
                #expect(old.key == new.key)
                #expect((new.value ?? 0) >= (old.value ?? 0) - 1e-12, "\(old.key) went down after raising \(results.measurements[position].indicator)")
            }
        }
    }

    @Test("permuting the order of areas, objectives and indicators changes nothing")
    func permutationInvariance() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var random = SplitMix(seed: seed)
            let plan = RandomPlan.make(&random)
            let results = RandomPlan.results(for: plan, &random)
            var shuffled = plan
            shuffled.areas = RandomPlan.shuffle(plan.areas, &random).map { area in
                var area = area
                area.objectives = RandomPlan.shuffle(area.objectives, &random).map { strategic in
                    var strategic = strategic
                    strategic.operationalObjectives = RandomPlan.shuffle(strategic.operationalObjectives, &random).map { operational in
                        var operational = operational
                        operational.indicators = RandomPlan.shuffle(operational.indicators, &random)
                        return operational
                    }
                    return strategic
                }
                return area
            }
            let a = RandomPlan.finals(Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)))
            let b = RandomPlan.finals(Scorer(plan: shuffled).scorecard(results: results, at: .yearEnd(2021)))
            #expect(Dictionary(uniqueKeysWithValues: a.map { ($0.key, $0.value) }) == Dictionary(uniqueKeysWithValues: b.map { ($0.key, $0.value) }))
        }
    }

    @Test("weights summing to 100 and every indicator at 100% give 100% everywhere")
    func allFullGiveFull() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var random = SplitMix(seed: seed)
            let plan = RandomPlan.make(&random)
            let results = RandomPlan.results(for: plan, &random, exactlyOnTarget: true)
            let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
            for entry in RandomPlan.finals(card) {
                #expect(entry.value == 1, "\(entry.key) = \(String(describing: entry.value))")
            }
        }
    }
}

/// Random plans whose weights sum to 100 at every level, with higher-is-better count targets.
enum RandomPlan {
    static func weights(_ count: Int, _ random: inout SplitMix) -> [Double] {
        // Whole percentages that add up to exactly 100, like a real plan's.
        var cuts = (0..<(count - 1)).map { _ in random.int(1...99) }.sorted()
        cuts = [0] + cuts + [100]
        return (0..<count).map { Double(cuts[$0 + 1] - cuts[$0]) }
    }

    static func make(_ random: inout SplitMix) -> Plan {
        let areaCount = random.int(1...3)
        var areas: [StrategicArea] = []
        var assignments: [String: [AssignedObjective]] = [:]
        for a in 1...areaCount {
            let soCount = random.int(1...3)
            let soWeights = weights(soCount, &random)
            var objectives: [StrategicObjective] = []
            for s in 1...soCount {
                let code = "\(a).\(s)"
                let ooCount = random.int(1...3)
                let ooWeights = weights(ooCount, &random)
                let operational = (1...ooCount).map { o -> OperationalObjective in
                    let indicatorCount = random.int(1...4)
                    let w = weights(indicatorCount, &random)
                    let indicators = (1...indicatorCount).map { i in
                        PlanBuilder.indicator(i, "Almeno \(random.int(1...2000))", weight: w[i - 1])
                    }
                    return OperationalObjective(code: "\(code).\(o)", title: "Op", weight: ooWeights[o - 1], indicators: indicators)
                }
                let split = Double(random.int(0...100))
                let own = Indicator(number: 1, title: "Proprio", targets: [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "Almeno \(random.int(1...50))"), weight: 100)])
                objectives.append(StrategicObjective(code: code, title: "S", weight: soWeights[s - 1],
                                                     split: ResultSplit(ownIndicators: split, operationalObjectives: 100 - split),
                                                     indicators: [own], operationalObjectives: operational))
                for objective in [code] + operational.map(\.code) {
                    assignments[random.int(0...1) == 0 ? "rossi" : "bianchi", default: []].append(AssignedObjective(objective: objective, weight: 0))
                }
            }
            areas.append(StrategicArea(code: "\(a)", title: "Area \(a)", objectives: objectives))
        }
        let table = assignments.keys.sorted().map { manager -> Assignment in
            let items = assignments[manager]!
            let w = weights(items.count, &random)
            return Assignment(manager: manager, objectives: items.enumerated().map { AssignedObjective(objective: $1.objective, weight: w[$0]) })
        }
        return PlanBuilder.plan(areas: areas, assignments: table)
    }

    static func results(for plan: Plan, _ random: inout SplitMix, exactlyOnTarget: Bool = false) -> Results {
        var measurements: [Measurement] = []
        for (key, indicator, _) in PlanIndex(plan).indicators {
            guard let entry = indicator.target(at: .yearEnd(2021)), case .atLeast(let target, _) = entry.target.kind else { continue }
            let value = exactlyOnTarget ? target : Double(random.int(0...Int(target * 1.5)))
            measurements.append(try! Measurement(indicator: key, at: .yearEnd(2021), text: ItalianNumber.format(value, fractionDigits: 0)))
        }
        return Results(plan: plan.id, measurements: measurements)
    }

    static func shuffle<T>(_ items: [T], _ random: inout SplitMix) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, random.int(0...i)) }
        return items
    }

    /// Every final achievement of a scorecard above the indicators, keyed and in a fixed order.
    static func finals(_ card: Scorecard) -> [(key: String, value: Double?)] {
        var out: [(key: String, value: Double?)] = [("ente", card.result.final)]
        out += card.areas.sorted { $0.code < $1.code }.map { ("area \($0.code)", $0.score.final) }
        out += card.objectives.sorted { ObjectiveCode.precedes($0.key, $1.key) }.map { ($0.key, $0.score.final) }
        out += card.managers.sorted { $0.manager < $1.manager }.map { ("dirigente \($0.manager)", $0.score.final) }
        return out
    }
}
