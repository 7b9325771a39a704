import Foundation
import Testing
import Performa
@testable import PerformaFormats

/// Checks the transcription of the Brescia plan against the published document (the seed): counts of
/// objectives and indicators, and values taken from the seed's text, each also found in the seed itself.
@Suite("Brescia plan transcription")
struct BresciaTranscriptionTests {
    let plan: Plan
    let index: PlanIndex

    init() throws {
        plan = try TestFiles.brescia()
        index = PlanIndex(plan, measures: false)
    }

    @Test("3 areas, 8 strategic, 21 operational and 3 Pro Brixia objectives, 74 indicators")
    func counts() {
        #expect(plan.areas.map(\.code) == ["1", "2", "3"])
        #expect(index.entries.filter { $0.level == .strategic }.map(\.key) == ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"])
        #expect(index.entries.filter { $0.level == .operational }.count == 21)
        #expect(index.entries.filter { $0.level == .agency }.map(\.key) == ["PB.1", "PB.2", "PB.3"])
        #expect(index.indicators.count == 74)
        #expect(index.indicators.filter { $0.level == .strategic }.count == 20)
    }

    /// Value as transcribed, and the same text as it stands in the seed.
    static let seedValues: [(String, String)] = [
        ("1.1.2/1 31/12", "1489"), ("1.1.2/1 30/6", "789"), ("1.1.2/3 31/12", "1800 (totali nell'anno)"),
        ("1.2.1/4 baseline", "4"), ("2.3/1 2023", "-10,00%"), ("2.3/1 2021", "-5,00%"),
        ("2.2.1/1 31/12", "Almeno il 70% dei voti oltre la media"), ("3.1.2/1 31/12", "Bozza nuovi articoli"),
        ("2.2/1 2022", "35,00%"), ("PB.1/1 30/6", "50,00%"), ("1.1.2/1 baseline", "97,40% corrispondente a 2.922 su 3.000"),
    ]

    func value(_ label: String) -> String? {
        let parts = label.split(separator: " ")
        guard let key = IndicatorKey(parsing: String(parts[0])), let indicator = index.indicator(key) else { return nil }
        switch parts[1] {
        case "baseline": return indicator.baseline?.text
        case "30/6": return indicator.target(at: .midYear(2021))?.target.text
        case "31/12": return indicator.target(at: .yearEnd(2021))?.target.text
        default: return indicator.target(at: .yearEnd(Int(parts[1])!))?.target.text
        }
    }

    @Test("targets and baselines as printed", arguments: seedValues)
    func targetTexts(label: String, expected: String) throws {
        #expect(value(label) == expected)
        let seed = try String(contentsOf: TestFiles.seed, encoding: .utf8)
        #expect(seed.contains(expected), "«\(expected)» is not in the seed")
    }

    @Test("weights, budget figures, assignments, staff and POLA as printed")
    func figures() throws {
        let o112 = try #require(index.entry("1.1.2")?.sheet)
        #expect(o112.weight == 70)
        #expect(o112.indicators.map(\.weight) == [30, 25, 15, 30])
        #expect(o112.budgetLines?.first?.amounts.first?.amount.cents == 737_737_652)
        let s11 = try #require(index.entry("1.1")?.sheet as? StrategicObjective)
        #expect(s11.split == ResultSplit(ownIndicators: 50, operationalObjectives: 50))
        #expect(s11.indicators[0].targets.map(\.weight) == [40, 30, 30])
        #expect(s11.budgetLines?.contains { $0.amounts.contains { $0.year == 2022 && $0.amount.text == "€ 292.058,55" } } == true)
        #expect(index.entry("3.2.1")?.sheet.indicators.map(\.weight) == [100, 100])
        #expect(index.entry("PB.1")?.sheet.indicators.map(\.weight) == [nil, nil])
        #expect(index.entry("PB.3")?.sheet.budgetLines?.first?.amounts.first?.amount.text == "€ 1.171.568,59")

        let assignments = try #require(plan.assignments)
        #expect(assignments.map(\.manager) == ["ziletti", "taioli", "vairano", "zorzi"])
        for assignment in assignments { #expect(assignment.objectives.reduce(0) { $0 + $1.weight } == 100) }
        #expect(assignments[0].objectives.first { $0.objective == "3.2" }?.weight == 18)
        #expect(assignments[1].objectives.first { $0.objective == "2.2.1" }?.weight == 15)
        #expect(assignments[2].objectives.first { $0.objective == "1.1.2" }?.weight == 20)

        let staff = try #require(plan.organization.staff)
        #expect(staff.total == 133 && staff.byCategory.reduce(0) { $0 + $1.count } == 133)
        #expect(plan.organization.managers.count == 4)
        let pola = try #require(plan.agileWork)
        #expect(pola.monthly.count == 12)
        #expect(pola.monthly[2].agileDaysInMonth == 1448 && pola.monthly[2].agileWorkers == 114)
        #expect(plan.scenario?.enterprisesBySector?.total == 117_391)
        #expect(plan.scenario?.enterprisesBySector?.rows.reduce(0) { $0 + $1.count } == 117_391)
        #expect(plan.acts?.contains { $0.kind == .adoption && $0.number == "45" && $0.date == Day(2021, 4, 26) } == true)
    }

    @Test("every target of the plan is typed; none but the listed milestones falls back to a milestone")
    func everyTargetTyped() {
        var milestones: Set<String> = []
        for (_, indicator, _) in index.indicators {
            for entry in indicator.targets {
                if case .milestone = entry.target.kind { milestones.insert(entry.target.text) }
            }
        }
        // Every milestone is a stage of work, not a quantity the parser missed.
        for text in milestones {
            #expect(!text.contains(where: \.isNumber) || text.contains("2021") || text.contains("2022"), "«\(text)» read as a milestone")
        }
        #expect(milestones.contains("Bozza nuovi articoli"))
    }
}
