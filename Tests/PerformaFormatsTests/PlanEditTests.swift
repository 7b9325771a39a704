import Foundation
import Performa
import PerformaFormats
import Testing

@Suite("PlanEdit: the plan editor's changes, as pure functions")
struct PlanEditTests {
    static func brescia() throws -> Plan {
        try TestFiles.brescia()
    }

    static func fields(code: String = "", title: String, weight: Double? = nil) -> PlanEdit.ObjectiveFields {
        PlanEdit.ObjectiveFields(code: code, title: title, weight: weight, description: nil, unitsInvolved: nil, staffCommitted: nil, relevance: nil, ownShare: nil)
    }

    @Test("an operational objective's code must extend its strategic objective's; duplicates are refused")
    func objectiveCodes() throws {
        let plan = try Self.brescia()
        #expect(throws: EditError.self) { try PlanEdit.addObjective(plan, parent: "2.4", Self.fields(code: "2.5.1", title: "Errato")) }
        #expect(throws: EditError.self) { try PlanEdit.addObjective(plan, parent: "2.4", Self.fields(code: "2.4.1", title: "Doppio")) }
        let added = try PlanEdit.addObjective(plan, parent: "2.4", Self.fields(code: "2.4.2", title: "Obiettivo aggiuntivo", weight: 50))
        #expect(PlanIndex(added).entry("2.4.2")?.level == .operational)
        #expect(PlanIndex(added).entry("2.4.2")?.parent == "2.4")
        // The validator sees the new objective: 2.4's operational weights no longer sum to 100%.
        #expect(PlanValidator().validate(added).contains { $0.code == "W-SUM" && $0.location == "2.4" })
    }

    @Test("a target text left unchanged keeps its reading; a changed one is parsed again")
    func targets() throws {
        let plan = try Self.brescia()
        let key = IndicatorKey(objective: "1.1.2", number: 1)
        let original = try #require(PlanIndex(plan).indicator(key))
        let edited = try PlanEdit.setIndicator(plan, objective: "1.1.2", number: 1, PlanEdit.IndicatorFields(
            title: original.title, baseline: original.baseline?.text,
            targets: [(.midYear(2021), "789", nil), (.yearEnd(2021), "90%", nil)], weight: 30, evidence: original.evidence))
        let indicator = try #require(PlanIndex(edited).indicator(key))
        #expect(indicator.target(at: .midYear(2021))?.target == original.target(at: .midYear(2021))?.target)
        #expect(indicator.target(at: .yearEnd(2021))?.target.kind == .percentAtLeast(90))
        #expect(edited.areas.count == plan.areas.count)
    }

    @Test("a new indicator takes the next number; the special agency's objectives are reached by their key")
    func newIndicator() throws {
        let plan = try Self.brescia()
        let count = try #require(PlanIndex(plan).entry("PB.1")).sheet.indicators.count
        let edited = try PlanEdit.setIndicator(plan, objective: "PB.1", number: nil, PlanEdit.IndicatorFields(
            title: "Visitatori della fiera", baseline: nil, targets: [(.yearEnd(2021), "Almeno 5000", nil)], weight: 20, evidence: nil))
        let sheet = try #require(PlanIndex(edited).entry("PB.1")).sheet
        #expect(sheet.indicators.count == count + 1)
        #expect(sheet.indicators.last?.number == (sheet.indicators.dropLast().map(\.number).max() ?? 0) + 1)
    }

    @Test("an assignment keeps the printed titles of the objectives that stay and refuses unknown objectives")
    func assignments() throws {
        let plan = try Self.brescia()
        let edited = try PlanEdit.setAssignment(plan, manager: "vairano", [("1.1", 50), ("1.1.2", 50)])
        let row = try #require(edited.assignments?.first { $0.manager == "vairano" })
        #expect(row.objectives.map(\.objective) == ["1.1", "1.1.2"])
        #expect(row.objectives.first?.printedTitle == plan.assignments?.first { $0.manager == "vairano" }?.objectives.first { $0.objective == "1.1" }?.printedTitle)
        #expect(throws: EditError.self) { try PlanEdit.setAssignment(plan, manager: "vairano", [("7.7", 100)]) }
        #expect(throws: EditError.self) { try PlanEdit.setAssignment(plan, manager: "nessuno", [("1.1", 100)]) }
        #expect(throws: EditError.self) { try PlanEdit.setAssignment(plan, manager: "vairano", [("1.1", 50), ("1.1", 50)]) }
    }

    @Test("an area with objectives keeps its code")
    func areaCode() throws {
        let plan = try Self.brescia()
        #expect(throws: EditError.self) { try PlanEdit.setArea(plan, code: "1", newCode: "9", title: "Altro", weight: nil) }
        let renamed = try PlanEdit.setArea(plan, code: "1", newCode: "1", title: "Visibilità della Camera", weight: 40)
        #expect(renamed.areas[0].title == "Visibilità della Camera")
        #expect(renamed.areas[0].weight == 40)
    }
}
