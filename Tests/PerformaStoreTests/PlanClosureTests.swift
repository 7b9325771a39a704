import Foundation
import Performa
import Testing
@testable import PerformaStore

/// The end of a plan's cycle, on SQLite and PostgreSQL: the Relazione is adopted (struttura tecnica), then validated
/// by the OIV, which closes the plan; a closed plan takes no revision, value or judgement, and says why.
@Suite("Plan closure")
struct PlanClosureTests {
    @Test("adopted Relazione, then the OIV's validation closes the plan; nothing changes it afterwards", arguments: TestBackend.allCases)
    func closure(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "chiusura")
            let oiv = AccessContext(organization: admin.organization, user: "oiv", role: .oiv)
            let planID = "piano-prova"
            _ = try await store.recordMeasurement(admin, planID: planID, MeasurementEntry(indicator: .key("1.1.1/1"), at: .yearEnd(2021), text: "400"),
                                                  expectedRevision: nil)
            var info = try await store.plan(admin, id: planID, version: nil).info
            #expect(info.status == .adopted)
            // The OIV cannot validate a Relazione that was not adopted; a manager cannot adopt it.
            await #expect(throws: StoreError.invalid("La Relazione sulla performance del piano «piano-prova» non è ancora adottata: l'OIV valida la Relazione adottata.")) {
                try await store.advancePlan(oiv, planID: planID, act: ApprovalAct(kind: .reportValidation, body: "OIV", date: Day(2022, 6, 20)),
                                            expectedRowVersion: info.rowVersion)
            }
            await #expect(throws: StoreError.self) {
                try await store.advancePlan(AccessContext(organization: admin.organization, user: "m", role: .manager), planID: planID,
                                            act: ApprovalAct(kind: .reportAdoption, body: "Giunta camerale", number: "50", date: Day(2022, 6, 13)),
                                            expectedRowVersion: info.rowVersion)
            }
            info = try await store.advancePlan(admin, planID: planID, act: ApprovalAct(kind: .reportAdoption, body: "Giunta camerale", number: "50", date: Day(2022, 6, 13)),
                                               expectedRowVersion: info.rowVersion)
            #expect(info.status == .adopted, "adopting the Relazione alone does not close the plan")
            info = try await store.advancePlan(oiv, planID: planID, act: ApprovalAct(kind: .reportValidation, body: "OIV", date: Day(2022, 6, 20)),
                                               expectedRowVersion: info.rowVersion)
            #expect(info.status == .closed)
            #expect(try await store.plan(admin, id: planID, version: nil).plan.acts?.suffix(2).map(\.kind) == [.reportAdoption, .reportValidation])

            let closed = StoreError.invalid("Il piano «piano-prova» è chiuso: la Relazione sulla performance è stata adottata e validata dall'OIV, i suoi dati non cambiano più.")
            await #expect(throws: closed) {
                try await store.recordMeasurement(admin, planID: planID, MeasurementEntry(indicator: .key("1.1.1/1"), at: .yearEnd(2021), text: "500"),
                                                  expectedRevision: 1)
            }
            await #expect(throws: closed) {
                try await store.setOverrides(oiv, planID: planID, [OverrideWrite(AchievementOverride(subject: "1.1.1", at: .yearEnd(2021), achievement: 90, reason: "prova"),
                                                                                  expectedRowVersion: nil, seen: nil)])
            }
            var revised = try await store.plan(admin, id: planID, version: nil).plan
            revised.title = "Dopo la chiusura"
            await #expect(throws: closed) {
                try await store.revisePlan(admin, revised, revision: TestPlans.revision, expectedVersion: info.version)
            }
            await #expect(throws: closed) {
                try await store.importPlan(admin, revised, revision: TestPlans.revision, createOrganization: false)
            }
            await #expect(throws: closed) {
                try await store.advancePlan(oiv, planID: planID, act: ApprovalAct(kind: .reportValidation, body: "OIV", date: Day(2022, 6, 21)),
                                            expectedRowVersion: info.rowVersion)
            }
            // What was measured stays readable.
            #expect(try await store.currentResults(admin, planID: planID).measurements.count == 1)
            #expect(try await store.auditLog(admin, AuditQuery(entity: "plan")).prefix(2).map(\.action) == ["close", "adopt-report"])
        }
    }
}
