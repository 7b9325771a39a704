import Foundation
import Performa
import SQLKit
import Testing
@testable import PerformaStore

/// Migration 7 (individual appraisal) on a database at schema 6 with users: on SQLite `users` is rebuilt for the new
/// roles, so the users must come through unchanged, and the new roles and tables must work afterwards.
@Suite("Migration 7")
struct AppraisalMigrationTests {
    @Test("a database at schema 6 keeps its users, accepts the roles hr and employee and stores a staff", arguments: TestBackend.allCases)
    func usersSurviveAndNewRolesWork(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let organization = TestPlans.organization("schema6")
            let admin = TestPlans.admin(organization)
            try await MigrationTests.withRawDatabase(url) { database in
                #expect(try await Migrator(database: database).migrate(upTo: 6) == [1, 2, 3, 4, 5, 6])
                try await database.transaction(.write, organization: organization) { db in
                    let scope = Scope(db: db, context: admin, now: StoreTime.now())
                    _ = try await scope.insertOrganization(name: "Ente allo schema 6")
                    try await db.raw("""
                        INSERT INTO users (organization_id, user_id, username, display_name, email, role, manager_id, password_hash,
                                           active, created_at, updated_at, row_version)
                        VALUES (\(bind: organization), 'u-rossi', 'rossi', 'Rossi Mario', 'rossi@ente.it', 'manager', 'rossi', 'hash', \(bind: true), \
                        '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 3)
                        """).run()
                }
                // Role hr did not exist at schema 6.
                await #expect(throws: (any Error).self) {
                    try await database.transaction(.write, organization: organization) { db in
                        try await db.raw("""
                            INSERT INTO users (organization_id, user_id, username, display_name, role, password_hash, active, created_at, updated_at, row_version)
                            VALUES (\(bind: organization), 'u-hr', 'hr', 'HR', 'hr', 'hash', \(bind: true), 'x', 'x', 1)
                            """).run()
                    }
                }
            }
            try await StoreLauncher.withStore(url, logger: TestBackend.logger, maximumConnections: 2) { store in
                #expect(try await store.schemaVersion() == Migration.latestVersion)
                let rossi = try await store.user(admin, id: "u-rossi")
                #expect(rossi.username == "rossi" && rossi.displayName == "Rossi Mario" && rossi.email == "rossi@ente.it")
                #expect(rossi.role == .manager && rossi.managerID == "rossi" && rossi.active && rossi.rowVersion == 3)
                #expect(try await store.credentials(organization: organization, username: "rossi") != nil)
                for (name, role) in [("personale", Role.hr), ("dipendente", .employee)] {
                    let user = try await store.createUser(admin, NewUser(username: name, displayName: name, role: role, passwordHash: "x"))
                    #expect(try await store.user(admin, id: user.id).role == role)
                }
                let organizationDocument = Organization(id: organization, name: "Ente allo schema 6")
                let people = [Person(id: "p1", name: "Uno Persona", category: .comparto, area: .istruttori, unit: "area-1", evaluator: "rossi")]
                _ = try await store.replacePeople(admin, year: 2021, people, organization: organizationDocument)
                #expect(try await store.people(admin, year: 2021).map(\.evaluator) == ["rossi"])
            }
        }
    }
}
