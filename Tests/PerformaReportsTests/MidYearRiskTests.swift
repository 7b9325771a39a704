import Foundation
import Performa
import PerformaFormats
import Testing
@testable import PerformaReports

@Suite("Monitoraggio al 30/6: the at-risk rule")
struct MidYearRiskTests {
    static let planText = """
    format: "performa-plan/1"
    id: "prova"
    title: "Piano di prova 2021-2023"
    span: {from: 2021, to: 2023}
    year: 2021
    status: adopted
    organization: {id: "ente", name: "Ente di prova", managers: []}
    areas:
      - code: "1"
        title: "Area"
        objectives:
          - code: "1.1"
            title: "Strategico"
            split: {ownIndicators: 50, operationalObjectives: 50}
            indicators: []
            operationalObjectives:
              - code: "1.1.1"
                title: "Operativo"
                weight: 100
                indicators:
                  - {number: 1, title: "pratiche (proiezione corta)", weight: 15, targets: [{at: 2021-06-30, target: "500"}, {at: 2021-12-31, target: "1300"}]}
                  - {number: 2, title: "pratiche (in linea)", weight: 15, targets: [{at: 2021-06-30, target: "500"}, {at: 2021-12-31, target: "1000"}]}
                  - {number: 3, title: "avanzamento", weight: 15, targets: [{at: 2021-06-30, target: "50%"}, {at: 2021-12-31, target: "100%"}]}
                  - {number: 4, title: "adempimento", weight: 15, targets: [{at: 2021-06-30, target: "SI"}, {at: 2021-12-31, target: "SI"}]}
                  - {number: 5, title: "solo a fine anno", weight: 10, targets: [{at: 2021-06-30, target: "-"}, {at: 2021-12-31, target: "SI"}]}
                  - {number: 6, title: "neutralizzato", weight: 15, targets: [{at: 2021-06-30, target: "10"}, {at: 2021-12-31, target: "20"}]}
                  - {number: 7, title: "in ritardo", weight: 15, targets: [{at: 2021-06-30, target: "100"}, {at: 2021-12-31, target: "400"}]}
    """

    static let resultsText = """
    format: "performa-results/1"
    plan: "prova"
    measurements:
      - {indicator: "1.1.1/1", at: 2021-06-30, value: "600"}
      - {indicator: "1.1.1/2", at: 2021-06-30, value: "600"}
      - {indicator: "1.1.1/3", at: 2021-06-30, value: "40%", note: "bando pubblicato a luglio"}
      - {indicator: "1.1.1/7", at: 2021-06-30, value: "90"}
    neutralisations:
      - {indicator: "1.1.1/6", from: 2021-06-30, reason: "servizio sospeso"}
    """

    let plan: Plan
    let results: Results
    let report: MidYearReport
    let lines: [MidYearReport.Line]

    init() throws {
        plan = try PlanFile.read(Self.planText)
        results = try ResultsFile.read(Self.resultsText, plan: plan)
        report = MidYearReport(plan: plan, results: results)
        lines = report.lines(Scorer(plan: plan).scorecard(results: results, at: .midYear(2021)))
    }

    private func outcome(_ number: Int) throws -> MidYearRisk.Assessment {
        try #require(lines.first { $0.key.number == number }).assessment
    }

    @Test("the projection factor is the days of the year over the days elapsed at 30/6")
    func factor() {
        #expect(MidYearRisk.projectionFactor(year: 2021) == 365.0 / 181.0)
        #expect(MidYearRisk.projectionFactor(year: 2024) == 366.0 / 182.0)
    }

    @Test("a count on target at 30/6 but projected short of the 31/12 target is at risk")
    func projectionShort() throws {
        let assessment = try outcome(1)
        let projected = 600 * MidYearRisk.projectionFactor(year: 2021)
        #expect(assessment.projected == projected)
        #expect(assessment.outcome == .atRisk([.projectionShort(projected: projected, achievement: projected / 1300)]))
        #expect(try outcome(2).outcome == .onTrack)
        #expect(try outcome(2).projected == projected)
    }

