import ArgumentParser
import Foundation
import Performa
import PerformaFormats

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

    /// `133 persone: 3 dirigenti, 1 Segretario Generale, …`.
    static func summary(_ people: [Person]) -> String {
        let counts = PersonCategory.allCases.compactMap { category -> String? in
            let count = people.filter { $0.category == category }.count
            return count == 0 ? nil : "\(count) \(category.italian)"
        }
        return "\(people.count) persone" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))
    }
}

struct PeopleImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Legge e controlla una tabella del personale (CSV o XLSX); con --output la riscrive nell'altro formato.",
        discussion: """
        Il file è letto per intero: al primo problema non si scrive nulla e l'errore indica la riga e la colonna \
        (per esempio un codice fiscale errato, una categoria sconosciuta, una matricola ripetuta).
        """
    )

    @Argument(help: "La tabella del personale: file .csv o .xlsx (foglio «Personale»).")
    var file: String

    @Option(name: .long, help: "Formato del file: csv oppure xlsx (predefinito: dall'estensione).")
    var format: PeopleCommand.Format?

    @Option(name: .long, help: "Scrive la tabella controllata in questo file (.csv oppure .xlsx).")
    var output: String?

    func run() async throws {
        let people = try PeopleCommand.load(file, format: format)
        print("\(file): \(PeopleCommand.summary(people)). Nessun errore.")
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
        discussion: "Legge la tabella da --people (CSV o XLSX) e la scrive in --output nel formato richiesto."
    )

    @Option(name: .long, help: "La tabella del personale da esportare (file .csv o .xlsx).")
    var people: String

    @Option(name: .long, help: "Formato: csv oppure xlsx (predefinito: dall'estensione di --output).")
    var format: PeopleCommand.Format?

    @Option(name: .long, help: "Il file da scrivere; senza, il CSV è scritto sullo schermo.")
    var output: String?

    func run() async throws {
        let loaded = try PeopleCommand.load(people, format: nil)
        let resolved = format?.resolved() ?? output.map(PeopleFile.Format.of) ?? .csv
        guard let output else {
            guard resolved == .csv else { throw ValidationError("Per il formato xlsx serve --output FILE.xlsx.") }
            print(PeopleCSV.csv(loaded), terminator: "")
            return
        }
        try PeopleCommand.write(try PeopleFile.data(loaded, format: resolved), to: output)
        print("Scritto \(output): \(PeopleCommand.summary(loaded)).")
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
