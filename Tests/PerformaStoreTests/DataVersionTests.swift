import Foundation
import Performa
import Testing
@testable import PerformaStore

/// The organization's data version (schema 3) is what the server's plan cache trusts: it must move with every
/// committed write of the organization, and with nothing else.
@Suite("Data version: every committed write of an organization moves it, nothing else does")
struct DataVersionTests {
    @Test("reads leave it, writes raise it, refused writes and other organizations' writes do not", arguments: TestBackend.allCases)
    func dataVersion(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "versione")
            let other = try await TestPlans.seeded(store, "altro")
            let user = try await store.createUser(context, NewUser(username: "rossi", displayName: "Anna Rossi", role: .admin, passwordHash: "h"))
            let signedIn = AccessContext(organization: context.organization, user: user.id, role: .admin)
            let token = try await store.createSession(signedIn, expiresAt: Date().addingTimeInterval(3600)).token
            func version() async throws -> Int64 { try #require(try await store.signedIn(token: token, at: Date())).dataVersion }

            let start = try await version()
            _ = try await store.plan(context, id: "piano-prova", version: nil)
            _ = try await store.results(context, planID: "piano-prova")
            #expect(try await version() == start, "reads change nothing")

            let key = IndicatorKey.key("1.1.1/1")
            _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "10"),
                                                  expectedRevision: nil)
            let afterWrite = try await version()
            #expect(afterWrite > start)

            await #expect(throws: StoreError.self) {
                try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "11"),
                                                  expectedRevision: 0)
            }
            #expect(try await version() == afterWrite, "a refused write rolls back its increment too")

            _ = try await store.recordMeasurement(other, planID: "piano-prova", MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "12"),
                                                  expectedRevision: nil)
            #expect(try await version() == afterWrite, "another organization's write is not this one's change")
        }
    }
}
