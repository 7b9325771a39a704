import ArgumentParser
import Foundation
import Performa
import PerformaFormats
import PerformaStore

struct MeasurementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measurements",
        abstract: "Rilevazioni nel database: importazione di un file di risultati e storia delle correzioni.",
        subcommands: [MeasurementsImportCommand.self, MeasurementsHistoryCommand.self]
    )
}

struct MeasurementsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importa un file di risultati (rilevazioni, neutralizzazioni, correzioni OIV), in una sola transazione.",
        discussion: """
        Ogni valore è controllato sul piano in vigore nel database; al primo errore non si scrive nulla. \
        Reimportare lo stesso file non aggiunge nulla; un valore diverso diventa una correzione, che si aggiunge alla storia.
        """
    )

    @Argument(help: "Il file dei risultati (YAML o JSON).")
    var file: String

    @Option(name: .long, help: "L'ente (serve solo se più enti hanno un piano con lo stesso identificativo).")
    var organization: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        // Size and encoding are checked before anything is parsed or the store is opened.
        let text = try CommandSupport.reporting { try InputLimits.text(contentsOf: url) }
        let planID = try Self.planID(in: text, fileName: url.lastPathComponent)
        let organization = self.organization
        let (outcome, address) = try await StoreCommandSupport.withStore(options) { store in
            let context = try await StoreCommandSupport.context(for: planID, organization: organization, in: store)
            let plan = try await store.plan(context, id: planID, version: nil).plan
            let results = try ResultsFile.read(text, plan: plan, fileName: url.lastPathComponent)
            return (try await store.importResults(context, results), store.address)
        }
        print("""
            Risultati importati nel piano «\(planID)» (\(address)): \(outcome.measurementsAppended) rilevazioni aggiunte, \
            \(outcome.measurementsAlreadyPresent) già presenti, \(outcome.neutralisationsWritten) neutralizzazioni e \
            \(outcome.overridesWritten) correzioni OIV scritte, \(outcome.unchanged) invariate.
            """)
    }

    /// The plan a results file belongs to (its top-level `plan` field), read before the plan is known. When it cannot
    /// be found, the full reader reports the file's problem with its line and field.
    static func planID(in text: String, fileName: String) throws -> String {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("plan:") {
            let value = line.dropFirst("plan:".count).split(separator: "#").first.map(String.init) ?? ""
            let id = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !id.isEmpty { return id }
        }
        if let range = text.range(of: #""plan"\s*:\s*"([^"]+)""#, options: .regularExpression) {
            let match = text[range]
            if let open = match.dropLast().lastIndex(of: "\"") { return String(match[match.index(after: open)..<match.index(before: match.endIndex)]) }
        }
        let placeholder = Plan(id: "", title: "", span: YearSpan(from: 2000, to: 2000), year: 2000, organization: Organization(id: "", name: ""))
        _ = try CommandSupport.reporting { try ResultsFile.read(text, plan: placeholder, fileName: fileName) }
        CommandSupport.printError("Errore: \(fileName): manca il campo «plan» con l'identificativo del piano.")
        throw ExitCode(2)
    }
}

struct MeasurementsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Mostra la storia delle rilevazioni di un indicatore: ogni valore, chi e quando; l'ultimo è quello valido."
    )

    @Argument(help: "L'identificativo del piano.")
    var planID: String

    @Argument(help: "L'indicatore, OBIETTIVO/N (es. 1.1.2/1).")
    var indicator: String

    @Option(name: .long, help: "La scadenza, AAAA-MM-GG (predefinite: tutte quelle del piano).")
    var at: String?

    @Option(name: .long, help: "L'ente (serve solo se più enti hanno un piano con lo stesso identificativo).")
    var organization: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let key = IndicatorKey(parsing: indicator) else { throw ValidationError("Indicatore non valido: «\(indicator)» (usare OBIETTIVO/N, es. 1.1.2/1).") }
        let day = try at.map { text in
            guard let day = Day(parsing: text) else { throw ValidationError("Data non valida per --at: «\(text)» (usare AAAA-MM-GG).") }
            return day
        }
        let (planID, organization) = (self.planID, self.organization)
        let history = try await StoreCommandSupport.withStore(options) { store in
            let context = try await StoreCommandSupport.context(for: planID, organization: organization, in: store)
            return try await store.measurements(context, planID: planID).filter { $0.indicator == key && (day == nil || $0.at == day) }
        }
        guard !history.isEmpty else {
            print("Nessuna rilevazione per l'indicatore \(key)\(day.map { " al \($0.italian)" } ?? "").")
            return
        }
        for entry in history {
            let isCurrent = !history.contains { $0.at == entry.at && $0.revision > entry.revision }
            let note = entry.note.map { " — \($0)" } ?? ""
            print("\(entry.at.italian)  n. \(entry.revision)\(isCurrent ? " (valido)" : "")  \(entry.text)  [\(entry.author), \(StoreCommandSupport.moment(entry.recordedAt))]\(note)")
        }
    }
}
