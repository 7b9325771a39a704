import ArgumentParser
import Performa
import PerformaFormats

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Calcola il grado di raggiungimento di indicatori, obiettivi, aree, ente, azienda speciale e dirigenti."
    )

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "Il file dei risultati (rilevazioni, neutralizzazioni, correzioni OIV).")
    var results: String

    @Option(name: .long, help: "Scadenza di rilevazione, AAAA-MM-GG (predefinita: 31/12 dell'anno del piano).")
    var at: String?

    @Option(name: .long, help: "Formato: text, json oppure csv.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Fondo per la valorizzazione degli obiettivi, in euro (es. 150000).")
    var fund: Double?

    @Option(name: .long, help: "Scrive il risultato in questo file invece che sullo schermo.")
    var output: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        let measured = try CommandSupport.loadResults(results, plan: loaded)
        let checkpoint: Day
        if let at {
            guard let day = Day(parsing: at) else { throw ValidationError("Data non valida per --at: «\(at)» (usare AAAA-MM-GG, es. 2021-12-31).") }
            checkpoint = day
        } else {
            checkpoint = .yearEnd(loaded.year)
        }
        if let fund, !(fund.isFinite && fund >= 0 && fund < 1e12) {
            throw ValidationError("Importo del fondo non valido: \(fund).")
        }
        let card = Scorer(plan: loaded).scorecard(results: measured, at: checkpoint,
                                                  fundCents: fund.map { Int64(($0 * 100).rounded()) })
        let text: String
        switch format {
        case .text: text = ScorecardText.render(card)
        case .json: text = try ScorecardDocument(card).json()
        case .csv: text = ScorecardRows.csv(card)
        }
        try CommandSupport.write(text, to: output)
    }
}
