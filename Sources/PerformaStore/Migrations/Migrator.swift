import Foundation
import SQLKit

/// Brings a database to the current schema, one migration per transaction. Safe to run from several processes at
/// once: SQLite serialises them on its write lock, PostgreSQL on an advisory lock.
struct Migrator: Sendable {
    let database: any StoreDatabase
    let migrations: [Migration]

    init(database: any StoreDatabase, migrations: [Migration] = Migration.all) {
        self.database = database
        self.migrations = migrations
    }

    var dialect: SchemaDialect { SchemaDialect(kind: database.kind) }

    /// Applies the missing migrations up to `target` (all when nil); returns the versions applied.
    @discardableResult
    func migrate(upTo target: Int? = nil) async throws -> [Int] {
        let known = migrations.last?.version ?? 0
        var applied: [Int] = []
        for migration in migrations where migration.version <= (target ?? known) {
            let didApply = try await database.transaction(.write, organization: nil) { db in
                let current = try await prepare(db)
                guard current < migration.version else { return false }
                guard current == migration.version - 1 else {
                    throw StoreError.database("migrazione \(migration.version) non applicabile: lo schema è alla versione \(current)")
                }
                try await migration.apply(db, dialect)
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: StoreTime.text(StoreTime.now())))
                    """).run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        let current = try await version()
        if current > known { throw StoreError.schemaTooNew(found: current, known: known) }
        return applied
    }

    /// The schema version of the database (0 for an empty one).
    func version() async throws -> Int {
        try await database.transaction(.write, organization: nil) { db in try await prepare(db) }
    }

    /// Creates the bookkeeping table if needed, under the migration lock, and reads the version.
    private func prepare(_ db: any SQLDatabase) async throws -> Int {
        if database.kind == .postgres {
            // One process migrates at a time; the others wait here and then find nothing left to do.
            try await db.raw("SELECT pg_advisory_xact_lock(7356152)").run()
        }
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """).run()
        let row = try await db.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
        return try row?.decode(column: "version", as: Int?.self) ?? 0
    }
}
