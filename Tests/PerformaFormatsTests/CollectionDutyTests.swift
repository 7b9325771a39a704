import Foundation
import Performa
import PerformaFormats
import Testing

/// Who has what to measure at a checkpoint of the Brescia plan: the indicators with a target there on each manager's
/// objectives, and those still without a value, which decide who is reminded.
@Suite("Collection duties")
struct CollectionDutyTests {
    @Test("every indicator due at 31/12/2021 is some manager's; with the 2021 results nothing is missing, without them everything is")
    func bresciaYearEnd() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let checkpoint = Day.yearEnd(2021)
        let all = CollectionDuty.at(checkpoint, plan: plan, results: results)
        let duties = all.filter { $0.manager != nil }
        #expect(Set(duties.compactMap(\.manager)) == Set((plan.assignments ?? []).map(\.manager)))
        let index = PlanIndex(plan)
        let assigned = Set((plan.assignments ?? []).flatMap { $0.objectives.map(\.objective) })
        // Neutralised indicators (2.1.2's, in the 2021 results) are not assessable: nobody is asked for them.
        let neutralised = Set((results.neutralisations ?? []).map(\.indicator))
        #expect(!neutralised.isEmpty)
        let expected = Set(index.indicators.filter { item in
            assigned.contains(item.key.objective) && item.indicator.target(at: checkpoint).map { $0.target.kind != .notApplicable } == true
                && !neutralised.contains(item.key) && item.indicator.neutralised == nil
        }.map(\.key))
        #expect(Set(duties.flatMap(\.due)) == expected)
        let measured = Set(results.measurements.filter { $0.at == checkpoint }.map(\.indicator))
        #expect(Set(duties.flatMap(\.missing)) == expected.subtracting(measured))

        let empty = CollectionDuty.at(checkpoint, plan: plan, results: Results(plan: plan.id)).filter { $0.manager != nil }
        #expect(empty.map(\.missing) == empty.map(\.due))
        #expect(empty.allSatisfy { !$0.due.isEmpty })
    }

    @Test("the RPCT has every prevention measure's indicators due, its own (MPC.n) and those of the objective it is")
    func preventionMeasures() throws {
        let plan = try TestFiles.brescia()
        let checkpoint = Day.yearEnd(2021)
        let duty = try #require(CollectionDuty.at(checkpoint, plan: plan, results: Results(plan: plan.id)).last)
        #expect(duty.holder == .corruptionPrevention && duty.manager == nil)
        let keys = plan.preventionMonitoringKeys
        let expected = PlanIndex(plan).indicators.filter { keys.contains($0.key.objective) && $0.indicator.target(at: checkpoint) != nil }.map(\.key)
        #expect(!expected.isEmpty && Set(duty.due) == Set(expected) && duty.missing == duty.due)
        #expect(duty.due.contains { $0.objective == "3.1.7" } && duty.due.contains { $0.objective.hasPrefix("MPC.") })
        // Without a PIAO the RPCT has nothing to collect.
        var bare = plan
        bare.piao = nil
        #expect(CollectionDuty.at(checkpoint, plan: bare, results: Results(plan: plan.id)).allSatisfy { $0.manager != nil })
    }

    @Test("a value recorded removes the indicator from what is missing, for every manager who shares it")
    func recordedValue() throws {
        let plan = try TestFiles.brescia()
        let checkpoint = Day.yearEnd(2022)
        let before = CollectionDuty.at(checkpoint, plan: plan, results: Results(plan: plan.id))
        let key = try #require(before.first?.due.first)
        let after = CollectionDuty.at(checkpoint, plan: plan, results: Results(plan: plan.id, measurements: [try Measurement(indicator: key, at: checkpoint, text: "1")]))
        #expect(after.allSatisfy { !$0.missing.contains(key) })
        #expect(after.map(\.due) == before.map(\.due))
    }
}
