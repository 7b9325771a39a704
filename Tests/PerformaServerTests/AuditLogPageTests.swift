import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import PerformaStore
import Testing

/// The audit log in the browser: the struttura tecnica and the OIV read it, filtered by object, key and person.
@Suite("Audit log page")
struct AuditLogPageTests {
    @Test("a measurement entered by a manager is found by object, by key prefix and by person; a filter that matches nothing says so")
    func filters() async throws {
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let revision = try await MeasurementFlowTests.history(store).last?.revision ?? 0
            let saved = try await manager.postMultipart(MeasurementFlowTests.form, [("valore", "300"), ("revisione", String(revision))])
            #expect(saved.status == .seeOther)
            let managerID = try await store.users(PermissionTests.admin).first { $0.username == DemoUser.manager }!.id

            for username in [DemoUser.admin, DemoUser.oiv] {
                var reader = TestBrowser(client)
                try await reader.login(username)
                let byObject = try await reader.get("/registro?oggetto=measurement").text
                #expect(byObject.contains("rilevazione") && byObject.contains("\(TestServer.planID)/1.1.2/1@2021-12-31"), "\(username)")
                let byKey = try await reader.get("/registro?chiave=\(TestServer.planID)/1.1.2").text
                #expect(byKey.contains("1.1.2/1@2021-12-31"))
                let byPerson = try await reader.get("/registro?persona=\(managerID)").text
                #expect(byPerson.contains("1.1.2/1@2021-12-31"))
                #expect(!byPerson.contains(">creazione<"), "the demo's users were created by someone else")
                let none = try await reader.get("/registro?chiave=nessuna-chiave-così").text
                #expect(none.contains("Nessuna voce del registro"))
            }
        }
    }
}
