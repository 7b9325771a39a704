import Foundation
import Performa
import SQLKit
import Testing
@testable import PerformaStore

@Suite("Multi-tenancy: one organization never reads or changes another's data")
struct TenantIsolationTests {
    @Test("through the store API, A can neither read nor change anything of B", arguments: TestBackend.allCases)
    func organizationsAreWalledOff(backend: TestBackend) async throws {
        try await backend.withStore { store in
            // Both organizations hold a plan with the SAME id: plan ids are per tenant.
            let a = try await TestPlans.seeded(store, "ente-a"), b = try await TestPlans.seeded(store, "ente-b")
            let planID = "piano-prova", key = IndicatorKey.key("1.1.1/1"), yearEnd = Day.yearEnd(2021)
            let bUser = try await store.createUser(b, NewUser(username: "dirigente", displayName: "Dirigente B", role: .manager, managerID: "rossi", passwordHash: "hash-b"))
            let bMeasurement = try await store.recordMeasurement(b, planID: planID, MeasurementEntry(indicator: key, at: yearEnd, text: "1200"), expectedRevision: 0)
            let bEvidence = try await store.attachEvidence(b, planID: planID, indicator: key, at: yearEnd,
                                                           EvidenceUpload(fileName: "relazione.pdf", contentType: "application/pdf", data: Data("%PDF-1.7 B".utf8)))
            let bOverride = try await store.setOverride(AccessContext(organization: b.organization, user: "oiv", role: .oiv), planID: planID, AchievementOverride(subject: "1.1.1", at: yearEnd, achievement: 90, reason: "OIV di B"), expectedRowVersion: nil)
            let bSession = try await store.createSession(bUser.context, expiresAt: Date().addingTimeInterval(3_600))
            let bResultsBefore = try await store.results(b, planID: planID)
            let bAuditBefore = try await store.auditLog(b, AuditQuery(limit: 1_000))

            // Reads from A see only A.
            #expect(try await store.plans(a).map(\.organization) == [a.organization])
            #expect(try await store.plan(a, id: planID, version: nil).plan.organization.id == a.organization)
            #expect(try await store.results(a, planID: planID).measurements.isEmpty)
            #expect(try await store.measurementHistory(a, planID: planID, indicator: key, at: yearEnd).isEmpty)
            #expect(try await store.users(a).allSatisfy { $0.organization == a.organization })
            #expect(try await store.evidenceFiles(a, planID: planID, indicator: nil, at: nil).isEmpty)
            #expect(try await store.overrides(a, planID: planID).isEmpty)
            #expect(try await store.auditLog(a, AuditQuery(limit: 1_000)).allSatisfy { $0.organization == a.organization })
            #expect(try await store.credentials(organization: a.organization, username: "dirigente") == nil)
            await #expect(throws: StoreError.notFound(subject: "l'utente «\(bUser.id)»")) { try await store.user(a, id: bUser.id) }
            await #expect(throws: StoreError.self) { try await store.evidenceContent(a, id: bEvidence.id) }

            // Changes from A aimed at B's rows find nothing to change.
            var renamed = bUser
            renamed.role = .admin
            await #expect(throws: StoreError.self) { try await store.updateUser(a, renamed, newPasswordHash: "rubata") }
            await #expect(throws: StoreError.self) { try await store.removeEvidence(a, id: bEvidence.id) }
            await #expect(throws: StoreError.self) {
                try await store.removeOverride(AccessContext(organization: a.organization, user: "oiv", role: .oiv), planID: planID, subject: "1.1.1", at: yearEnd, expectedRowVersion: bOverride.rowVersion)
            }
            await #expect(throws: StoreError.self) {
                try await store.recordMeasurement(a, planID: "solo-in-b", MeasurementEntry(indicator: key, at: yearEnd, text: "1"), expectedRevision: nil)
            }
            // A's plan of the same id is A's own: writing there leaves B's series alone.
            _ = try await store.recordMeasurement(a, planID: planID, MeasurementEntry(indicator: key, at: yearEnd, text: "7"), expectedRevision: 0)
            // A plan file naming B's organization cannot be imported under A's context.
            await #expect(throws: StoreError.self) {
                try await store.importPlan(a, TestPlans.small(organization: b.organization, id: "intruso"), revision: nil, createOrganization: false)
            }
            // A session token only opens its own organization: re-addressed to A it is unknown.
            let secret = String(bSession.token.split(separator: ".").last!)
            #expect(try await store.session(token: "\(a.organization).\(secret)", at: Date()) == nil)
            #expect(try await store.session(token: bSession.token, at: Date())?.organization == b.organization)

            // B is exactly as it was.
            #expect(try await store.results(b, planID: planID) == bResultsBefore)
            #expect(try await store.measurementHistory(b, planID: planID, indicator: key, at: yearEnd) == [bMeasurement])
            #expect(try await store.user(b, id: bUser.id) == bUser)
            #expect(try await store.evidenceFiles(b, planID: planID, indicator: nil, at: nil) == [bEvidence])
            let bAuditAfter = try await store.auditLog(b, AuditQuery(limit: 1_000))
            #expect(bAuditAfter == bAuditBefore)
        }
    }

    @Test("PostgreSQL row-level security hides and protects other tenants' rows even from SQL without a WHERE")
    func rowLevelSecurityIsTheSecondWall() async throws {
        try await TestBackend.postgres.withStore { store in
            let a = try await TestPlans.seeded(store, "rls-a"), b = try await TestPlans.seeded(store, "rls-b")
            for context in [a, b] {
                _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key("1.1.1/1"), at: .yearEnd(2021), text: "10"), expectedRevision: 0)
            }
            // The store connects as the tables' owner, which is neither superuser nor BYPASSRLS: the policies bind it.
            let (superuser, bypass) = try await store.database.transaction(.read, organization: nil) { db in
                let row = try await db.raw("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user").first()!
                return (try row.flag("rolsuper"), try row.flag("rolbypassrls"))
            }
            #expect(!superuser && !bypass)

            // Declared as A, a query with no tenant filter at all still sees only A's rows.
            let seen = try await store.database.transaction(.read, organization: a.organization) { db in
                try await db.raw("SELECT DISTINCT organization_id FROM measurements").all().map { try $0.text("organization_id") }
            }
            #expect(seen == [a.organization])
            let users = try await store.database.transaction(.read, organization: a.organization) { db in
                try await db.raw("SELECT COUNT(*) AS n FROM plans").first()!.integer("n")
            }
            #expect(users == 1)
            // Without a declared organization nothing of any tenant is visible, except the public directory.
            let anonymous = try await store.database.transaction(.read, organization: nil) { db in
                (try await db.raw("SELECT COUNT(*) AS n FROM plan_versions").first()!.integer("n"),
                 try await db.raw("SELECT COUNT(*) AS n FROM organizations").first()!.integer("n"))
            }
            #expect(anonymous.0 == 0 && anonymous.1 == 2)

            // Declared as A: B's rows cannot be updated or deleted (zero rows match), nor can rows be written for B.
            let touched = try await store.database.transaction(.write, organization: a.organization) { db in
                try await db.raw("UPDATE plans SET updated_at = 'x' WHERE organization_id = \(bind: b.organization) RETURNING plan_id").all().count
                    + db.raw("DELETE FROM sessions WHERE organization_id = \(bind: b.organization) RETURNING user_id").all().count
            }
            #expect(touched == 0)
            await #expect(throws: (any Error).self) {
                try await store.database.transaction(.write, organization: a.organization) { db in
                    try await db.raw("""
                        INSERT INTO audit_log (organization_id, entry_id, at, actor, role, action, entity, entity_key)
                        VALUES (\(bind: b.organization), 'x', 'x', 'x', 'admin', 'x', 'x', 'x')
                        """).run()
                }
            }
            #expect(try await store.auditLog(b, AuditQuery(limit: 1_000)).allSatisfy { $0.entryIsGenuine })

            // The same holds for a role that does not own the tables (granted every privilege on them).
            try await store.database.transaction(.write, organization: nil) { db in
                try await db.raw("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO performa_probe").run()
            }
            let probed = try await store.database.transaction(.write, organization: a.organization) { db in
                try await db.raw("SET LOCAL ROLE performa_probe").run()
                let rows = try await db.raw("SELECT DISTINCT organization_id FROM measurements").all().map { try $0.text("organization_id") }
                let changed = try await db.raw("UPDATE users SET display_name = 'x' WHERE organization_id = \(bind: b.organization) RETURNING user_id").all().count
                return (rows, changed)
            }
            #expect(probed.0 == [a.organization] && probed.1 == 0)
        }
    }
}

extension AuditEntry {
    /// Every entry the store writes has a sortable id, never a hand-made one.
    var entryIsGenuine: Bool { id.count == 28 }
}
