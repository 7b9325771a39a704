import PerformaBulk
import PropertyBased
import Testing
@testable import Performa

/// The PIAO in the domain: which sections each size of administration owes, how a risk is rated, how prevention
/// measures are scored beside the plan without changing it, how public value rolls up, which office each change
/// belongs to, and the edits of the RPCT and the HR office.
@Suite("PIAO")
struct PIAOTests {
    /// A small plan with a measure of its own (`MPC.2`) and one that is operational objective 1.1.1.
    static func plan(employees: Int = 120) -> Plan {
        let operational = [
            PlanBuilder.operational("1.1.1", weight: 50, indicators: [PlanBuilder.indicator(1, "100%", weight: 100, midYear: "50%")]),
            PlanBuilder.operational("1.1.2", weight: 50, indicators: [PlanBuilder.indicator(1, "n. 10", weight: 100)]),
        ]
        let strategic = StrategicObjective(code: "1.1", title: "Strategico", weight: 100, split: ResultSplit(ownIndicators: 0, operationalObjectives: 100),
                                           operationalObjectives: operational)
        var plan = PlanBuilder.plan(areas: [StrategicArea(code: "1", title: "Area", weight: 100, objectives: [strategic])],
                                    assignments: [Assignment(manager: "rossi", objectives: [AssignedObjective(objective: "1.1", weight: 100)])])
        plan = SyntheticPIAO.attach(to: plan, employees: employees, seed: 7)
        return plan
    }

    @Test("fewer than 50 employees owe the simplified PIAO; 50 or more, or an unknown size, the ordinary one")
    func kinds() {
        #expect(PIAOKind(employees: 30) == .simplified)
        #expect(PIAOKind(employees: 49) == .simplified)
        #expect(PIAOKind(employees: 50) == .ordinary)
        #expect(PIAOKind(employees: nil) == .ordinary)
        #expect(PIAOKind.simplified.dueSections == [.registry, .risks, .organization, .agileWork, .staffing])
        #expect(Set(PIAOKind.ordinary.dueSections) == Set(PIAOSection.allCases))
    }

