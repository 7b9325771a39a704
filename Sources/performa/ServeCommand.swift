import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PerformaServer
import PerformaStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Avvia l'applicazione web (pagine in italiano e API JSON) sul database indicato.",
        discussion: """
        Con --demo carica il Piano della Performance 2021-2023 della CCIAA di Brescia, i risultati illustrativi 2021 \
        e un utente dimostrativo per ruolo, con le credenziali stampate all'avvio (gli utenti dimostrativi non possono \
        accedere se il server non è in modalità dimostrativa). Le risorse grafiche si scaricano con \
        «bash scripts/fetch-ui-assets.sh». Si arresta con Ctrl-C (o SIGTERM), completando le richieste in corso. \
        Esempio: performa serve --demo
        """
    )

    @Option(name: .long, help: "Porta TCP.")
    var port: Int = 8080

    @Option(name: .long, help: "Indirizzo su cui ascoltare (0.0.0.0 per tutte le interfacce).")
    var host: String = "127.0.0.1"

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp(
        "Connessioni a PostgreSQL che il server apre all'avvio e tiene aperte (da 1 a \(ServeCommand.connectionLimit)).",
        discussion: "Se manca si usa la variabile PERFORMA_DATABASE_CONNECTIONS, altrimenti \(StoreLauncher.defaultConnections). Con SQLite non conta."))
    var databaseConnections: Int?

    @Flag(name: .long, help: "Modalità dimostrativa: dati di Brescia e utenti dimostrativi.")
    var demo = false

    @Option(name: .long, help: "Cartella delle risorse di Bootstrap Italia (se omessa: vendor/bootstrap-italia, cercata a partire dalla cartella corrente e da quella del programma).")
    var assets: String?

    @Option(name: .long, help: "Cartella dei file dimostrativi per --demo (se omessa: examples, cercata a partire dalla cartella corrente e da quella del programma).")
    var examples: String?

    static let connectionLimit = 200

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("Porta non valida: \(port) (da 0 a 65535).") }
    }

    /// The pool size: `--database-connections`, then PERFORMA_DATABASE_CONNECTIONS, then the store's default.
    static func connections(option: Int?, environment: [String: String]) throws -> Int {
        let (value, source): (Int?, String)
        if let option {
            (value, source) = (option, "--database-connections \(option)")
        } else if let text = environment["PERFORMA_DATABASE_CONNECTIONS"], !text.isEmpty {
            (value, source) = (Int(text), "PERFORMA_DATABASE_CONNECTIONS «\(text)»")
        } else {
            return StoreLauncher.defaultConnections
        }
        guard let value, (1...connectionLimit).contains(value) else {
            throw ValidationError("\(source) non valido: servono da 1 a \(connectionLimit) connessioni.")
        }
        return value
    }

    /// PERFORMA_SESSION_MEMORY: 1 (the default) answers known sessions from memory, 0 asks the database on every
    /// signed-in request (needed behind a PostgreSQL pooler in transaction mode, where LISTEN cannot work).
    static func sessionMemory(environment: [String: String]) throws -> Bool {
        switch environment["PERFORMA_SESSION_MEMORY"] ?? "" {
        case "", "1": return true
        case "0": return false
        case let other: throw ValidationError("PERFORMA_SESSION_MEMORY «\(other)» non valido: usare 1 (predefinito) oppure 0.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in
            var handler = DeferredMetadataLogHandler(StreamLogHandler.standardOutput(label: label))
            handler.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return handler
        }
        ServerMetrics.bootstrap()
        let logger = Logger(label: "performa.server")
        var settings = ServerConfiguration(
            host: host, port: port, database: try database.url(), demo: demo,
            assetsFolder: assets ?? RepositoryFolder.locate("vendor/bootstrap-italia", marker: "css/bootstrap-italia.min.css")?.path ?? "vendor/bootstrap-italia",
            secureCookies: environment["PERFORMA_SECURE_COOKIES"] == "1")
        settings.publicURL = environment["PERFORMA_PUBLIC_URL"]
        settings.accessLog = environment["PERFORMA_ACCESS_LOG"] == "1"
        do {
            settings.mail = try MailSettings.from(environment: environment)
            settings.singleSignOn = try SignOnSettings.fromEnvironment(environment)
        } catch {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(2)
        }
        let configuration = settings
        let connections: Int, sessionMemory: Bool
        do {
            connections = try Self.connections(option: databaseConnections, environment: environment)
            sessionMemory = try Self.sessionMemory(environment: environment)
        } catch {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(2)
        }
        let examples = examples.map(URL.init(fileURLWithPath:)) ?? RepositoryFolder.locate("examples", marker: DemoData.planFile)
        if demo && examples == nil {
            CommandSupport.printError("Errore: dati dimostrativi non trovati: nessuna cartella «examples» con \(DemoData.planFile) nella cartella corrente, sopra di essa o sopra il programma. Indicarla con --examples CARTELLA.")
            throw ExitCode(2)
        }
        do {
            try await StoreLauncher.withStore(configuration.database, logger: Logger(label: "performa.store"), maximumConnections: connections,
                                             sessionMemory: sessionMemory) { store in
                var accounts: [DemoData.Account] = []
                if configuration.demo {
                    let outcome = try await DemoData.load(into: store, examples: examples ?? URL(fileURLWithPath: "examples"), passwordCost: configuration.passwordCost)
                    accounts = outcome.accounts
                    Self.printDemo(outcome, configuration: configuration)
                }
                logger.info("database pronto", metadata: ["database": "\(configuration.database)"])
                let app = try await buildApplication(configuration: configuration, store: store, demoAccounts: accounts, logger: logger)
                try await app.runService()
                logger.info("Performa si è arrestato: richieste in corso completate, database chiuso")
            }
        } catch let error as StoreError {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(1)
        } catch let error as DemoError {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(2)
        }
    }

    private static func printDemo(_ outcome: DemoData.Outcome, configuration: ServerConfiguration) {
        var lines = [
            "",
            "Performa – modalità dimostrativa",
            outcome.planCreated
                ? "Caricati il piano «\(outcome.planID)» e \(outcome.measurementsImported) rilevazioni illustrative nel database \(configuration.database)."
                : "Il piano «\(outcome.planID)» era già nel database \(configuration.database): dati lasciati come sono.",
            "Indirizzo: http://\(configuration.host):\(configuration.port)",
            "",
            "Utenti dimostrativi (ente \(outcome.organization)):",
        ]
        let width = (outcome.accounts.map(\.username.count).max() ?? 5) + 2
        let passwordWidth = (outcome.accounts.map(\.password.count).max() ?? 8) + 2
        for account in outcome.accounts {
            let user = account.username.padding(toLength: width, withPad: " ", startingAt: 0)
            let password = account.password.padding(toLength: passwordWidth, withPad: " ", startingAt: 0)
            lines.append("  utente \(user) password \(password) \(account.role.italian) – \(account.displayName)")
        }
        lines.append("")
        // Written at once and unbuffered: scripts that start the server read the credentials from this output.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
