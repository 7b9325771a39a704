import Foundation
import Logging
import SQLiteKit

/// Backup and restore of the embedded SQLite database, while the server may be running.
///
/// A backup is `VACUUM INTO` a temporary file next to the destination (a consistent snapshot that does not stop
/// readers or writers), checked with `PRAGMA integrity_check`, then renamed into place: a backup file either is
/// complete or does not exist. A restore copies a checked, migrated copy of the backup into the live database in
/// ONE transaction: every connection sees either the old data or the restored data, never a mix, and a failure
/// leaves the database as it was. Sessions are not restored (everyone logs in again).
/// PostgreSQL is backed up with `pg_dump` instead: see docs/operations.md.
public enum SQLiteBackup {
    public struct Summary: Hashable, Sendable {
        public var path: String
        public var bytes: Int
        public var schemaVersion: Int
        public var organizations: Int
        public var plans: Int
        public var measurements: Int
    }

    public static func backup(databasePath: String, to destination: String, logger: Logger = Logger(label: "performa.backup")) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw StoreError.notFound(subject: "il database «\(databasePath)»")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.invalid("Il file «\(destination)» esiste già: scegliere un altro nome (un backup non sovrascrive nulla).")
        }
        let partial = destination + ".parziale"
        try? FileManager.default.removeItem(atPath: partial)
        let database = try await SQLiteStoreDatabase.open(path: databasePath, readers: 1, logger: logger)
        do {
            try await database.withWriter { db in try await db.raw("VACUUM INTO \(bind: partial)").run() }
            await database.close()
        } catch {
            await database.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError.database("backup non riuscito (\(DatabaseFailure.message(error)))")
        }
        do {
            let summary = try await inspect(partial, logger: logger)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            return Summary(path: destination, bytes: summary.bytes, schemaVersion: summary.schemaVersion, organizations: summary.organizations,
                           plans: summary.plans, measurements: summary.measurements)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// `actor` is who the organizations' audit logs name as having restored.
    public static func restore(from backup: String, intoDatabase path: String, actor: String = "performa-cli",
                               logger: Logger = Logger(label: "performa.backup")) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: backup) else { throw StoreError.notFound(subject: "il file di backup «\(backup)»") }
        // Work on a copy: the backup file itself is never modified, whatever its schema version.
        let staging = path + ".ripristino"
        removeDatabaseFiles(staging)
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: backup, toPath: staging)
        } catch {
            throw StoreError.database("impossibile preparare il ripristino da «\(backup)» (\(error.localizedDescription))")
        }
        defer { removeDatabaseFiles(staging) }
        _ = try await inspect(staging, logger: logger)
        let copy = try await SQLiteStoreDatabase.open(path: staging, readers: 1, logger: logger)
        do {
            try await Migrator(database: copy).migrate()
            await copy.close()
        } catch {
            await copy.close()
            throw error
        }

        let live = try await SQLiteStoreDatabase.open(path: path, readers: 1, logger: logger)
        do {
            try await Migrator(database: live).migrate()
            try await live.withWriter { db in try await replaceContents(of: db, with: staging, backupName: URL(fileURLWithPath: backup).lastPathComponent, actor: actor) }
            await live.close()
        } catch {
            await live.close()
            if let error = error as? StoreError { throw error }
            throw StoreError.database("ripristino non riuscito, il database è rimasto com'era (\(DatabaseFailure.message(error)))")
        }
        return try await inspect(path, logger: logger)
    }

    /// Every row of every table replaced by the staged copy's, in one transaction, on the writer connection.
    private static func replaceContents(of db: any SQLDatabase, with staging: String, backupName: String, actor: String) async throws {
        try await db.raw("ATTACH DATABASE \(bind: staging) AS restored").run()
        do {
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let dialect = SchemaDialect(kind: .sqlite)
                // Checked at COMMIT, once every table is complete, instead of row by row.
                try await db.raw("PRAGMA defer_foreign_keys = ON").run()
                for table in InitialSchema.appendOnlyTables { try await dialect.run(dialect.dropAppendOnly(table), on: db) }
                let tables = try await db.raw("""
                    SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """).all().map { try $0.text("name") }
                // Data versions must only grow, or a server's cache stamped before the restore could match again.
                let liveVersion = try await db.raw("SELECT COALESCE(MAX(data_version), 0) AS version FROM main.organizations").first()?
                    .decode(column: "version", as: Int64.self) ?? 0
                for table in tables {
                    try await db.raw("DELETE FROM main.\(ident: table)").run()
                    guard table != "sessions" else { continue }
                    let columns = try await db.raw("SELECT name FROM pragma_table_info(\(bind: table), 'main')").all().map { try $0.text("name") }
                    let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                    try await db.raw("""
                        INSERT INTO main.\(ident: table) (\(unsafeRaw: list)) SELECT \(unsafeRaw: list) FROM restored.\(ident: table)
                        """).run()
                }
                for table in InitialSchema.appendOnlyTables { try await dialect.run(dialect.appendOnly(table), on: db) }
                try await db.raw("UPDATE main.organizations SET data_version = data_version + \(bind: liveVersion + 1)").run()
                // The restore itself is a change: each organization's audit log says when and from which file.
                let organizations = try await db.raw("SELECT organization_id FROM main.organizations").all().map { try $0.text("organization_id") }
                for organization in organizations {
                    let scope = Scope(db: db, context: AccessContext(organization: organization, user: actor, role: .admin), now: StoreTime.now())
                    try await scope.audit("restore", "database", backupName, before: nil, after: ["backup": backupName])
                }
                try await db.raw("COMMIT").run()
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
            try await db.raw("DETACH DATABASE restored").run()
        } catch {
            try? await db.raw("DETACH DATABASE restored").run()
            throw error
        }
    }

    /// Checks that a file is an intact Performa database and counts what it holds.
    private static func inspect(_ path: String, logger: Logger) async throws -> Summary {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError.invalid("«\(path)» non è un database SQLite leggibile.")
        }
        do {
            let db = connection.sql(queryLogLevel: .trace)
            let check: String
            do {
                check = try await db.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self) ?? ""
            } catch {
                throw StoreError.invalid("«\(path)» non è un database SQLite leggibile.")
            }
            guard check == "ok" else { throw StoreError.invalid("«\(path)» è danneggiato (integrity_check: \(check)).") }
            guard try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").first() != nil else {
                throw StoreError.invalid("«\(path)» non è un database di Performa.")
            }
            let version = try await db.raw("SELECT MAX(version) AS v FROM schema_migrations").first()?.decode(column: "v", as: Int?.self) ?? 0
            guard version <= Migration.latestVersion else { throw StoreError.schemaTooNew(found: version, known: Migration.latestVersion) }
            func count(_ table: String) async throws -> Int {
                try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let summary = Summary(path: path, bytes: (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0,
                                  schemaVersion: version, organizations: try await count("organizations"), plans: try await count("plans"),
                                  measurements: try await count("measurements"))
            try await connection.close()
            return summary
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
