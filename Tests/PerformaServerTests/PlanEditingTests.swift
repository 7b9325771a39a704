import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

@Suite("Piano: editing by the struttura tecnica, revisions of an adopted plan")
struct PlanEditingTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let editor = Paths.editor(TestServer.planID)

    static func current(_ store: SQLStore) async throws -> StoredPlan {
        try await store.plan(admin, id: plan, version: nil)
    }

    static func versionFields(_ stored: StoredPlan) -> [(String, String)] {
        [("versione", String(stored.info.version)), ("riga", String(stored.info.rowVersion))]
    }

    @Test("changing an adopted plan needs a reason and an act, and creates version 2 with them")
    func revision() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let stored = try await Self.current(store)
            #expect(stored.info.status == .adopted)
            let form = try await admin.get(Self.editor + "/obiettivi/1.1.2/indicatori/1")
            #expect(form.text.contains("Revisione del piano adottato"))
            let fields = Self.versionFields(stored) + [
                ("titolo", "Pratiche di contributo liquidate"), ("storico", "97,40% corrispondente a 2.922 su 3.000"),
                ("target-2021-06-30", "800"), ("target-2021-12-31", "1500"), ("peso", "30"), ("documentazione", "Report del gestionale"),
            ]
            let withoutReason = try await admin.post(Self.editor + "/obiettivi/1.1.2/indicatori/1", fields)
            #expect(withoutReason.status == .unprocessableContent)
            #expect(withoutReason.text.contains("id=\"errore-motivo\""))
            #expect(try await Self.current(store).info.version == 1)

            let revised = try await admin.post(Self.editor + "/obiettivi/1.1.2/indicatori/1",
                                               fields + [("motivo", "Obiettivo rivisto al I semestre"), ("organo", "Giunta camerale"), ("numero-atto", "80"), ("data-atto", "15/07/2021")])
            #expect(revised.status == .seeOther)
            let after = try await Self.current(store)
            #expect(after.info.version == 2)
            #expect(after.info.reason == "Obiettivo rivisto al I semestre")
            #expect(after.info.act?.number == "80")
            let indicator = try #require(PlanIndex(after.plan).indicator(IndicatorKey(objective: "1.1.2", number: 1)))
            #expect(indicator.title == "Pratiche di contributo liquidate")
            #expect(indicator.target(at: .yearEnd(2021))?.target.text == "1500")
            #expect(indicator.evidence == "Report del gestionale")
            // Version 1 stays as it was.
            let first = try await store.plan(Self.admin, id: Self.plan, version: 1)
            #expect(PlanIndex(first.plan).indicator(IndicatorKey(objective: "1.1.2", number: 1))?.target(at: .yearEnd(2021))?.target.text == "1489")
            #expect(try await admin.get(Paths.planOverview(Self.plan)).text.contains("Obiettivo rivisto al I semestre"))
        }
    }

    @Test("an edit based on an outdated version is refused, nothing is saved")
    func stale() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let stored = try await Self.current(store)
            let response = try await admin.post(Self.editor + "/aree/1", [("versione", "0"), ("riga", String(stored.info.rowVersion)),
                                                                          ("codice", "1"), ("titolo", "Nuovo titolo"), ("motivo", "x"), ("data-atto", "01/07/2021")])
            #expect(response.status == .conflict)
            #expect(response.text.contains("nel frattempo"))
            #expect(try await Self.current(store).info.version == stored.info.version)
        }
    }

    @Test("a draft plan changes in place: new area, new strategic and operational objective, indicator, assignment")
    func draft() async throws {
        try await TestServer.run(prepare: { store in
            // A draft copy of the plan, with its own id, to edit in place.
            var draft = try await store.plan(Self.admin, id: Self.plan, version: nil).plan
            draft.id = "cciaa-brescia-2022-2024"
            draft.title = "Piano della Performance 2022-2024"
            draft.status = .draft
            draft.version = nil
            draft.acts = nil
            _ = try await store.importPlan(Self.admin, draft, revision: nil, createOrganization: false)
        }) { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let id = "cciaa-brescia-2022-2024"
            let editor = Paths.editor(id)
            func stored() async throws -> StoredPlan { try await store.plan(Self.admin, id: id, version: nil) }
            func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await admin.post(editor + path, Self.versionFields(try await stored()) + fields)
            }
            #expect(try await post("/aree/nuova", [("codice", "4"), ("titolo", "Sostenibilità"), ("peso", "")]).status == .seeOther)
            #expect(try await post("/obiettivi/nuovo?padre=4", [("codice", "4.1"), ("titolo", "Transizione ecologica delle imprese"), ("peso", "100"), ("quota", "50")]).status == .seeOther)
            let badCode = try await post("/obiettivi/nuovo?padre=4.1", [("codice", "5.1.1"), ("titolo", "Sportello energia"), ("peso", "100")])
            #expect(badCode.status == .unprocessableContent)
            #expect(badCode.text.contains("id=\"errore-codice\""))
            #expect(try await post("/obiettivi/nuovo?padre=4.1", [("codice", "4.1.1"), ("titolo", "Sportello energia"), ("peso", "100")]).status == .seeOther)
            #expect(try await post("/obiettivi/4.1.1/indicatori/nuovo", [("titolo", "Imprese assistite"), ("target-2021-06-30", "-"), ("target-2021-12-31", "Almeno 100"), ("peso", "100")]).status == .seeOther)
            let badWeight = try await post("/obiettivi/4.1.1/indicatori/1", [("titolo", "Imprese assistite"), ("target-2021-12-31", "Almeno 100"), ("peso", "molto")])
            #expect(badWeight.status == .unprocessableContent)
            #expect(badWeight.text.contains("id=\"errore-peso\""))
            #expect(try await post("/assegnazioni/vairano", [("obiettivo-0", "4.1.1"), ("peso-0", "100")]).status == .seeOther)

            let plan = try await stored()
            #expect(plan.info.version == 1, "a draft changes in place")
            #expect(plan.plan.areas.last?.code == "4")
            let indicator = try #require(PlanIndex(plan.plan).indicator(IndicatorKey(objective: "4.1.1", number: 1)))
            #expect(indicator.target(at: .yearEnd(2021))?.target.kind == .atLeast(100, unit: nil))
            #expect(plan.plan.assignments?.first { $0.manager == "vairano" }?.objectives.map(\.objective) == ["4.1.1"])
            // The new objective has its sheet, and the diagnostics see the changed plan.
            #expect(try await admin.get(Paths.objective(id, "4.1.1")).text.contains("Sportello energia"))
            #expect(try await admin.get(Paths.diagnostics(id)).status == .ok)
        }
    }

    @Test("the OIV records the validation of a draft plan, the struttura tecnica its adoption")
    func acts() async throws {
        try await TestServer.run(prepare: { store in
            var draft = try await store.plan(Self.admin, id: Self.plan, version: nil).plan
            draft.id = "bozza"
            draft.status = .draft
            draft.acts = nil
            _ = try await store.importPlan(Self.admin, draft, revision: nil, createOrganization: false)
        }) { client, store in
            func info() async throws -> PlanVersionInfo { try await store.plan(Self.admin, id: "bozza", version: nil).info }
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            #expect(try await oiv.post(Paths.plan("bozza") + "/atti", [("atto", "adozione"), ("data", "26/04/2021"), ("riga", String(try await info().rowVersion))]).status == .forbidden)
            #expect(try await oiv.post(Paths.plan("bozza") + "/atti", [("atto", "validazione"), ("data", "19/04/2021"), ("riga", String(try await info().rowVersion))]).status == .seeOther)
            #expect(try await info().status == .validated)
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            #expect(try await admin.post(Paths.plan("bozza") + "/atti", [("atto", "adozione"), ("numero", "45"), ("data", "26/04/2021"), ("riga", String(try await info().rowVersion))]).status == .seeOther)
            #expect(try await info().status == .adopted)
        }
    }
}
