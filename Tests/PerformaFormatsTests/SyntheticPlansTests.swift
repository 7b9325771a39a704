import Foundation
import Testing
@testable import Performa
@testable import PerformaBulk
@testable import PerformaFormats

/// The synthetic plans of `performa generate`: deterministic, realistic, consistent, and readable back.
@Suite("Synthetic plans")
struct SyntheticPlansTests {
    let generator = SyntheticPlans(organizations: 12, indicatorsPerOrganization: 300, seed: 7)

    @Test("the same seed gives the same plans and results; another seed gives others")
    func deterministic() {
        let again = SyntheticPlans(organizations: 500, indicatorsPerOrganization: 300, seed: 7)
        for index in [0, 5, 11] {
            let first = generator.organization(index), second = again.organization(index)
            #expect(first.plan == second.plan)
            #expect(first.results == second.results)
        }
        let other = SyntheticPlans(organizations: 12, indicatorsPerOrganization: 300, seed: 8)
        #expect(other.plan(0) != generator.plan(0))
        #expect(generator.plan(1) != generator.plan(2))
    }

    @Test("each plan has exactly the indicators asked for", arguments: [1, 2, 7, 30, 300, 1_000])
    func exactIndicatorCount(perOrganization: Int) {
        let plans = SyntheticPlans(organizations: 6, indicatorsPerOrganization: perOrganization, seed: 3)
        for index in 0..<6 {
            #expect(PlanIndex(plans.plan(index)).indicators.count == perOrganization)
        }
    }

    @Test("weights sum to 100 at every level, every objective is assigned: the validator finds no error")
    func validatorFindsNoError() {
        for index in 0..<generator.organizations {
            let errors = PlanValidator().validate(generator.plan(index)).filter { $0.severity == .error }
            #expect(errors.isEmpty, "ente \(index): \(errors.map { "\($0.code) \($0.location) \($0.message)" })")
        }
    }

    @Test("the shapes of the seed are all there, in a realistic mix, with some targets not applicable at 30/6")
    func shapeMix() {
        var shapes: [String: Int] = [:]
        var notApplicableAtMidYear = 0
        for index in 0..<generator.organizations {
            let plan = generator.plan(index)
            for (_, indicator, level) in PlanIndex(plan).indicators {
                if let kind = indicator.target(at: .yearEnd(2021))?.target.kind { shapes[kind.shapeName, default: 0] += 1 }
                if level != .strategic, indicator.target(at: .midYear(2021))?.target.kind.isApplicable == false { notApplicableAtMidYear += 1 }
            }
        }
        let total = shapes.values.reduce(0, +)
        #expect(total == 12 * 300)
        for shape in ["quantità minima", "percentuale", "variazione percentuale", "sì/no", "fase da raggiungere", "composto",
                      "frequenza", "scadenza", "rapporto", "quantità massima"] {
            #expect((shapes[shape] ?? 0) > 0, "nessun target di forma \(shape)")
        }
        #expect(Double(shapes["quantità minima"] ?? 0) / Double(total) > 0.2)
        #expect(notApplicableAtMidYear > 100)
    }

    @Test("every generated target text is read by the target parser as the kind the generator gave it")
    func textsParseAsTheirKinds() {
        var checked: Set<String> = []
        for index in 0..<generator.organizations {
            let plan = generator.plan(index)
            for (_, indicator, _) in PlanIndex(plan).indicators {
                for target in indicator.targets.map(\.target) + [indicator.baseline].compactMap({ $0 }) where checked.insert(target.text).inserted {
                    #expect(TargetParser.parse(target.text) == target.kind, "«\(target.text)»")
                }
            }
        }
        #expect(checked.count > 60)
    }

    @Test("results: most indicators measured, some missing, some neutralised or corrected by the OIV")
    func resultsMix() {
        var measured = 0, expected = 0, neutralisations = 0, overrides = 0
        for index in 0..<generator.organizations {
            let (plan, results) = generator.organization(index)
            for (key, indicator, level) in PlanIndex(plan).indicators {
                let checkpoints: [Day] = level == .strategic ? [.yearEnd(2021)] : [.midYear(2021), .yearEnd(2021)]
                for day in checkpoints where indicator.target(at: day)?.target.kind.isApplicable == true {
                    expected += 1
                    if let measurement = results.current(key, at: day) {
                        measured += 1
                        let kind = indicator.target(at: day)!.target.kind
                        #expect(measurement.value.problem(for: kind) == nil, "\(key): «\(measurement.text)» per «\(kind)»")
                    }
                }
            }
            neutralisations += results.neutralisations?.count ?? 0
            overrides += results.overrides?.count ?? 0
        }
        #expect(measured < expected)
        #expect(Double(measured) / Double(expected) > 0.95)
        #expect(neutralisations > 0)
        #expect(overrides > 0)
    }

    @Test("plan and results files written as YAML read back equal, through the checks of PlanFile and ResultsFile")
    func filesReadBack() throws {
        for index in 0..<3 {
            let (plan, results) = generator.organization(index)
            let readPlan = try PlanFile.read(try PlanFile.yaml(plan), fileName: "piano.yaml")
            #expect(readPlan == plan)
            let readResults = try ResultsFile.read(try ResultsFile.yaml(results), plan: readPlan, fileName: "risultati.yaml")
            #expect(readResults.measurements.map(\.value) == results.measurements.map(\.value))
            #expect(readResults.overrides == results.overrides)
            #expect(readResults.neutralisations == results.neutralisations)
        }
    }

    @Test("organizations have Italian names, unique ids, three to six managers, and some a special agency")
    func organizations() {
        let plans = (0..<generator.organizations).map(generator.plan)
        #expect(Set(plans.map(\.organization.id)).count == plans.count)
        #expect(Set(plans.map(\.id)).count == plans.count)
        #expect(plans[0].organization.name == "Camera di Commercio di Agrigento")
        #expect(plans.allSatisfy { (3...6).contains($0.organization.managers.count) })
        #expect(SyntheticPlans(organizations: 40, indicatorsPerOrganization: 20, seed: 7).organization(0).plan.span == YearSpan(from: 2021, to: 2023))
        let withAgency = (0..<40).map { SyntheticPlans(organizations: 40, indicatorsPerOrganization: 30, seed: 7).plan($0) }
            .filter { $0.specialAgencyObjectives != nil }
        #expect(!withAgency.isEmpty)
    }
}
