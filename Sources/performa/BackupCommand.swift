import ArgumentParser
import Foundation
import Performa
import PerformaStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copia il database SQLite in un file di backup, anche mentre il server è in funzione.",
        discussion: "Con PostgreSQL il backup si fa con pg_dump: vedere docs/operations.md."
    )

    @Argument(help: "Il file di backup da creare (non deve esistere).")
    var file: String

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard case .sqlite(let path) = try options.url() else {
            CommandSupport.printError("""
                Errore: con PostgreSQL il backup si fa con pg_dump, con un ruolo che può leggere tutti gli enti (BYPASSRLS), ad esempio: \
                pg_dump --format=custom --file \(file) postgres://performa_backup@HOST/DATABASE (vedere docs/operations.md).
                """)
            throw ExitCode(1)
        }
        do {
            let summary = try await SQLiteBackup.backup(databasePath: path, to: file)
            print("Backup completato: \(summary.path) (\(BackupText.describe(summary))).")
        } catch let error as StoreError {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(1)
        }
    }
}

/// How backup and restore describe a database file, in Italian.
enum BackupText {
    static func describe(_ summary: SQLiteBackup.Summary) -> String {
        let size = ItalianNumber.format(Double(summary.bytes) / 1_048_576, fractionDigits: 1)
        return "\(size) MB, schema versione \(summary.schemaVersion); enti: \(summary.organizations), piani: \(summary.plans), rilevazioni: \(summary.measurements)"
    }
}
