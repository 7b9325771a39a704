import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// The renderers of the schede, the bonus and the differentiation report, on the Brescia demo's illustrative year.
@Suite("Appraisal outputs: text and rows")
struct AppraisalOutputTests {
    @Test("a scheda's text shows each behaviour with its label and comment; a person not appraised says why")
    func schedaText() throws {
        let (_, context) = try AppraisalYearFileTests.example()
        let schede = AppraisalScoring.appraiseAll(context)
        let p001 = AppraisalText.scheda(try #require(schede.first { $0.person == "p001" }), context: context)
        #expect(p001.contains("ESEMPIO ILLUSTRATIVO"))
        #expect(p001.contains("  - Qualità e precisione del lavoro: 4 (Buono)\n    «Buono e costante nel corso dell'anno.»"))
        #expect(p001.contains("Punteggio finale: 84,14 punti su 100"))
        let p012 = AppraisalText.scheda(try #require(schede.first { $0.person == "p012" }), context: context)
        #expect(p012.hasSuffix("Non valutabile: Servizio nell'anno di 2 mesi, meno dei 3 richiesti dal SMVP.\n"))
    }

    @Test("the rows: one per person; the bonus in exact cents adding up to each fund; the report per profile and evaluator")
    func rows() throws {
        let (file, context) = try AppraisalYearFileTests.example()
        let schede = AppraisalScoring.appraiseAll(context)
        let table = AppraisalRows.schede(schede, context: context)
        #expect(table.rows.count == 134)
        let distributions = AppraisalBonus.distributions(schede: schede, context: context, funds: file.fundCents(profile:))
        let bonus = AppraisalRows.bonus(distributions, context: context)
        let cents = try #require(bonus.columns.firstIndex { $0.header == "Premio in centesimi" })
        let profile = try #require(bonus.columns.firstIndex { $0.header == "Profilo" })
        var totals: [String: Int] = [:]
        for row in bonus.rows {
            guard case .text(let id) = row[profile], case .integer(let value) = row[cents] else { continue }
            totals[id, default: 0] += value
        }
        #expect(totals == ["dirigenti": 4_500_000, "eq": 1_800_000, "comparto": 12_000_000])
        let text = AppraisalText.bonus(distributions, context: context)
        #expect(text.contains("Distribuito € 120.000,00 a 123 persone: il fondo è distribuito per intero."))
        #expect(text.contains("p012 Persona illustrativa 012: punti —, € 0,00 — non valutato o scheda non completa"))
        let report = DifferentiationReport(appraisals: schede, smvp: context.smvp, year: 2021)
        let rows = AppraisalRows.differentiation(report)
        #expect(rows.rows.count == report.byProfile.count + report.byEvaluator.count)
        #expect(SpreadsheetCSV.text(rows).contains("valutatore;taioli;taioli;73;"))
    }
}
