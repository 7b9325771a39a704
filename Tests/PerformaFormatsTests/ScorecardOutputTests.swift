import Foundation
import Testing
import Performa
@testable import PerformaFormats
import PerformaReports

@Suite("Scorecard, tree and diagnostics output")
struct ScorecardOutputTests {
    func bresciaCard(at checkpoint: Day = .yearEnd(2021)) throws -> (Plan, Scorecard) {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        return (plan, Scorer(plan: plan).scorecard(results: results, at: checkpoint, fundCents: 15_000_000))
    }

    @Test("the Brescia scorecard has every objective, the 3 areas, the organization and the 4 managers")
    func complete() throws {
        let (plan, card) = try bresciaCard()
        #expect(card.objectives.count == PlanIndex(plan).entries.count)
        #expect(card.areas.count == 3 && card.areas.allSatisfy { $0.score.final != nil })
        #expect(card.result.final != nil)
        #expect(card.managers.map(\.manager) == ["ziletti", "taioli", "vairano", "zorzi"])
        #expect(card.managers.allSatisfy { $0.score.final != nil })
        #expect(card.illustrative)
    }

    @Test("JSON output is valid and carries percentages with two decimals")
    func json() throws {
        let (_, card) = try bresciaCard()
        let text = try ScorecardDocument(card).json()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["checkpoint"] as? String == "2021-12-31")
        let rows = object?["rows"] as? [[String: Any]] ?? []
        #expect(rows.contains { $0["key"] as? String == "1.1.2" && $0["achievement"] as? Double == 99.27 })
        #expect(rows.filter { $0["level"] as? String == "dirigente" }.count == 4)
    }

    @Test("CSV output has Italian headers and decimal commas")
    func csv() throws {
        let (_, card) = try bresciaCard()
        let lines = ScorecardRows.csv(card).split(separator: "\r\n")
        #expect(lines.first == "\u{FEFF}livello;codice;titolo;padre;peso;target;valore;raggiungimento;calcolato;motivo_correzione_oiv;stato;nota")
        #expect(lines.contains { $0.hasPrefix("operativo;1.1.2;") && $0.contains(";99,27;") })
    }

    @Test("the text scorecard prints the OIV correction with both values and the reason")
    func text() throws {
        let (_, card) = try bresciaCard()
        let text = ScorecardText.render(card)
        #expect(text.contains("ATTENZIONE: valori illustrativi"))
        #expect(text.contains("2.3.1/2: calcolato 84,00%, validato 100,00%"))
        #expect(text.contains("Valorizzazione") == false || card.valorization != nil)
    }

    @Test("the tree text lists every objective with its managers; the SVG draws every node, escaped")
    func tree() throws {
        var plan = try TestFiles.brescia()
        let text = TreeText.render(plan)
        for entry in PlanIndex(plan, measures: false).entries {
            #expect(text.contains(entry.sheet.code + " – "))
        }
        #expect(text.contains("1.1.2 – Riorganizzazione procedimento concessione ed erogazione bandi camerali e ADP (peso 70%) [Massimo Ziletti, Antonella Vairano]"))
        plan.areas[0].title = "Area <script>alert('x')</script> & co"
        for colouring in PerformanceTreeSVG.Colouring.allCases {
            let svg = PerformanceTreeSVG(plan: plan, colouring: colouring, link: { "/obiettivi/\($0)" }).render()
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(!svg.contains("<script>"))
            #expect(svg.contains("&lt;script&gt;"))
            #expect(svg.contains("href=\"/obiettivi/2.4.1\""))
            #expect(svg.components(separatedBy: "<rect").count - 1 >= PlanIndex(plan, measures: false).entries.count + 4)
        }
    }

    @Test("validator findings print with code, location and Italian message")
    func diagnostics() throws {
        let plan = try TestFiles.brescia()
        let text = DiagnosticsText.render(PlanValidator().validate(plan), planTitle: plan.title)
        #expect(text.contains("ERRORE W-SUM [3.2.1]"))
        #expect(text.contains("ERRORE W-MISSING [PB.1]"))
        #expect(text.contains("Totale: "))
    }
}
