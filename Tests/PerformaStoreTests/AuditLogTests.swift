import Foundation
import Performa
import SQLKit
import Testing
@testable import PerformaStore

@Suite("Audit log")
struct AuditLogTests {
    @Test("every change is logged with who, when, what, before and after; the log cannot be altered", arguments: TestBackend.allCases)
    func everyChangeIsLogged(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let start = Date().addingTimeInterval(-1)
            let context = try await TestPlans.seeded(store, "audit")
            let key = IndicatorKey.key("1.1.1/1"), day = Day.yearEnd(2021)
            let first = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: day, text: "700"), expectedRevision: 0)
            let second = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: day, text: "750"), expectedRevision: 1)
            let entries = try await store.auditLog(context, AuditQuery())
            #expect(entries.map(\.entity) == ["measurement", "measurement", "plan", "organization"])
            #expect(entries.allSatisfy { $0.actor == context.user && $0.role == "admin" && $0.at >= start && $0.entryIsGenuine })
            #expect(entries.map(\.id) == entries.map(\.id).sorted(by: >))

            // The correction's entry holds the value before and after, as JSON.
            let correction = entries[0]
            #expect(correction.entityKey == "piano-prova/1.1.1/1@2021-12-31#2")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in try StoreTime.date(try decoder.singleValueContainer().decode(String.self)) }
            #expect(try decoder.decode(StoredMeasurement.self, from: Data(try #require(correction.before).utf8)) == first)
            #expect(try decoder.decode(StoredMeasurement.self, from: Data(try #require(correction.after).utf8)) == second)
            #expect(entries[1].before == nil)

            // Append-only, enforced by the database.
            for statement in ["UPDATE audit_log SET actor = 'altri'", "DELETE FROM audit_log"] {
                await #expect(throws: (any Error).self) {
                    try await store.database.transaction(.write, organization: context.organization) { db in try await db.raw(SQLQueryString(statement)).run() }
                }
            }
            #expect(try await store.auditLog(context, AuditQuery()) == entries)
            #expect(try await store.auditLog(context, AuditQuery(limit: 2)) == Array(entries.prefix(2)))
        }
    }

    @Test("the log is filtered by entity, key prefix (with % and _ taken literally) and actor, and read page by page", arguments: TestBackend.allCases)
    func filters(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "audit-filtri")
            let day = Day.yearEnd(2021)
            for (text, revision) in [("700", 0), ("710", 1)] {
                _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key("1.1.1/1"), at: day, text: text),
                                                      expectedRevision: revision)
            }
            var other = context
            other.user = "un-altro"
            _ = try await store.recordMeasurement(other, planID: "piano-prova", MeasurementEntry(indicator: .key("1.1.2/1"), at: day, text: "SI"), expectedRevision: 0)

            let measurements = try await store.auditLog(context, AuditQuery(entity: "measurement"))
            #expect(measurements.count == 3)
            let first = try await store.auditLog(context, AuditQuery(entityKeyPrefix: "piano-prova/1.1.1/"))
            #expect(first.map(\.entityKey) == ["piano-prova/1.1.1/1@2021-12-31#2", "piano-prova/1.1.1/1@2021-12-31#1"])
            #expect(try await store.auditLog(context, AuditQuery(entityKeyPrefix: "piano-prova/1.1.%")).isEmpty, "% is no wildcard")
            #expect(try await store.auditLog(context, AuditQuery(entityKeyPrefix: "piano_prova")).isEmpty, "_ is no wildcard")
            #expect(try await store.auditLog(context, AuditQuery(actor: "un-altro")).map(\.entityKey) == ["piano-prova/1.1.2/1@2021-12-31#1"])

            let all = try await store.auditLog(context, AuditQuery())
            let firstPage = try await store.auditLog(context, AuditQuery(limit: 2))
            let secondPage = try await store.auditLog(context, AuditQuery(before: firstPage.last?.id, limit: 2))
            #expect(firstPage + secondPage == Array(all.prefix(4)))
        }
    }
}
