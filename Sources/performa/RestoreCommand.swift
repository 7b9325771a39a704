import ArgumentParser
import Foundation
import PerformaStore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Ripristina il database SQLite da un file di backup, in una sola transazione.",
        discussion: """
        Il backup viene controllato e portato allo schema attuale su una copia; poi il contenuto del database è \
        sostituito in una sola transazione: se qualcosa va storto il database resta com'era. Le sessioni non si \
        ripristinano: gli utenti devono accedere di nuovo. Con PostgreSQL si usa pg_restore (docs/operations.md).
        """
    )

    @Argument(help: "Il file di backup (creato da performa backup).")
    var file: String

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard case .sqlite(let path) = try options.url() else {
            CommandSupport.printError("""
                Errore: con PostgreSQL il ripristino si fa con pg_restore, da superutente, in un database nuovo, ad esempio: \
                pg_restore --exit-on-error --dbname postgres://postgres@HOST/DATABASE_NUOVO \(file) (vedere docs/operations.md).
                """)
            throw ExitCode(1)
        }
        do {
            let summary = try await SQLiteBackup.restore(from: file, intoDatabase: path)
            print("Ripristino completato in \(path) (\(BackupText.describe(summary))).")
        } catch let error as StoreError {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(1)
        }
    }
}
