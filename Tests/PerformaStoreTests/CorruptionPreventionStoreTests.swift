import Foundation
import Performa
import SQLKit
import Testing
@testable import PerformaStore

/// The PIAO's 2.3 register in the store, on SQLite and PostgreSQL: the plan with its PIAO is stored losslessly; the
/// prevention measures are recorded (by the RPCT), scored and validated (by the OIV) through the same machinery as
/// indicators; each office changes only its part of the plan; schema 10 lets the role `rpct` in and keeps the users.
@Suite("Corruption prevention in the store")
struct CorruptionPreventionStoreTests {
    /// The small test plan with a register: measure 1 is operational objective 1.1.2, measure 2 has its own indicator.
    static func plan(organization: String) -> Plan {
        var plan = TestPlans.small(organization: organization)
        plan.organization.units = [OrgUnit(id: "area-1", name: "Area uno", kind: .area, head: "rossi")]
        var register = RiskRegister(processes: [
            RiskProcess(code: "P01", title: "Affidamenti diretti", area: .contracts, unit: "area-1", events: [
                RiskEvent(code: "P01.R1", description: "Frazionamento artificioso dell'affidamento",
                          assessment: RiskAssessment(exposure: [ExposureRating(indicator: .discretion, level: .high)])),
            ]),
        ])
        var linked = PreventionMeasure(code: "1", title: "Monitoraggio del regolamento", kind: .general)
        linked.objective = "1.1.2"
        var own = PreventionMeasure(code: "2", title: "Controllo a campione degli affidamenti", kind: .specific, indicators: [
            Indicator(number: 1, title: "Affidamenti controllati", targets: [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "100%"))], weight: 100),
        ])
        own.risks = ["P01.R1"]
        own.owner = "rossi"
        register.measures = [linked, own]
        var piao = PIAO()
        piao.risks = register
        piao.staffing = StaffingPlan(departures: [StaffMovement(year: 2021, category: "Categoria C", count: 1)])
        plan.piao = piao
        return plan
    }

    static func seeded(_ store: SQLStore, _ prefix: String) async throws -> AccessContext {
        let admin = TestPlans.admin(TestPlans.organization(prefix))
        _ = try await store.importPlan(admin, plan(organization: admin.organization), revision: nil, createOrganization: true)
        return admin
    }

    @Test("the PIAO is stored as it was given; measures are recorded by the RPCT, scored and validated by the OIV", arguments: TestBackend.allCases)
    func measuredLikeIndicators(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await Self.seeded(store, "rpct")
            let rpct = AccessContext(organization: admin.organization, user: "rpct", role: .rpct)
            let oiv = AccessContext(organization: admin.organization, user: "oiv", role: .oiv)
            let rossi = AccessContext(organization: admin.organization, user: "u-rossi", role: .manager)
            _ = try await store.createUser(admin, NewUser(username: "rossi", displayName: "Mario Rossi", role: .manager, managerID: "rossi", passwordHash: "x"))
            let planID = "piano-prova"
            #expect(try await store.plan(admin, id: planID, version: nil).plan == Self.plan(organization: admin.organization))

            let yearEnd = Day.yearEnd(2021)
            _ = try await store.recordMeasurement(rpct, planID: planID, MeasurementEntry(indicator: .key("MPC.2/1"), at: yearEnd, text: "80%"), expectedRevision: nil)
            _ = try await store.recordMeasurement(rpct, planID: planID, MeasurementEntry(indicator: .key("1.1.2/1"), at: yearEnd, text: "SI"), expectedRevision: nil)
            await #expect(throws: StoreError.self, "the RPCT records only the measures") {
                try await store.recordMeasurement(rpct, planID: planID, MeasurementEntry(indicator: .key("1.1.1/1"), at: yearEnd, text: "900"), expectedRevision: nil)
            }
            await #expect(throws: StoreError.self, "a manager records only the objectives assigned to them") {
                try await store.recordMeasurement(rossi, planID: planID, MeasurementEntry(indicator: .key("MPC.2/1"), at: yearEnd, text: "90%"), expectedRevision: 1)
            }
            _ = try await store.setOverrides(oiv, planID: planID, [OverrideWrite(AchievementOverride(subject: "MPC.2", at: yearEnd, achievement: 90,
                                                                                                    reason: "Controlli documentati oltre il campione"),
                                                                                  expectedRowVersion: nil, seen: nil)])
            await #expect(throws: StoreError.self, "only the OIV validates") {
                try await store.setOverrides(rpct, planID: planID, [OverrideWrite(AchievementOverride(subject: "MPC.2", at: yearEnd, achievement: 100, reason: "x"),
                                                                                   expectedRowVersion: nil, seen: nil)])
            }
            let plan = try await store.plan(admin, id: planID, version: nil).plan
            let card = Scorer(plan: plan).scorecard(results: try await store.currentResults(admin, planID: planID), at: yearEnd)
            let measure = try #require(card.objectives.first { $0.key == "MPC.2" })
            #expect(measure.level == .measure)
            #expect(abs((measure.score.computed ?? 0) - 0.8) < 1e-9 && abs((measure.score.final ?? 0) - 0.9) < 1e-9)
            let scores = PIAOScores(plan: plan, scorecard: card)
            #expect(scores.measures.first { $0.measure.code == "1" }?.score?.final == 1)
        }
    }

    @Test("the RPCT changes only the 2.3 register, the HR office only 3.3, the struttura tecnica everything", arguments: TestBackend.allCases)
    func eachOfficeItsPart(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await Self.seeded(store, "parti")
            let planID = "piano-prova"
            func context(_ role: Role) -> AccessContext { AccessContext(organization: admin.organization, user: "\(role)", role: role) }
            var version = try await store.plan(admin, id: planID, version: nil).info.version
            let plan = try await store.plan(admin, id: planID, version: nil).plan

            var register = plan
            register.piao?.risks?.measures[1].timing = "entro il 30/6/2021"
            version = try await store.revisePlan(context(.rpct), register, revision: TestPlans.revision, expectedVersion: version).version
            var staffing = register
            staffing.piao?.staffing?.hires = [StaffMovement(year: 2022, category: "Categoria D", count: 2, channel: "concorso")]
            version = try await store.revisePlan(context(.hr), staffing, revision: TestPlans.revision, expectedVersion: version).version
            var stored = try await store.plan(admin, id: planID, version: nil).plan
            #expect(stored.piao == staffing.piao && stored.version == 3)
            let acts = try #require(stored.acts)
            #expect(!acts.isEmpty)
            // The acts and the version are the store's: an office's change cannot bring its own.
            var tampered = stored
            tampered.piao?.risks?.measures[1].timing = "semestrale"
            tampered.acts = []
            version = try await store.revisePlan(context(.rpct), tampered, revision: TestPlans.revision, expectedVersion: version).version
            stored = try await store.plan(admin, id: planID, version: nil).plan
            #expect(stored.acts == acts && stored.piao?.risks?.measures[1].timing == "semestrale")

            var rest = stored
            rest.title = "Titolo cambiato dal RPCT"
            for role in [Role.rpct, .hr, .manager, .viewer, .oiv] {
                await #expect(throws: StoreError.self, "\(role) may not change the rest of the plan") {
                    try await store.revisePlan(context(role), rest, revision: TestPlans.revision, expectedVersion: version)
                }
            }
            var crossed = stored
            crossed.piao?.risks?.measures[1].title = "Cambiata dall'ufficio personale"
            await #expect(throws: StoreError.forbidden(role: .hr, action: "modificare \(PlanPart.riskRegister.italian)")) {
                try await store.revisePlan(context(.hr), crossed, revision: TestPlans.revision, expectedVersion: version)
            }
            await #expect(throws: StoreError.self, "nobody but the struttura tecnica creates plans") {
                var other = Self.plan(organization: admin.organization)
                other.id = "piano-rpct"
                _ = try await store.importPlan(context(.rpct), other, revision: nil, createOrganization: false)
            }
            _ = try await store.revisePlan(admin, rest, revision: TestPlans.revision, expectedVersion: version)
        }
    }

    @Test("schema 10 on a database at schema 9 keeps each user's fiscal code and reminders and lets the role rpct in", arguments: TestBackend.allCases)
    func migration(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let organization = TestPlans.organization("schema9")
            let admin = TestPlans.admin(organization)
            try await MigrationTests.withRawDatabase(url) { database in
                #expect(try await Migrator(database: database).migrate(upTo: 9) == Array(1...9))
                try await database.transaction(.write, organization: organization) { db in
                    let scope = Scope(db: db, context: admin, now: StoreTime.now())
                    _ = try await scope.insertOrganization(name: "Ente allo schema 9")
                    try await db.raw("""
                        INSERT INTO users (organization_id, user_id, username, display_name, email, role, manager_id, password_hash,
                                           active, created_at, updated_at, row_version, reminders, fiscal_code)
                        VALUES (\(bind: organization), 'u-bianchi', 'bianchi', 'Bianchi Anna', 'bianchi@ente.it', 'hr', NULL, 'hash', \(bind: true), \
                        '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 4, \(bind: false), 'BNCNNA80A41B157X')
                        """).run()
                }
            }
            try await StoreLauncher.withStore(url, logger: TestBackend.logger, maximumConnections: 2) { store in
                #expect(try await store.schemaVersion() == Migration.latestVersion)
                let bianchi = try await store.user(admin, id: "u-bianchi")
                #expect(bianchi.role == .hr && bianchi.email == "bianchi@ente.it" && !bianchi.reminders && bianchi.rowVersion == 4)
                #expect(try await store.fiscalCode(admin, userID: "u-bianchi") == "BNCNNA80A41B157X")
                let rpct = try await store.createUser(admin, NewUser(username: "rpct", displayName: "RPCT", role: .rpct, passwordHash: "x"))
                #expect(try await store.user(admin, id: rpct.id).role == .rpct)
                await #expect(throws: (any Error).self, "the fiscal code stays unique") {
                    try await store.setFiscalCode(admin, userID: rpct.id, fiscalCode: "BNCNNA80A41B157X")
                }
            }
        }
    }
}
