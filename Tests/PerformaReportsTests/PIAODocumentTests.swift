import Performa
import PerformaBulk
import Testing
@testable import PerformaReports

/// The PIAO document laid out as the DM 132/2022 template orders it, for a generated administration of each size:
/// the ordinary PIAO has every section, the simplified one (fewer than 50 employees) only what art. 6 asks.
@Suite("PIAO document")
struct PIAODocumentTests {
    static func administration(employees: Int) -> (Plan, Results) {
        let generated = SyntheticPlans(organizations: 1, indicatorsPerOrganization: 40, seed: 11).organization(0)
        return (SyntheticPIAO.attach(to: generated.plan, employees: employees, seed: 11), generated.results)
    }

    /// Section ids in document order.
    static let ordinaryIDs = ["sezione-1", "sezione-2", "valore-pubblico", "pianificazione", "rischi-corruttivi", "sezione-3",
                              "struttura-organizzativa", "pola", "fabbisogni", "sezione-4"]

    @Test("an ordinary PIAO prints every section in the template's order, reusing the Piano's chapters")
    func ordinary() throws {
        let (plan, results) = Self.administration(employees: 180)
        #expect(PIAOKind(plan) == .ordinary)
        #expect(PlanValidator().validate(plan).filter { $0.code == "P-SECTION" }.isEmpty)
        let html = PIAODocument(plan: plan, results: results).render()
        let positions = try Self.ordinaryIDs.map { id in try #require(html.range(of: "id=\"\(id)\"")?.lowerBound, "\(id) missing") }
        #expect(positions == positions.sorted())
        let text = ReportTestSupport.text(html)
        for heading in ["Sezione 1. Scheda anagrafica dell'amministrazione", "2.1 Valore pubblico", "2.2 Performance", "2.2.1 Albero della performance",
                        "2.3 Rischi corruttivi e trasparenza", "3.1 Struttura organizzativa", "3.2 Organizzazione del lavoro agile",
                        "3.3 Piano triennale dei fabbisogni di personale", "Piano della formazione", "Sezione 4. Monitoraggio"] {
            #expect(text.contains(heading), "\(heading)")
        }
        // Subsection 2.2 is the Piano's own planning chapter: every objective sheet of the plan is in it.
        for entry in PlanIndex(plan).entries where entry.level != .measure { #expect(html.contains(entry.key)) }
        for measure in plan.piao?.risks?.measures ?? [] { #expect(text.contains(measure.key)) }
        #expect(html.contains("<svg") && html.contains("Organigramma"))
        #expect(text.contains("contengono dati illustrativi"))
    }

    @Test("a simplified PIAO of 30 employees contains only what art. 6 of DM 132/2022 asks")
    func simplified() throws {
        let (plan, results) = Self.administration(employees: 30)
        #expect(PIAOKind(plan) == .simplified)
        #expect(PlanValidator().validate(plan).filter { $0.code == "P-SECTION" }.isEmpty)
        let html = PIAODocument(plan: plan, results: results).render()
        let text = ReportTestSupport.text(html)
        for id in ["sezione-1", "rischi-corruttivi", "struttura-organizzativa", "pola", "fabbisogni"] { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        for id in ["valore-pubblico", "pianificazione", "sezione-4", "albero"] { #expect(!html.contains("id=\"\(id)\""), "\(id) is not due") }
        #expect(!text.contains("Piano della formazione"))
        #expect(text.contains("semplificato (meno di 50 dipendenti)"))
        #expect(text.contains("art. 1, comma 16, della L. 190/2012"))
    }

    @Test("section 4 names the checkpoints the plan's indicators really have, and the measures are monitored with them")
    func monitoring() {
        let (plan, _) = Self.administration(employees: 180)
        let lines = PIAOMonitoring(plan: plan).lines
        let performance = lines.first { $0.section == .performance }
        #expect(performance?.when.contains("30/06/2021") == true && performance?.when.contains("31/12/2023") == true)
        let risks = lines.first { $0.section == .risks }
        #expect(risks?.when.contains("30/06/2021") == true)
        #expect(risks?.who.contains("RPCT") == true)
    }
}
