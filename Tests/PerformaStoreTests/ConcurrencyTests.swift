import Foundation
import Performa
import Testing
@testable import PerformaStore

@Suite("Optimistic concurrency: stale writes are refused, concurrent writers lose nothing")
struct ConcurrencyTests {
    @Test("a stale write is refused with a clear error and changes nothing", arguments: TestBackend.allCases)
    func staleWritesAreRefused(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "stale")
            let key = IndicatorKey.key("1.1.1/1"), day = Day.yearEnd(2021)

            // Two editors read revision 0; the first saves, the second is refused.
            _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: day, text: "900"), expectedRevision: 0)
            await #expect(throws: StoreError.staleWrite(subject: "la rilevazione di 1.1.1/1 al 31/12/2021", expected: 0, current: 1)) {
                try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: day, text: "950"), expectedRevision: 0)
            }
            #expect(try await store.measurementHistory(context, planID: "piano-prova", indicator: key, at: day).map(\.text) == ["900"])

            // Users: the second edit, based on the old row version, is refused and the first edit stays.
            let user = try await store.createUser(context, NewUser(username: "verdi", displayName: "Luca Verdi", role: .viewer, passwordHash: "h"))
            var first = user, second = user
            first.displayName = "Luca Verdi (Ufficio controllo)"
            second.displayName = "L. Verdi"
            _ = try await store.updateUser(context, first, newPasswordHash: nil)
            do {
                _ = try await store.updateUser(context, second, newPasswordHash: nil)
                Issue.record("a stale user update was accepted")
            } catch let error as StoreError {
                #expect(error == .staleWrite(subject: "l'utente «verdi»", expected: 1, current: 2))
                #expect(error.description.contains("nulla è stato salvato"))
            }
            #expect(try await store.user(context, id: user.id).displayName == "Luca Verdi (Ufficio controllo)")

            // Plans: a revision based on a version that is no longer current is refused.
            var changed = TestPlans.small(organization: context.organization)
            changed.title = "Piano di prova, revisione"
            _ = try await store.revisePlan(context, changed, revision: TestPlans.revision, expectedVersion: 1)
            changed.title = "Piano di prova, revisione concorrente"
            await #expect(throws: StoreError.staleWrite(subject: "il piano «piano-prova»", expected: 1, current: 2)) {
                try await store.revisePlan(context, changed, revision: TestPlans.revision, expectedVersion: 1)
            }
            #expect(try await store.planVersions(context, planID: "piano-prova").map(\.version) == [1, 2])

            // Organization, override, campaign: the same rule.
            let organization = try await store.organization(context)
            _ = try await store.renameOrganization(context, to: "Ente rinominato", expectedRowVersion: organization.rowVersion)
            await #expect(throws: StoreError.self) {
                try await store.renameOrganization(context, to: "Altro nome", expectedRowVersion: organization.rowVersion)
            }
            #expect(try await store.organization(context).name == "Ente rinominato")
            let oiv = AccessContext(organization: context.organization, user: "oiv", role: .oiv)
            let override = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1", at: day, achievement: 80, reason: "prima"), expectedRowVersion: nil)
            _ = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1", at: day, achievement: 85, reason: "seconda"), expectedRowVersion: override.rowVersion)
            await #expect(throws: StoreError.self) {
                try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1", at: day, achievement: 99, reason: "terza"), expectedRowVersion: override.rowVersion)
            }
            await #expect(throws: StoreError.self) {
                try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1", at: day, achievement: 99, reason: "doppia"), expectedRowVersion: nil)
            }
            #expect(try await store.overrides(context, planID: "piano-prova").map(\.override.achievement) == [85])
        }
    }

    @Test("concurrent writers: every append is kept, and of racing edits exactly one wins each round", arguments: TestBackend.allCases)
    func concurrentWritersLoseNothing(backend: TestBackend) async throws {
        try await backend.withStore(maximumConnections: 6) { store in
            let context = try await TestPlans.seeded(store, "concorrenza")
            let shared = IndicatorKey.key("1.1.1/1"), own = IndicatorKey.key("1.1.1/2"), day = Day.yearEnd(2021)
            let writers = 6, perWriter = 8

            // Blind appends to one shared series and to one series per checkpoint, all at once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for step in 0..<perWriter {
                            _ = try await store.recordMeasurement(context, planID: "piano-prova",
                                                                  MeasurementEntry(indicator: shared, at: day, text: "\(writer * 100 + step)", author: "w\(writer)"),
                                                                  expectedRevision: nil)
                            let checkpoint = step % 2 == 0 ? Day.midYear(2021) : day
                            _ = try await store.recordMeasurement(context, planID: "piano-prova",
                                                                  MeasurementEntry(indicator: own, at: checkpoint, text: "\(writer)%", author: "w\(writer)"),
                                                                  expectedRevision: nil)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let history = try await store.measurementHistory(context, planID: "piano-prova", indicator: shared, at: day)
            #expect(history.map(\.revision) == Array(1...(writers * perWriter)))
            let expected = Set((0..<writers).flatMap { writer in (0..<perWriter).map { "\(writer * 100 + $0)" } })
            #expect(Set(history.map(\.text)) == expected)
            let others = try await store.measurements(context, planID: "piano-prova").filter { $0.indicator == own }
            #expect(others.count == writers * perWriter)

            // Read-modify-write races on one series: each editor bases its value on the revision it read and
            // retries after a refusal. Nobody's value is lost and none overwrites another.
            let racing = IndicatorKey.key("1.1.2/1")
            _ = try await withThrowingTaskGroup(of: Int.self) { group in
                for editor in 0..<writers {
                    group.addTask {
                        var refused = 0
                        while true {
                            let seen = try await store.measurementHistory(context, planID: "piano-prova", indicator: racing, at: day).last?.revision ?? 0
                            do {
                                _ = try await store.recordMeasurement(context, planID: "piano-prova",
                                                                      MeasurementEntry(indicator: racing, at: day, text: editor % 2 == 0 ? "SI" : "NO", note: "editor \(editor)"),
                                                                      expectedRevision: seen)
                                return refused
                            } catch StoreError.staleWrite, StoreError.concurrentWrite {
                                refused += 1
                            }
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            let raced = try await store.measurementHistory(context, planID: "piano-prova", indicator: racing, at: day)
            #expect(raced.map(\.revision) == Array(1...writers))
            #expect(Set(raced.compactMap(\.note)) == Set((0..<writers).map { "editor \($0)" }))

            // Concurrent edits of the same user from the same version: exactly one succeeds.
            let user = try await store.createUser(context, NewUser(username: "neri", displayName: "Neri", role: .viewer, passwordHash: "h"))
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for editor in 0..<writers {
                    group.addTask {
                        var edited = user
                        edited.displayName = "Neri \(editor)"
                        do {
                            _ = try await store.updateUser(context, edited, newPasswordHash: nil)
                            return true
                        } catch StoreError.staleWrite, StoreError.concurrentWrite {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let final = try await store.user(context, id: user.id)
            #expect(final.rowVersion == 2)
            #expect(final.displayName.hasPrefix("Neri "))
            // The audit log holds exactly the one accepted user edit.
            #expect(try await store.auditLog(context, AuditQuery(entity: "user", entityKey: user.id)).filter { $0.action == "update" }.count == 1)
        }
    }
}
