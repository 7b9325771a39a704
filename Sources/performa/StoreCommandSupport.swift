import ArgumentParser
import Foundation
import Logging
import Performa
import PerformaFormats
import PerformaStore

/// `--database`, shared by every command that uses the store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Il database: sqlite:PERCORSO oppure postgres://utente@host:porta/database.",
        discussion: "Se manca si usa la variabile PERFORMA_DATABASE_URL, altrimenti sqlite:./data/performa.sqlite."))
    var database: String?

    /// `--database`, then PERFORMA_DATABASE_URL, then the embedded file; an unreadable address exits with status 2.
    func url() throws -> DatabaseURL {
        do {
            return try DatabaseURL.resolve(option: database)
        } catch {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Running a command against the store: Italian messages, exit status 1 when the store refuses or fails,
/// 2 when a file or an address cannot be read (as for the other commands).
enum StoreCommandSupport {
    static func withStore<T: Sendable>(_ options: DatabaseOptions, _ body: @Sendable (SQLStore) async throws -> T) async throws -> T {
        let url = try options.url()
        var logger = Logger(label: "performa")
        logger.logLevel = .error
        do {
            // A command does one thing at a time: two PostgreSQL connections are plenty, and a cron job running
            // beside the servers should not take the ten a server keeps.
            return try await StoreLauncher.withStore(url, logger: logger, maximumConnections: 2, use: .command, body)
        } catch let error as StoreError {
            // Store messages are whole sentences; «Errore del database: …» needs no second «Errore:».
            let text = error.description
            CommandSupport.printError(text.hasPrefix("Errore") ? text : "Errore: \(text)")
            throw ExitCode(1)
        } catch let error as FileError {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(2)
        }
    }

    /// The organization that holds `planID`: the one given, or the only one whose plans include it.
    static func context(for planID: String, organization: String?, in store: SQLStore) async throws -> AccessContext {
        if let organization { return .commandLine(organization: organization) }
        var holders: [String] = []
        for entry in try await store.organizationDirectory() {
            let plans = try await store.plans(.commandLine(organization: entry.id))
            if plans.contains(where: { $0.planID == planID }) { holders.append(entry.id) }
        }
        switch holders.count {
        case 1: return .commandLine(organization: holders[0])
        case 0: throw StoreError.notFound(subject: "il piano «\(planID)» nel database")
        default:
            throw StoreError.invalid("Il piano «\(planID)» esiste in più enti (\(holders.joined(separator: ", "))): indicare quale con --organization.")
        }
    }

    /// Italian date and time of a stored moment, in the machine's time zone: `25/11/2025 10:15`.
    static func moment(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        func pad(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(pad(parts.day))/\(pad(parts.month))/\(parts.year ?? 0) \(pad(parts.hour)):\(pad(parts.minute))"
    }
}