    @Test("an achievement below 100% at 30/6, a missing value, both reasons at once")
    func belowAndMissing() throws {
        #expect(try outcome(3).outcome == .atRisk([.belowMidYearTarget(achievement: 0.8)]))
        #expect(try outcome(3).projected == nil)
        #expect(try outcome(4).outcome == .atRisk([.noValue]))
        let late = try outcome(7)
        #expect(late.outcome == .atRisk([.belowMidYearTarget(achievement: 0.9), .projectionShort(projected: 90 * MidYearRisk.projectionFactor(year: 2021), achievement: 90 * MidYearRisk.projectionFactor(year: 2021) / 400)]))
    }

    @Test("no 30/6 target and neutralised indicators are not flagged")
    func notFlagged() throws {
        #expect(try outcome(5).outcome == .noMidYearTarget)
        #expect(try outcome(6).outcome == .neutralised)
        #expect(lines.filter(\.assessment.isAtRisk).map(\.key.number) == [1, 3, 4, 7])
    }

    @Test("an OIV correction at 30/6 counts instead of the computed achievement")
    func override() throws {
        var corrected = results
        corrected.overrides = [AchievementOverride(subject: "1.1.1/3", at: .midYear(2021), achievement: 100, reason: "bando slittato per causa esterna")]
        let card = Scorer(plan: plan).scorecard(results: corrected, at: .midYear(2021))
        let line = try #require(report.lines(card).first { $0.key.number == 3 })
        #expect(line.assessment.outcome == .onTrack)
    }

    @Test("the document states the rule and lists the indicators at risk with their reasons and notes")
    func document() throws {
        let html = report.render()
        let text = ReportTestSupport.text(html)
        #expect(text.contains(MidYearRisk.ruleText(year: 2021)))
        #expect(text.contains("365/181"))
        let atRisk = try #require(ReportTestSupport.section(html, id: "sintesi", family: "dettaglio"))
        let rows = atRisk.components(separatedBy: "<tr").map(ReportTestSupport.text)
        for line in lines where line.assessment.isAtRisk {
            let row = try #require(rows.first { $0.contains("\(line.key) \(line.indicator.title)") }, "\(line.key)")
            #expect(row.contains(MidYearReport.reasons(line.assessment)))
        }
        #expect(rows.contains { $0.contains("1.1.1/3 avanzamento") && $0.contains("bando pubblicato a luglio") })
        #expect(text.contains("A rischio per il 31/12 4"))
        #expect(!text.contains("1.1.1/2 pratiche (in linea) 500"))
    }
}

@Suite("Monitoraggio al 30/6 on the Brescia plan")
struct BresciaMidYearTests {
    @Test("every operational indicator is listed against its 30/6 target; the late call for funds is at risk")
    func brescia() throws {
        let plan = try ReportTestSupport.brescia()
        let results = try ReportTestSupport.results(plan)
        let report = MidYearReport(plan: plan, results: results)
        let card = Scorer(plan: plan).scorecard(results: results, at: .midYear(2021))
        let lines = report.lines(card)
        let expected = PlanIndex(plan, measures: false).indicators.filter { $0.level != .strategic }.map(\.key)
        #expect(lines.map(\.key) == expected)
        let late = try #require(lines.first { $0.key.description == "1.1.1/2" })
        #expect(late.assessment.outcome == .atRisk([.belowMidYearTarget(achievement: 0.8)]))
        let html = report.render()
        for line in lines {
            let id = "monitoraggio-" + line.key.objective.lowercased().replacingOccurrences(of: ".", with: "-")
            let part = try #require(ReportTestSupport.section(html, id: id, family: "monitoraggio-"), "\(line.key.objective)")
            let row = try #require(part.components(separatedBy: "<tr").map(ReportTestSupport.text).first {
                $0.contains("\(line.indicator.number) \(ReportTestSupport.text(XMLText.escape(line.indicator.title)))")
            }, "\(line.key)")
            if let target = line.score.target { #expect(row.contains(ReportTestSupport.text(XMLText.escape(target.text)))) }
            if let value = line.score.measurement { #expect(row.contains(value.text)) }
            #expect(row.contains(line.assessment.isAtRisk ? "A rischio" : MidYearReport.outcome(line.assessment)))
        }
        #expect(html.contains("@top-right { content: \"DATI ILLUSTRATIVI – NON REALI\""))
    }
}
