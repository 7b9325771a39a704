import ArgumentParser
import Foundation
import Performa
import PerformaFormats

struct OpenDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opendata",
        abstract: "Scrive gli open data di piano e risultati per Amministrazione Trasparente (CSV e JSON).",
        discussion: """
        Scrive nella cartella obiettivi.csv/.json e indicatori.csv/.json, e con --results anche risultati.csv/.json. \
        Le colonne sono fisse e descritte in docs/open-data.md.
        """
    )

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "Il file dei risultati: aggiunge risultati.csv e risultati.json.")
    var results: String?

    @Option(name: .long, help: "Scadenza dei risultati, AAAA-MM-GG (predefinita: 31/12 dell'anno del piano).")
    var at: String?

    @Option(name: .long, help: "Cartella in cui scrivere i file.")
    var output: String

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        let scorecard = try results.map { path in
            Scorer(plan: loaded).scorecard(results: try CommandSupport.loadResults(path, plan: loaded),
                                           at: try SpreadsheetCommandSupport.checkpoint(at, plan: loaded))
        }
        let written: [String]
        do {
            written = try OpenDataExport.write(OpenDataExport.tables(plan: loaded, scorecard: scorecard), to: URL(fileURLWithPath: output))
        } catch {
            CommandSupport.printError("Errore: impossibile scrivere in «\(output)» (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        print("Scritti in \(output): \(written.joined(separator: ", ")).")
    }
}
