import ArgumentParser
import Foundation
import Performa
import PerformaFormats
import PerformaStore

struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Personale dell'ente per la valutazione individuale: controlla, converte ed esporta la tabella in CSV o XLSX.",
        discussion: "Colonne e valori sono descritti in docs/smvp-format.md (sezione sul personale); il modello vuoto si ottiene con «performa people template».",
        subcommands: [PeopleImportCommand.self, PeopleExportCommand.self, PeopleTemplateCommand.self]
    )

    /// `--format`: CSV or XLSX; by default from the file's extension.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx
        func resolved() -> PeopleFile.Format { PeopleFile.Format(rawValue: rawValue)! }
    }

    static func load(_ path: String, format: Format?) throws -> [Person] {
        try SpreadsheetCommandSupport.reporting {
            try PeopleFile.read(contentsOf: URL(fileURLWithPath: path), format: format?.resolved())
        }
    }

    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            CommandSupport.printError("Errore: impossibile scrivere «\(path)» (\(error.localizedDescription))")
            throw ExitCode(2)
        }
    }
}

struct PeopleImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Legge e controlla una tabella del personale (CSV o XLSX); la scrive nel database (--organization, --year) o in --output.",
        discussion: """
        Il file è letto per intero: al primo problema non si scrive nulla e l'errore indica la riga e la colonna \
        (per esempio un codice fiscale errato, una categoria sconosciuta, una matricola ripetuta). Con --organization e \
        --year sostituisce in una transazione il personale di quell'anno nel database, con i valutatori ricavati dalle \
        strutture del piano dell'ente; con --output riscrive la tabella in CSV o XLSX (dall'estensione).
        """
    )

    @Argument(help: "La tabella del personale: file .csv o .xlsx (foglio «Personale»).")
    var file: String

    @Option(name: .long, help: "Formato del file: csv oppure xlsx (predefinito: dall'estensione).")
    var format: PeopleCommand.Format?

    @Option(name: .long, help: "Scrive la tabella controllata in questo file (.csv oppure .xlsx).")
    var output: String?

    @Option(name: .long, help: "Scrive il personale nel database per questo ente (serve anche --year).")
    var organization: String?

    @Option(name: .long, help: "L'anno del personale da scrivere nel database (con --organization).")
    var year: Int?

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if (organization == nil) != (year == nil) { throw ValidationError("Per scrivere nel database servono insieme --organization e --year.") }
    }

    func run() async throws {
        let people = try PeopleCommand.load(file, format: format)
        print("\(file): \(PeopleFile.summary(people)). Nessun errore.")
        if let organization, let year {
            let context = AccessContext.commandLine(organization: organization)
            let stored = try await StoreCommandSupport.withStore(options) { store in
                let units = try await store.staffOrganization(context, year: year)
                return try await store.replacePeople(context, year: year, people, organization: units)
            }
            print("Personale \(year) dell'ente «\(organization)» sostituito nel database: \(stored.count) persone.")
        }
        if let output {
            try PeopleCommand.write(try PeopleFile.data(people, format: .of(output)), to: output)
            print("Scritto \(output).")
        }
    }
}

struct PeopleExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Esporta la tabella del personale in CSV o XLSX con le intestazioni in italiano.",
        discussion: """
        Con --organization e --year legge il personale di quell'anno dal database (--database); altrimenti converte \
        la tabella di --people (CSV o XLSX). Scrive in --output nel formato richiesto, o il CSV sullo schermo.
        """
    )

    @Option(name: .long, help: "La tabella del personale da esportare (file .csv o .xlsx), in alternativa al database.")
    var people: String?

    @Option(name: .long, help: "Legge il personale dal database per questo ente (serve anche --year).")
    var organization: String?

    @Option(name: .long, help: "L'anno del personale da leggere dal database (con --organization).")
    var year: Int?

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if (organization == nil) != (year == nil) { throw ValidationError("Per leggere dal database servono insieme --organization e --year.") }
        if (organization == nil) == (people == nil) { throw ValidationError("Indicare la tabella con --people FILE oppure il database con --organization e --year.") }
    }

    @Option(name: .long, help: "Formato: csv oppure xlsx (predefinito: dall'estensione di --output).")
    var format: PeopleCommand.Format?

    @Option(name: .long, help: "Il file da scrivere; senza, il CSV è scritto sullo schermo.")
    var output: String?

    func run() async throws {
        let loaded: [Person]
        if let organization, let year {
            let context = AccessContext.commandLine(organization: organization)
            loaded = try await StoreCommandSupport.withStore(options) { store in try await store.people(context, year: year).map(\.person) }
                .sorted { $0.id < $1.id }
        } else {
            loaded = try PeopleCommand.load(people!, format: nil)
        }
        let resolved = format?.resolved() ?? output.map(PeopleFile.Format.of) ?? .csv
        guard let output else {
            guard resolved == .csv else { throw ValidationError("Per il formato xlsx serve --output FILE.xlsx.") }
            print(PeopleCSV.csv(loaded), terminator: "")
            return
        }
        try PeopleCommand.write(try PeopleFile.data(loaded, format: resolved), to: output)
        print("Scritto \(output): \(PeopleFile.summary(loaded)).")
    }
}

struct PeopleTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Scrive il modello vuoto della tabella del personale (XLSX con le istruzioni, oppure CSV).",
        discussion: "Compilato, si controlla con «performa people import FILE»."
    )

    @Option(name: .long, help: "Formato: csv oppure xlsx (predefinito: dall'estensione di --output).")
    var format: PeopleCommand.Format?

    @Option(name: .long, help: "Il file da scrivere (.xlsx oppure .csv).")
    var output: String

    func run() async throws {
        let resolved = format?.resolved() ?? .of(output)
        try PeopleCommand.write(try PeopleFile.template(format: resolved), to: output)
        print("Scritto il modello \(output).")
    }
}
