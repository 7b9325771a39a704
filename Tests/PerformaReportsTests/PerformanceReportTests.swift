import Foundation
import Performa
import Testing
@testable import PerformaReports

@Suite("Relazione sulla Performance")
struct PerformanceReportTests {
    /// The Brescia Relazione 2021 from the illustrative results, rendered once for the whole suite.
    struct Fixture: Sendable {
        let plan: Plan
        let results: Results
        let card: Scorecard
        let html: String
        let text: String
    }

    static let fixture: Fixture? = {
        guard let plan = try? ReportTestSupport.brescia(), let results = try? ReportTestSupport.results(plan) else { return nil }
        let html = PerformanceReport(plan: plan, results: results, year: 2021).render()
        return Fixture(plan: plan, results: results, card: Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)),
                       html: html, text: ReportTestSupport.text(html))
    }()

    let plan: Plan
    let results: Results
    let card: Scorecard
    let html: String
    let text: String

    init() throws {
        let fixture = try #require(Self.fixture, "the Brescia plan or results cannot be read")
        plan = fixture.plan
        results = fixture.results
        card = fixture.card
        html = fixture.html
        text = fixture.text
    }

    private func percent(_ fraction: Double?) -> String { fraction.map { ItalianNumber.percent($0) } ?? "—" }

    @Test("every indicator shows its target, measured value and achievement on one row of its objective")
    func everyIndicator() throws {
        let index = PlanIndex(plan)
        for entry in index.entries {
            let id = "relazione-" + entry.key.lowercased().replacingOccurrences(of: ".", with: "-")
            let part = try #require(ReportTestSupport.section(html, id: id, family: "relazione-"), "\(entry.key)")
            for indicator in entry.sheet.indicators {
                let scored = try #require(card.indicator(IndicatorKey(objective: entry.key, number: indicator.number)))
                let row = try #require(part.components(separatedBy: "<tr").map(ReportTestSupport.text).first {
                    $0.contains("\(indicator.number) \(ReportTestSupport.text(XMLText.escape(indicator.title))) ")
                }, "row of \(scored.key)")
                if let target = scored.target { #expect(row.contains(ReportTestSupport.text(XMLText.escape(target.text))), "\(scored.key) target") }
                if let measurement = scored.measurement { #expect(row.contains(measurement.text), "\(scored.key) value") }
                if scored.score.status != .notApplicable { #expect(row.contains(DocumentText.score(scored.score)), "\(scored.key) achievement") }
                if let final = scored.score.final { #expect(row.contains(percent(final))) }
            }
        }
    }

    @Test("every objective, area, agency and the organization show the Scorer's rolled-up result")
    func rolledUp() throws {
        for objective in card.objectives {
            let id = "relazione-" + objective.key.lowercased().replacingOccurrences(of: ".", with: "-")
            let part = ReportTestSupport.text(try #require(ReportTestSupport.section(html, id: id, family: "relazione-")))
            #expect(part.contains("Risultato: \(DocumentText.score(objective.score))"), "\(objective.key)")
            #expect(part.contains(objective.key))
            if objective.level == .strategic {
                #expect(part.contains("indicatori propri \(percent(objective.ownIndicators))"))
                #expect(part.contains("obiettivi operativi \(percent(objective.operationalObjectives))"))
            }
        }
        #expect(text.contains("Grado di raggiungimento complessivo dell'ente al 31/12/2021: \(DocumentText.score(card.result))"))
        for area in card.areas { #expect(text.contains("Area strategica \(area.code) – \(area.title) \(DocumentText.weight(area.weight)) \(DocumentText.score(area.score))")) }
        for agency in card.agencies { #expect(text.contains("\(agency.name) — \(DocumentText.score(agency.score))")) }
        for manager in card.managers { #expect(text.contains("Risultato del dirigente 100,00% \(DocumentText.score(manager.score))"), "\(manager.manager)") }
    }

    @Test("deviations carry the managers' notes; OIV corrections show computed and validated values with the reason")
    func deviationsAndCorrections() throws {
        let deviations = try #require(ReportTestSupport.section(html, id: "scostamenti", family: "correzioni"))
        let below = card.indicators.filter { ($0.score.percent ?? 0) < 100 && $0.score.status != .notApplicable && $0.score.status != .neutralised }
        #expect(!below.isEmpty)
        for indicator in below {
            let row = try #require(deviations.components(separatedBy: "<tr").map(ReportTestSupport.text).first { $0.contains("\(indicator.key) ") }, "\(indicator.key)")
            if let note = indicator.measurement?.note { #expect(row.contains(note)) }
        }
        let corrections = ReportTestSupport.text(try #require(ReportTestSupport.section(html, id: "correzioni", family: "dirigenti")))
        for override in results.overrides ?? [] {
            let key = try #require(IndicatorKey(parsing: override.subject))
            let scored = try #require(card.indicator(key))
            #expect(corrections.contains("\(percent(scored.score.computed)) \(percent(scored.score.final)) \(override.reason)"))
        }
        for neutralisation in results.neutralisations ?? [] { #expect(corrections.contains(neutralisation.reason)) }
    }

    @Test("a score the OIV corrected reads «corretto dall'OIV» with the computed one; a confirmed one «validato OIV»")
    func judgementWords() throws {
        let corrected = try #require(card.indicator(IndicatorKey(objective: "2.3.1", number: 2)))
        #expect(corrected.score.judgement == .correction)
        #expect(text.contains("\(percent(corrected.score.final)) (corretto dall'OIV; calcolato \(percent(corrected.score.computed)))"))
        #expect(!text.contains("validato OIV; calcolato"))
        var confirmed = corrected.score
        confirmed.override?.achievement = (confirmed.computed ?? 0) * 100
        #expect(confirmed.judgement == .confirmation)
        #expect(DocumentText.score(confirmed) == "\(percent(confirmed.computed)) (validato OIV)")
    }

    @Test("illustrative results are marked on the cover, in the body and in every page's margin")
    func illustrative() {
        #expect(results.illustrative == true)
        #expect(html.contains("@top-right { content: \"DATI ILLUSTRATIVI – NON REALI\""))
        #expect(html.components(separatedBy: "class=\"illustrative\"").count - 1 == 2)
        var real = results
        real.illustrative = false
        let page = PerformanceReport(plan: plan, results: real).render()
        #expect(!page.contains("class=\"illustrative\"") && !page.contains("DATI ILLUSTRATIVI"))
    }

    @Test("the validator's open findings are listed with code, location and message")
    func findings() throws {
        let findings = PlanValidator().validate(plan)
        #expect(!findings.isEmpty)
        let part = ReportTestSupport.text(try #require(ReportTestSupport.section(html, id: "rilievi", family: "note-calcolo")))
        for finding in findings {
            #expect(part.contains("\(finding.severity.italian) \(finding.code) \(finding.location) \(ReportTestSupport.text(XMLText.escape(finding.message)))"), "\(finding.code) \(finding.location)")
        }
    }

    @Test("charts are SVG pictures with a title, bars for the areas, the objectives and the managers")
    func charts() {
        let pictures = html.components(separatedBy: "<svg").dropFirst()
        #expect(pictures.count == 3)
        for picture in pictures { #expect(picture.contains("role=\"img\"") && picture.contains("<title>")) }
        for manager in card.managers { #expect(pictures.last?.contains(">\(manager.name)</text>") == true) }
    }
}
