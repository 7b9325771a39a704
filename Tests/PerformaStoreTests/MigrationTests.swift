import Foundation
import Performa
import Testing
@testable import PerformaStore

@Suite("Migrations")
struct MigrationTests {
    @Test("a database at schema version 1, with data, migrates to the current schema and keeps everything", arguments: TestBackend.allCases)
    func olderDatabaseMigrates(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let organization = TestPlans.organization("vecchio")
            let context = TestPlans.admin(organization)
            let plan = TestPlans.small(organization: organization)
            let key = IndicatorKey.key("1.1.1/1"), midYear = Day.midYear(2021)

            // Version 1, written by the code paths that existed then: organization, plan, two measurements.
            try await Self.withRawDatabase(url) { database in
                #expect(try await Migrator(database: database).migrate(upTo: 1) == [1])
                #expect(try await Migrator(database: database).version() == 1)
                try await database.transaction(.write, organization: organization) { db in
                    let scope = Scope(db: db, context: context, now: StoreTime.now())
                    _ = try await scope.insertOrganization(name: "Ente di una volta")
                    _ = try await scope.insertPlan(plan, rows: try PlanIndexRows(plan))
                    for (text, note) in [("480", "provvisorio"), ("510", "definitivo")] {
                        _ = try await scope.appendMeasurement(plan.id, MeasurementEntry(indicator: key, at: midYear, text: text, note: note),
                                                              version: 1, expectedRevision: nil, illustrative: false, statedAt: nil)
                    }
                }
                let campaignsTable = try await database.transaction(.read, organization: nil) { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = 2").first()!.integer("n")
                }
                #expect(campaignsTable == 0)
            }
            // Opening it with the current code applies the missing migrations.
            try await StoreLauncher.withStore(url, logger: TestBackend.logger, maximumConnections: 2) { store in
                #expect(try await store.schemaVersion() == Migration.latestVersion)
                #expect(try await store.organization(context).name == "Ente di una volta")
                #expect(try await store.plan(context, id: plan.id, version: nil).plan == plan)
                let history = try await store.measurementHistory(context, planID: plan.id, indicator: key, at: midYear)
                #expect(history.map(\.text) == ["480", "510"] && history.map(\.note) == ["provvisorio", "definitivo"])
                // Migration 2 opened a campaign for the checkpoint that already had measurements.
                let campaign = try #require(try await store.campaigns(context, planID: plan.id).first { $0.checkpoint == midYear })
                #expect(campaign.state == .open && campaign.changedBy == "migrazione 2" && campaign.changedAt == history.first?.recordedAt)
                // And the migrated database works like a new one.
                _ = try await store.changeCampaign(context, planID: plan.id, checkpoint: midYear, to: .closed, reason: nil, expectedRowVersion: campaign.rowVersion)
                await #expect(throws: StoreError.closedCampaign(checkpoint: midYear)) {
                    try await store.recordMeasurement(context, planID: plan.id, MeasurementEntry(indicator: key, at: midYear, text: "520"), expectedRevision: 2)
                }
                #expect(try await store.auditLog(context, AuditQuery()).count == 5)
            }
        }
    }

    @Test("migrating twice does nothing; a database newer than the code is refused", arguments: TestBackend.allCases)
    func migrationsAreIdempotentAndForwardOnly(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            try await Self.withRawDatabase(url) { database in
                #expect(try await Migrator(database: database).migrate() == Migration.all.map(\.version))
                #expect(try await Migrator(database: database).migrate().isEmpty)
                let recorded = try await database.transaction(.read, organization: nil) { db in
                    try await db.raw("SELECT version, name FROM schema_migrations ORDER BY version").all().map { try $0.integer("version") }
                }
                #expect(recorded == Migration.all.map(\.version))
                try await database.transaction(.write, organization: nil) { db in
                    try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'futura', 'x')").run()
                }
            }
            await #expect(throws: StoreError.schemaTooNew(found: 99, known: Migration.latestVersion)) {
                try await StoreLauncher.withStore(url, logger: TestBackend.logger, maximumConnections: 2) { _ in }
            }
        }
    }

    /// The database without the store on top (and without migrating it), for setting up old schemas.
    static func withRawDatabase(_ url: DatabaseURL, _ body: @Sendable (any StoreDatabase) async throws -> Void) async throws {
        switch url {
        case .sqlite(let path):
            let database = try await SQLiteStoreDatabase.open(path: path, logger: TestBackend.logger)
            do {
                try await body(database)
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        case .postgres:
            // The launcher migrates; to stop at an older version, use its client through a store-less database.
            try await PostgresRawDatabase.with(url, body)
        }
    }
}
