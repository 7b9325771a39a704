import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
import PerformaFormats
@testable import PerformaServer
import PerformaStore
import Testing

/// The life of a plan in the browser: next year's draft from this year's plan, a past version compared with the
/// current one, the end of the cycle (Relazione adopted and validated), and the indicators' history across plans.
@Suite("Plan life: scorrimento, versions, closure, history")
struct PlanLifeTests {
    @Test("the Relazione adopted by the struttura tecnica and validated by the OIV closes the plan; no value is taken afterwards")
    func closure() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let acts = Paths.plan(TestServer.planID) + "/atti"
            func row() async throws -> String { String(try await store.plan(PermissionTests.admin, id: TestServer.planID, version: nil).info.rowVersion) }
            // The OIV cannot validate a Relazione not yet adopted, nor adopt it.
            let early = try await oiv.post(acts, [("atto", "validazione-relazione"), ("data", "20/06/2022"), ("riga", try await row())])
            #expect(early.status == .unprocessableContent && early.text.contains("non è ancora adottata"))
            #expect(try await oiv.post(acts, [("atto", "adozione-relazione"), ("data", "13/06/2022"), ("riga", try await row())]).status == .forbidden)
            #expect(try await admin.get(Paths.planOverview(TestServer.planID)).text.contains("id=\"adozione-relazione\""))
            let adopted = try await admin.post(acts, [("atto", "adozione-relazione"), ("numero", "50"), ("data", "13/06/2022"), ("riga", try await row())])
            #expect(adopted.status == .seeOther)
            let validated = try await oiv.post(acts, [("atto", "validazione-relazione"), ("data", "20/06/2022"), ("riga", try await row())])
            #expect(validated.status == .seeOther)
            #expect(try await store.plan(PermissionTests.admin, id: TestServer.planID, version: nil).info.status == .closed)
            let page = try await admin.get(Paths.planOverview(TestServer.planID)).text
            #expect(page.contains("Il ciclo del piano è chiuso") && page.contains("Validazione OIV della Relazione"))
            let refused = try await admin.postMultipart(Paths.measurementForm(TestServer.planID, IndicatorKey(objective: "1.1.2", number: 1), .yearEnd(2021)),
                                                        [("valore", "123")])
            #expect(refused.status.code >= 400 && refused.text.contains("chiuso"))
        }
    }

    @Test("after scorrimento an objective's page shows its indicators in both plans, with the value measured in 2021")
    func historyAcrossPlans() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            #expect(!(try await admin.get(Paths.objective(TestServer.planID, "1.1.2")).text.contains("tabella-storico-piani")))
            _ = try await admin.post(Paths.plan(TestServer.planID) + "/scorrimento", [])
            let page = try await admin.get(Paths.objective("cciaa-brescia-2022-2024", "1.1.2")).text
            #expect(page.contains("tabella-storico-piani"))
            let measured = try #require(try await store.currentResults(PermissionTests.admin, planID: TestServer.planID)
                .current(IndicatorKey(objective: "1.1.2", number: 1), at: .yearEnd(2021)))
            #expect(page.contains(Paths.objective(TestServer.planID, "1.1.2")), "links to the objective in the other plan")
            #expect(page.contains("<td data-label=\"Rilevato\">\(measured.text)</td>"))
        }
    }

    @Test("the struttura tecnica drafts 2022-2024 from 2021-2023: a draft with the 31/12/2021 values as baselines; a second time is refused")
    func rollOver() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let overview = try await admin.get(Paths.planOverview(TestServer.planID))
            #expect(overview.text.contains("Crea la bozza del piano 2022–2024"))
            let created = try await admin.post(Paths.plan(TestServer.planID) + "/scorrimento", [])
            #expect(created.status == .seeOther)
            #expect(created.location == Paths.planOverview("cciaa-brescia-2022-2024") + "?esito=piano-successivo")
            let draft = try await store.plan(PermissionTests.admin, id: "cciaa-brescia-2022-2024", version: nil)
            #expect(draft.info.status == .draft)
            let results = try await store.currentResults(PermissionTests.admin, planID: TestServer.planID)
            let key = IndicatorKey(objective: "1.1.2", number: 1)
            let measured = try #require(results.current(key, at: .yearEnd(2021)))
            #expect(PlanIndex(draft.plan).indicator(key)?.baseline?.text == measured.text)
            let page = try await admin.get(Paths.planOverview("cciaa-brescia-2022-2024") + "?esito=piano-successivo")
            #expect(page.text.contains("Bozza del piano successivo creata"))

            let again = try await admin.post(Paths.plan(TestServer.planID) + "/scorrimento", [])
            #expect(again.status == .conflict)
            #expect(again.text.contains("esiste già"))
        }
    }

    @Test("a revision made in the browser is found comparing version 1 with the current one, with its act and reason")
    func compareVersions() async throws {
        try await TestServer.run { client, store in
            var plan = try await store.plan(PermissionTests.admin, id: TestServer.planID, version: nil).plan
            plan.areas[0].title += " (rivista)"
            _ = try await store.revisePlan(PermissionTests.admin, plan, revision: PlanRevision(reason: "Titolo dell'area rivisto",
                                                                                                   act: ApprovalAct(kind: .revision, body: "Giunta", number: "91", date: Day(2021, 9, 1))),
                                          expectedVersion: 1)
            var viewer = TestBrowser(client)
            try await viewer.login(DemoUser.viewer)
            let overview = try await viewer.get(Paths.planOverview(TestServer.planID))
            #expect(overview.text.contains("confronto?versione=1"))
            let page = try await viewer.get(Paths.plan(TestServer.planID) + "/confronto?versione=1").text
            #expect(page.contains("(rivista)"))
            #expect(page.contains("Titolo dell&#39;area rivisto") || page.contains("Titolo dell'area rivisto"))
            #expect(page.contains("n. 91"))
            #expect(try await viewer.get(Paths.plan(TestServer.planID) + "/confronto?versione=abc").status == .badRequest)
            #expect(try await viewer.get(Paths.plan(TestServer.planID) + "/confronto").status == .badRequest)
        }
    }
}
