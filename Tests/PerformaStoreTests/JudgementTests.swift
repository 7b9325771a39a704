import Foundation
import Performa
import Testing
@testable import PerformaStore

/// An OIV judgement is tied to the values it judged: a later value puts it aside (it stops counting, the computed
/// achievement counts) until the OIV judges again; only the roles of the permission table may judge.
@Suite("OIV judgements: tied to the values they judged")
struct JudgementTests {
    static let day = Day.yearEnd(2021)

    static func oiv(_ admin: AccessContext) -> AccessContext { AccessContext(organization: admin.organization, user: "oiv", role: .oiv) }

    static func record(_ store: SQLStore, _ context: AccessContext, _ key: String, _ text: String, note: String? = nil) async throws {
        _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key(key), at: day, text: text, note: note),
                                              expectedRevision: nil)
    }

    @Test("a value saved after a validation puts it aside: it no longer counts, and says what changed", arguments: TestBackend.allCases)
    func laterValuePutsJudgementAside(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "giudizio"), oiv = Self.oiv(admin)
            try await Self.record(store, admin, "1.1.1/1", "800")
            let judged = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1/1", at: Self.day, achievement: 100,
                                                                                                    reason: "Verificato sul registro"), expectedRowVersion: nil)
            #expect(judged.judged.map(\.value) == ["800"] && judged.judged.map(\.revision) == [1])
            #expect(try await store.currentResults(admin, planID: "piano-prova").overrides?.map(\.subject) == ["1.1.1/1"])

            // The same value saved again (a new note) leaves the judgement standing.
            try await Self.record(store, admin, "1.1.1/1", "800", note: "nota aggiunta")
            #expect(try await store.overrides(admin, planID: "piano-prova").first?.stands == true)

            // A different value: the judgement stays stored, but aside, and counts nowhere.
            try await Self.record(store, admin, "1.1.1/1", "650")
            let aside = try #require(try await store.overrides(admin, planID: "piano-prova").first)
            #expect(!aside.stands)
            #expect(aside.changes == [ValueChange(indicator: .key("1.1.1/1"), judged: "800", current: "650")])
            #expect(try await store.currentResults(admin, planID: "piano-prova").overrides == nil)
            #expect(try await store.results(admin, planID: "piano-prova").overrides == nil)
            let card = Scorer(plan: TestPlans.small(organization: admin.organization))
                .scorecard(results: try await store.currentResults(admin, planID: "piano-prova"), at: Self.day)
            #expect(card.indicator(.key("1.1.1/1"))?.score.override == nil)
            #expect(card.indicator(.key("1.1.1/1"))?.score.final == 0.65)

            // Judged again, on the new value: it counts again.
            let again = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1/1", at: Self.day, achievement: 70,
                                                                                                   reason: "Rivisto"), expectedRowVersion: aside.rowVersion)
            #expect(again.judged.map(\.value) == ["650"])
            #expect(try await store.overrides(admin, planID: "piano-prova").first?.stands == true)
            #expect(try await store.currentResults(admin, planID: "piano-prova").overrides?.map(\.achievement) == [70])
        }
    }

    @Test("an objective's judgement covers every indicator below it, including a first value where there was none", arguments: TestBackend.allCases)
    func objectiveJudgementCoversItsIndicators(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "obiettivo"), oiv = Self.oiv(admin)
            try await Self.record(store, admin, "1.1.1/1", "1000")
            let strategic = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1", at: Self.day, achievement: 90,
                                                                                                       reason: "Sintesi"), expectedRowVersion: nil)
            #expect(strategic.judged.map(\.indicator.description) == ["1.1/1", "1.1.1/1", "1.1.1/2", "1.1.2/1"])
            _ = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.2", at: Self.day, achievement: 100, reason: "Ok"),
                                            expectedRowVersion: nil)
            try await Self.record(store, admin, "1.1.1/2", "85%")
            let rows = try await store.overrides(admin, planID: "piano-prova")
            #expect(rows.first { $0.override.subject == "1.1" }?.changes == [ValueChange(indicator: .key("1.1.1/2"), judged: nil, current: "85%")])
            #expect(rows.first { $0.override.subject == "1.1.2" }?.stands == true, "1.1.2 does not depend on 1.1.1/2")
            #expect(try await store.currentResults(admin, planID: "piano-prova").overrides?.map(\.subject) == ["1.1.2"])
        }
    }

    @Test("a batch is refused whole when a value changed after its judge saw it", arguments: TestBackend.allCases)
    func batchNamesTheValuesSeen(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "lotto"), oiv = Self.oiv(admin)
            try await Self.record(store, admin, "1.1.1/1", "900")
            let seen = try await store.judgementValues(oiv, planID: "piano-prova", subjects: ["1.1.1", "1.1.2"], at: Self.day)
            #expect(seen["1.1.1"]?.token == "1.1.1/1=1;1.1.1/2=0" && seen["1.1.2"]?.token == "1.1.2/1=0")
            try await Self.record(store, admin, "1.1.2/1", "SI")
            let writes = ["1.1.1", "1.1.2"].map {
                OverrideWrite(AchievementOverride(subject: $0, at: Self.day, achievement: 90, reason: "Conferma"), expectedRowVersion: nil, seen: seen[$0]?.token)
            }
            await #expect(throws: StoreError.self) { try await store.setOverrides(oiv, planID: "piano-prova", writes) }
            #expect(try await store.overrides(admin, planID: "piano-prova").isEmpty, "nothing of the batch was written")
            let fresh = try await store.judgementValues(oiv, planID: "piano-prova", subjects: ["1.1.1", "1.1.2"], at: Self.day)
            let written = try await store.setOverrides(oiv, planID: "piano-prova", writes.map { var write = $0; write.seen = fresh[$0.override.subject]?.token; return write })
            #expect(written.count == 2 && written.allSatisfy { $0.rowVersion == 1 })
        }
    }

    @Test("who may judge is the permission table's rule, in the store as in the application", arguments: TestBackend.allCases)
    func onlyTheTableDecidesWhoJudges(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "permessi")
            for role in Role.allCases {
                let context = AccessContext(organization: admin.organization, user: "utente-\(role.rawValue)", role: role)
                let override = AchievementOverride(subject: "1.1.2", at: Self.day, achievement: 50, reason: "Prova di \(role.rawValue)")
                let current = try await store.overrides(admin, planID: "piano-prova").first
                if role.may(.validateResults) {
                    _ = try await store.setOverride(context, planID: "piano-prova", override, expectedRowVersion: current?.rowVersion)
                } else {
                    await #expect(throws: StoreError.forbidden(role: role, action: "registrare correzioni dell'OIV")) {
                        try await store.setOverride(context, planID: "piano-prova", override, expectedRowVersion: current?.rowVersion)
                    }
                    let neutralisation = DeclaredNeutralisation(indicator: .key("1.1.2/1"), reason: "Non valutabile")
                    await #expect(throws: StoreError.self) { try await store.setNeutralisation(context, planID: "piano-prova", neutralisation, expectedRowVersion: nil) }
                }
            }
            #expect(try await store.overrides(admin, planID: "piano-prova").map(\.recordedBy) == ["utente-oiv"])
        }
    }

    @Test("migration 6 ties the judgements already stored to the values that count then", arguments: TestBackend.allCases)
    func migrationTiesExistingJudgements(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let organization = TestPlans.organization("prima-del-6")
            let context = TestPlans.admin(organization)
            let plan = TestPlans.small(organization: organization)
            try await MigrationTests.withRawDatabase(url) { database in
                #expect(try await Migrator(database: database).migrate(upTo: 5) == [1, 2, 3, 4, 5])
                try await database.transaction(.write, organization: organization) { db in
                    let scope = Scope(db: db, context: context, now: StoreTime.now())
                    _ = try await scope.insertOrganization(name: "Ente")
                    _ = try await scope.insertPlan(plan, rows: try PlanIndexRows(plan))
                    _ = try await scope.appendMeasurement(plan.id, MeasurementEntry(indicator: .key("1.1.1/1"), at: Self.day, text: "700"),
                                                          version: 1, expectedRevision: nil, illustrative: false, statedAt: nil)
                    try await db.raw("""
                        INSERT INTO overrides (organization_id, plan_id, subject, checkpoint, achievement, reason, validated_by, validated_on,
                                               recorded_by, recorded_at, row_version)
                        VALUES (\(bind: organization), \(bind: plan.id), '1.1.1', \(bind: Self.day.description), 95, 'Decisione del 2022', 'OIV', NULL,
                                'oiv', \(bind: StoreTime.text(StoreTime.now())), 1)
                        """).run()
                }
            }
            try await StoreLauncher.withStore(url, logger: TestBackend.logger, maximumConnections: 2) { store in
                let migrated = try #require(try await store.overrides(context, planID: plan.id).first)
                #expect(migrated.stands)
                #expect(migrated.judged.map(\.value) == ["700", nil])
                try await Self.record(store, context, "1.1.1/1", "720")
                #expect(try await store.overrides(context, planID: plan.id).first?.stands == false)
                #expect(try await store.currentResults(context, planID: plan.id).overrides == nil)
            }
        }
    }
}
