import ArgumentParser
import Foundation
import Performa
import PerformaBulk
import PerformaFormats

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Genera piani e rilevazioni sintetici, realistici e riproducibili, per prove di carico e benchmark.",
        discussion: """
        Ogni ente ha aree strategiche, obiettivi strategici con indicatori propri, obiettivi operativi e indicatori \
        con target delle forme del Piano di Brescia (quantità, percentuali, riduzioni, SI/NO, fasi, target composti, \
        scadenze, rapporti), pesi che sommano a 100 a ogni livello e obiettivi assegnati a pochi dirigenti. \
        Lo stesso seme dà sempre gli stessi dati: sono valori inventati, segnati come illustrativi. \
        yaml: un file di piano per ente (con --results anche il file dei risultati, NOME-risultati.yaml) nella \
        cartella --output; con un solo ente --output può essere il nome del file. csv: le tabelle piatte del calcolo compilato al --at, \
        lette dal confronto con pandas (scripts/bench/peer_pandas.py). \
        Con --piao-employees N ogni piano ha anche un PIAO di un ente di N dipendenti (semplificato sotto i 50): \
        scheda anagrafica, struttura, POLA, registro dei rischi con misure, fabbisogni e formazione. \
        Esempio: performa generate --organizations 100 --indicators-per-org 300 --seed 1 --output piani --results
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, csv }

    @Option(name: .long, help: "Numero di enti.")
    var organizations: Int

    @Option(name: .customLong("indicators-per-org"), help: "Indicatori per ente (tutti i livelli).")
    var indicatorsPerOrganization: Int

    @Option(name: .long, help: "Seme dei dati generati (stesso seme, stessi dati).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Anno degli obiettivi operativi; il piano copre quell'anno e i due successivi.")
    var year: Int = 2021

    @Option(name: .long, help: "Cartella da scrivere, oppure il file .yaml quando l'ente è uno solo. Senza, il piano va sullo schermo.")
    var output: String?

    @Flag(name: .long, help: "Scrive anche i risultati (rilevazioni al 30/6 e al 31/12, neutralizzazioni, correzioni dell'OIV).")
    var results = false

    @Option(name: .long, help: "Formato: yaml (file di piano) oppure csv (tabelle per il confronto con pandas).")
    var format: Format = .yaml

    @Option(name: .long, help: "Per csv: la scadenza del calcolo, AAAA-MM-GG (predefinita: 31/12 dell'anno).")
    var at: String?

    @Option(name: .customLong("piao-employees"), help: "Aggiunge a ogni piano un PIAO di un ente con questo numero di dipendenti.")
    var piaoEmployees: Int?

    func validate() throws {
        guard organizations >= 1 else { throw ValidationError("--organizations deve essere almeno 1.") }
        guard indicatorsPerOrganization >= 1 else { throw ValidationError("--indicators-per-org deve essere almeno 1.") }
        guard (1900...2197).contains(year) else { throw ValidationError("Anno non valido: \(year).") }
        if format == .csv && output == nil { throw ValidationError("Per il formato csv serve la cartella da scrivere: --output CARTELLA.") }
        if format != .csv && at != nil { throw ValidationError("L'opzione --at vale solo per il formato csv.") }
        if let piaoEmployees, !(1...1_000_000).contains(piaoEmployees) { throw ValidationError("--piao-employees va da 1 a 1.000.000.") }
        if output == nil && (organizations > 1 || results) {
            throw ValidationError("Con più enti o con --results serve --output CARTELLA: i file sono più d'uno.")
        }
        if let output, Self.isFileName(output), organizations > 1 || format == .csv {
            throw ValidationError("«\(output)» è un nome di file: con più enti, o con il formato csv, --output è una cartella.")
        }
    }

    func run() async throws {
        let generator = SyntheticPlans(organizations: organizations, indicatorsPerOrganization: indicatorsPerOrganization, seed: seed, year: year)
        switch format {
        case .csv: try writeTables(generator)
        case .yaml: try writeFiles(generator)
        }
    }

    static func isFileName(_ path: String) -> Bool {
        [".yaml", ".yml"].contains { path.lowercased().hasSuffix($0) }
    }

    /// Plan `index`, with a PIAO when asked for.
    private func plan(_ generator: SyntheticPlans, _ index: Int) -> Plan {
        let plan = generator.plan(index)
        guard let piaoEmployees else { return plan }
        return SyntheticPIAO.attach(to: plan, employees: piaoEmployees, seed: seed &+ UInt64(index))
    }

    private func writeFiles(_ generator: SyntheticPlans) throws {
        guard let output else {
            let plan = plan(generator, 0)
            try CommandSupport.write(PlanFile.yaml(plan), to: nil)
            return
        }
        let single = Self.isFileName(output)
        let folder = single ? URL(fileURLWithPath: output).deletingLastPathComponent() : URL(fileURLWithPath: output)
        try createFolder(folder)
        var indicators = 0
        for index in 0..<organizations {
            let plan = plan(generator, index)
            indicators += PlanIndex(plan).indicators.count
            let planFile = single ? URL(fileURLWithPath: output) : folder.appendingPathComponent(plan.id + ".yaml")
            try CommandSupport.write(PlanFile.yaml(plan), to: planFile.path)
            if results {
                let measured = generator.results(for: plan, organization: index)
                let name = planFile.deletingPathExtension().lastPathComponent + "-risultati.yaml"
                try CommandSupport.write(ResultsFile.yaml(measured), to: folder.appendingPathComponent(name).path)
            }
        }
        CommandSupport.printError("Generati \(ItalianNumber.format(Double(organizations))) piani (\(ItalianNumber.format(Double(indicators))) indicatori)"
                                  + (results ? " con i risultati" : "") + " in «\(single ? output : folder.path)».")
    }

    private func writeTables(_ generator: SyntheticPlans) throws {
        let checkpoint: Day
        if let at {
            guard let day = Day(parsing: at) else { throw ValidationError("Data non valida per --at: «\(at)» (usare AAAA-MM-GG, es. 2021-12-31).") }
            checkpoint = day
        } else {
            checkpoint = .yearEnd(year)
        }
        var rollUp = CompiledRollUp(checkpoint: checkpoint)
        for index in 0..<organizations {
            let (plan, measured) = generator.organization(index)
            rollUp.add(plan, results: measured)
        }
        let folder = URL(fileURLWithPath: output ?? ".")
        try createFolder(folder)
        try CommandSupport.reporting { try RollUpTables.write(rollUp, to: folder) }
        CommandSupport.printError("Scritte le tabelle di \(ItalianNumber.format(Double(organizations))) enti "
                                  + "(\(ItalianNumber.format(Double(rollUp.indicatorCount))) indicatori, scadenza \(checkpoint.italian)) in «\(folder.path)».")
    }

    private func createFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            CommandSupport.printError("Errore: impossibile creare la cartella «\(folder.path)» (\(error.localizedDescription))")
            throw ExitCode(2)
        }
    }
}