    @Test("qualitative rating: the level most indicators share, ties to the higher; a stated rating prevails")
    func qualitativeRating() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...2).array(of: 1...6)) { ranks in
            let levels = ranks.map { RiskLevel.allCases[$0] }
            let assessment = RiskAssessment(exposure: zip(ExposureIndicator.allCases, levels).map { ExposureRating(indicator: $0, level: $1) })
            let rating = assessment.level(by: .qualitative)
            let counts = RiskLevel.allCases.map { level in levels.filter { $0 == level }.count }
            let most = counts.max() ?? 0
            let expected = RiskLevel.allCases.last { counts[RiskLevel.allCases.firstIndex(of: $0)!] == most }
            #expect(rating == expected)
            var stated = assessment
            stated.rating = .low
            #expect(stated.level(by: .qualitative) == .low)
        }
    }

    @Test("numeric rating: probability × impact banded 1–7 low, 8–14 medium, 15–25 high; out of range is unrated")
    func numericRating() async {
        await propertyCheck(count: 300, input: Gen.int(in: -1...7), Gen.int(in: -1...7)) { probability, impact in
            let rating = RiskAssessment(probability: probability, impact: impact).level(by: .numeric)
            guard (1...5).contains(probability), (1...5).contains(impact) else { #expect(rating == nil); return }
            let score = probability * impact
            #expect(rating == (score >= 15 ? .high : score >= 8 ? .medium : .low))
        }
    }

    @Test("measures are scored like objectives, at level measure, and change no result of the plan")
    func measuresBesideThePlan() throws {
        let plan = Self.plan()
        var without = plan
        without.piao = nil
        let results = try PlanBuilder.results([("1.1.1/1", .yearEnd(2021), "80%"), ("1.1.2/1", .yearEnd(2021), "10"), ("MPC.2/1", .yearEnd(2021), "50%")])
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let bare = Scorer(plan: without).scorecard(results: results, at: .yearEnd(2021))
        #expect(card.result == bare.result)
        #expect(card.areas == bare.areas && card.managers == bare.managers)
        let measure = try #require(card.objectives.first { $0.key == "MPC.2" })
        #expect(measure.level == .measure)
        #expect(abs((measure.score.final ?? 0) - 0.5) < 1e-9)
        // MPC.1 is operational objective 1.1.1 itself: no objective of its own, the objective's score.
        #expect(!card.objectives.contains { $0.key == "MPC.1" })
        let scores = PIAOScores(plan: plan, scorecard: card)
        let linked = try #require(scores.measures.first { $0.measure.code == "1" })
        #expect(linked.score == card.objectives.first { $0.key == "1.1.1" }?.score)
        #expect(linked.indicators.map(\.key.description) == ["1.1.1/1"])
        #expect(PlanIndex(plan).entries.filter { $0.level == .measure }.map(\.key) == ["MPC.2", "MPC.3", "MPC.4"])
    }

    @Test("a public-value objective achieves the mean of its objectives' achievements")
    func publicValue() throws {
        var plan = Self.plan()
        plan.piao?.publicValue = [PublicValueObjective(code: "VP1", title: "Imprese più competitive", objectives: ["1.1.1", "1.1.2"])]
        let results = try PlanBuilder.results([("1.1.1/1", .yearEnd(2021), "80%"), ("1.1.2/1", .yearEnd(2021), "5")])
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let value = try #require(PIAOScores(plan: plan, scorecard: card).publicValue.first)
        #expect(abs((value.score.final ?? 0) - (0.8 + 0.5) / 2) < 1e-9)
        #expect(value.parts.map(\.achievement) == [0.8, 0.5])
    }

    @Test("the validator asks for every due section, and only those; links and measures are checked")
    func validation() {
        let complete = Self.plan()
        #expect(PlanValidator().validate(complete).filter { $0.code.hasPrefix("P-") && $0.severity == .error }.isEmpty)
        var empty = Self.plan(employees: 30)
        empty.piao = PIAO()
        empty.agileWork = nil
        let missing = PlanValidator().validate(empty).filter { $0.code == "P-SECTION" }.map(\.location)
        #expect(missing == ["piao:1", "piao:2.3", "piao:3.2", "piao:3.3"])
        var ordinary = Self.plan(employees: 200)
        ordinary.piao?.publicValue = nil
        ordinary.piao?.risks?.measures[1].owner = "nessuno"
        ordinary.piao?.risks?.measures[2].objective = "1.1.2"
        let findings = PlanValidator().validate(ordinary)
        #expect(findings.contains { $0.code == "P-SECTION" && $0.location == "piao:2.1" })
        #expect(findings.contains { $0.code == "P-LINK" && $0.location == "MPC.2" })
        #expect(findings.contains { $0.code == "P-MEASURE" && $0.location == "MPC.3" && $0.severity == .error })
        #expect(!findings.contains { $0.code == "A-NONE" && $0.location.hasPrefix("MPC.") })
    }

    @Test("each change belongs to one office: the 2.3 register, the staffing plan, or the rest of the plan")
    func parts() {
        let plan = Self.plan()
        var register = plan
        register.piao?.risks?.measures[1].timing = "entro il 30/6"
        #expect(PlanPart.changed(from: plan, to: register) == [.riskRegister])
        var staffing = plan
        staffing.piao?.training = []
        #expect(PlanPart.changed(from: plan, to: staffing) == [.organizationAndStaff])
        var both = register
        both.title = "Altro titolo"
        #expect(PlanPart.changed(from: plan, to: both) == [.riskRegister, .rest])
        #expect(PlanPart.changed(from: plan, to: plan).isEmpty)
    }

    @Test("the RPCT's measure form: a new measure gets its indicator, unknown risks and owners are refused")
    func measureEdit() throws {
        let plan = Self.plan()
        let fields = PIAOEdit.MeasureFields(title: "Rotazione del personale", kind: .general, risks: ["P01.R1"], owner: "rossi")
        let indicator = PlanEdit.IndicatorFields(title: "Incarichi ruotati", targets: [(.yearEnd(2021), "n. 2", nil)])
        let edited = try PIAOEdit.setMeasure(plan, code: nil, newCode: "9", fields, indicator: indicator)
        let measure = try #require(edited.piao?.risks?.measures.last)
        #expect(measure.key == "MPC.9" && measure.indicators?.first?.weight == 100)
        #expect(PlanIndex(edited).entry("MPC.9") != nil)
        #expect(PlanPart.changed(from: plan, to: edited) == [.riskRegister])
        #expect(throws: EditError(field: "rischi", message: "L'evento rischioso «P99.R1» non è nel registro (codici come P01.R1).")) {
            var wrong = fields
            wrong.risks = ["P99.R1"]
            _ = try PIAOEdit.setMeasure(plan, code: nil, newCode: "9", wrong, indicator: indicator)
        }
        #expect(throws: EditError.self) { _ = try PIAOEdit.setMeasure(plan, code: nil, newCode: "2", fields, indicator: indicator) }
        // The measure that is an objective keeps that objective's indicators.
        let linked = try PIAOEdit.setMeasure(plan, code: "1", newCode: "1", fields, indicator: indicator)
        #expect(linked.piao?.risks?.measures.first?.indicators == nil)
        #expect(linked.piao?.risks?.measures.first?.objective == "1.1.1")
    }

    @Test("the staffing form replaces the movements; the projection is the start less departures plus hires")
    func staffing() throws {
        let plan = Self.plan(employees: 100)
        let edited = try PIAOEdit.setStaffing(plan, rows: [
            PIAOEdit.StaffingRow(year: 2021, category: "Categoria C", departures: 3, hires: 0),
            PIAOEdit.StaffingRow(year: 2022, category: "Categoria C", departures: 1, hires: 4, channel: "concorso"),
        ], capacity: [YearAmount(year: 2022, amount: Amount("120.000,00"))])
        let staffing = try #require(edited.piao?.staffing)
        let start = try #require(edited.organization.staff)
        let startC = try #require(start.byCategory.first { $0.category == "Categoria C" }?.count)
        #expect(staffing.projected(from: start, through: 2021).first { $0.category == "Categoria C" }?.count == startC - 3)
        #expect(staffing.projected(from: start, through: 2023).first { $0.category == "Categoria C" }?.count == startC - 3 - 1 + 4)
        #expect(PlanPart.changed(from: plan, to: edited) == [.organizationAndStaff])
        #expect(throws: EditError.self) {
            _ = try PIAOEdit.setStaffing(plan, rows: [PIAOEdit.StaffingRow(year: 2030, category: "C", departures: 1, hires: 0)], capacity: [])
        }
        #expect(throws: EditError.self) {
            _ = try PIAOEdit.setStaffing(plan, rows: [], capacity: [YearAmount(year: 2021, amount: Amount("molti"))])
        }
    }
}
