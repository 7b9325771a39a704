import Foundation
import Performa
import PerformaFormats
import Testing
@testable import PerformaStore

@Suite("SQLite backup and restore")
struct BackupRestoreTests {
    @Test("backup then restore brings back exactly the data of the backup, in one transaction")
    func roundTrip() async throws {
        try await TestBackend.sqlite.withEmptyDatabase { url in
            guard case .sqlite(let path) = url else { return }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let backup = folder.appendingPathComponent("copia.sqlite").path
            let plan = try TestPlans.brescia()
            let context = AccessContext.commandLine(organization: plan.organization.id)
            let results = try ResultsFile.read(contentsOf: TestPlans.bresciaResultsURL, plan: plan)

            let before = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                _ = try await store.importPlan(context, plan, revision: nil, createOrganization: true)
                _ = try await store.importResults(context, results)
                let user = try await store.createUser(context, NewUser(username: "rossi", displayName: "Rossi", role: .admin, passwordHash: "h"))
                _ = try await store.createSession(user.context, expiresAt: Date().addingTimeInterval(3_600))
                _ = try await store.attachEvidence(context, planID: plan.id, indicator: .key("1.1.1/1"), at: .yearEnd(2021),
                                                   EvidenceUpload(fileName: "bando.pdf", contentType: "application/pdf", data: Data("%PDF-1.7 bando".utf8)))
                // The backup is taken while this store (the "server") is open.
                let summary = try await SQLiteBackup.backup(databasePath: path, to: backup, logger: TestBackend.logger)
                #expect(summary.organizations == 1 && summary.plans == 1 && summary.measurements == results.measurements.count)
                #expect(summary.schemaVersion == Migration.latestVersion)
                // Changes after the backup, which the restore must undo.
                _ = try await store.recordMeasurement(context, planID: plan.id, MeasurementEntry(indicator: .key("1.1.1/1"), at: .yearEnd(2021), text: "0%"), expectedRevision: nil)
                _ = try await store.createUser(context, NewUser(username: "dopo", displayName: "Dopo il backup", role: .viewer, passwordHash: "h"))
                return (try await store.results(context, planID: plan.id), try await store.auditLog(context, AuditQuery(limit: 10_000)).count)
            }
            await #expect(throws: StoreError.self) { try await SQLiteBackup.backup(databasePath: path, to: backup, logger: TestBackend.logger) }

            let restored = try await SQLiteBackup.restore(from: backup, intoDatabase: path, logger: TestBackend.logger)
            #expect(restored.measurements == results.measurements.count)
            try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                let now = try await store.results(context, planID: plan.id)
                #expect(now.measurements.count == before.0.measurements.count - 1)
                let history = try await store.measurements(context, planID: plan.id)
                #expect(try now.measurements == history.map { try $0.measurement })
                #expect(try await store.plan(context, id: plan.id, version: nil).plan == plan)
                #expect(try await store.users(context).map(\.username) == ["rossi"])
                #expect(try await store.evidenceFiles(context, planID: plan.id, indicator: nil, at: nil).map(\.fileName) == ["bando.pdf"])
                let audit = try await store.auditLog(context, AuditQuery(limit: 10_000))
                #expect(audit.first?.action == "restore" && audit.first?.entityKey == "copia.sqlite")
                #expect(audit.count < before.1)
                // Sessions are not restored, the append-only rule is back in force.
                #expect(try await store.database.transaction(.read, organization: context.organization) { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM sessions").first()!.integer("n")
                } == 0)
                await #expect(throws: (any Error).self) {
                    try await store.database.transaction(.write, organization: context.organization) { db in try await db.raw("DELETE FROM measurements").run() }
                }
            }
        }
    }

    @Test("restore refuses a file that is not a Performa database and leaves the database as it was")
    func restoreRefusesForeignFiles() async throws {
        try await TestBackend.sqlite.withEmptyDatabase { url in
            guard case .sqlite(let path) = url else { return }
            let context = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in try await TestPlans.seeded(store, "rifiuto") }
            let foreign = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("altro.sqlite").path
            try Data("non sono un database".utf8).write(to: URL(fileURLWithPath: foreign))
            await #expect(throws: StoreError.invalid("«\(path).ripristino» non è un database SQLite leggibile.")) {
                try await SQLiteBackup.restore(from: foreign, intoDatabase: path, logger: TestBackend.logger)
            }
            let plans = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in try await store.plans(context) }
            #expect(plans.map(\.planID) == ["piano-prova"])
        }
    }
}
