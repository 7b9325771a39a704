import ArgumentParser
import Foundation
import Performa
import PerformaFormats
import PerformaReports

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Stampa il Piano della Performance, la Relazione sulla Performance, il Monitoraggio al 30/6 o il PIAO, in HTML o PDF.",
        discussion: """
        piano: il Piano con schede obiettivo, albero, assegnazioni ai dirigenti e POLA. \
        relazione: i risultati dell'anno (--results) con scostamenti, correzioni OIV, dirigenti e rilievi del validatore. \
        monitoraggio: i valori al 30/6 (--results) e gli indicatori a rischio per il 31/12. \
        piao: il Piano Integrato di Attività e Organizzazione (DM 132/2022) di cui il piano è la sottosezione 2.2; \
        con --results aggiunge il grado di raggiungimento del valore pubblico e lo stato delle misure anticorruzione. \
        Il PDF si crea con Chromium senza interfaccia (comando chromium, chromium-browser o google-chrome); \
        se manca, il comando esce con stato 2. Esempio: performa report relazione piano.yaml --results risultati-2021.yaml --format pdf --output relazione.pdf
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case piano, relazione, monitoraggio, piao }
    enum Format: String, ExpressibleByArgument, CaseIterable { case html, pdf }

    @Argument(help: "Il documento: piano, relazione, monitoraggio oppure piao.")
    var kind: Kind

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "Il file dei risultati (necessario per relazione e monitoraggio, facoltativo per piao).")
    var results: String?

    @Option(name: .long, help: "Anno dei risultati (predefinito: l'anno operativo del piano).")
    var year: Int?

    @Option(name: .long, help: "Formato: html oppure pdf.")
    var format: Format = .html

    @Option(name: .long, help: "Il file da scrivere (per html, senza questa opzione il documento va sullo schermo).")
    var output: String?

    func validate() throws {
        if kind == .piano && results != nil { throw ValidationError("L'opzione --results vale solo per relazione e monitoraggio.") }
        if kind == .piano && year != nil { throw ValidationError("L'opzione --year vale solo per relazione e monitoraggio.") }
        if kind != .piano && kind != .piao && results == nil { throw ValidationError("Per \(kind.rawValue) serve il file dei risultati: --results FILE.") }
        if format == .pdf && output == nil { throw ValidationError("Per il formato pdf serve il file da scrivere: --output FILE.") }
    }

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        if let year, !loaded.span.years.contains(year) {
            throw ValidationError("Anno \(year) fuori dal periodo del piano (\(loaded.span.from)-\(loaded.span.to)).")
        }
        let html: String
        switch kind {
        case .piano:
            html = PlanDocument(plan: loaded).render()
        case .relazione:
            html = PerformanceReport(plan: loaded, results: try loadResults(loaded), year: year).render()
        case .monitoraggio:
            html = MidYearReport(plan: loaded, results: try loadResults(loaded), year: year).render()
        case .piao:
            guard loaded.piao != nil else {
                throw ValidationError("Il piano non contiene il PIAO (chiave piao del file, vedi docs/plan-format.md).")
            }
            let results = try self.results.map { try CommandSupport.loadResults($0, plan: loaded) }
            html = PIAODocument(plan: loaded, results: results, checkpoint: year.map(Day.yearEnd)).render()
        }
        switch format {
        case .html:
            try CommandSupport.write(html, to: output)
        case .pdf:
            guard let output else { return }
            do {
                try ChromiumPDF.print(html: html, to: URL(fileURLWithPath: output))
            } catch {
                CommandSupport.printError("Errore: \(error)")
                throw ExitCode(2)
            }
        }
    }

    private func loadResults(_ plan: Plan) throws -> Results {
        // validate() has made sure the option is there for these documents.
        try CommandSupport.loadResults(results ?? "", plan: plan)
    }
}
