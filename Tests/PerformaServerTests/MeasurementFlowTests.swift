import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

@Suite("Rilevazioni: entering values, checks, campaigns, evidence")
struct MeasurementFlowTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let form = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))

    static func history(_ store: SQLStore) async throws -> [StoredMeasurement] {
        try await store.measurementHistory(admin, planID: plan, indicator: key, at: .yearEnd(2021))
    }

    @Test("a manager enters a 31/12 value with a note and evidence; the cruscotto's achievement changes at once")
    func entryChangesTheDashboard() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let before = try await PageTests.scorecard(store, at: .yearEnd(2021))
            let beforeDashboard = try await browser.get(Paths.dashboard(Self.plan))
            #expect(beforeDashboard.text.contains(Display.achievement(before.result.final)))

            let page = try await browser.get(Self.form)
            #expect(page.text.contains("Salva la rilevazione"))
            let revision = try await Self.history(store).last?.revision ?? 0
            let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
            let saved = try await browser.postMultipart(Self.form, [("valore", "300"), ("nota", "Bandi chiusi in anticipo"), ("revisione", String(revision))],
                                                        file: ("evidenza", "verbale.pdf", "application/pdf", pdf))
            #expect(saved.status == .seeOther)
            #expect(saved.location?.contains("esito=rilevazione-salvata") == true)

            let history = try await Self.history(store)
            #expect(history.last?.text == "300")
            #expect(history.last?.note == "Bandi chiusi in anticipo")
            #expect(history.count == 2, "the illustrative value stays in the history")
            let files = try await store.evidenceFiles(Self.admin, planID: Self.plan, indicator: Self.key, at: .yearEnd(2021))
            #expect(files.map(\.fileName) == ["verbale.pdf"])

            let after = try await PageTests.scorecard(store, at: .yearEnd(2021))
            #expect(after.result.final != before.result.final)
            let dashboard = try await browser.get(Paths.dashboard(Self.plan))
            #expect(dashboard.text.contains(Display.achievement(after.result.final)))
            // The form now shows the history with the earlier value and note, and the document.
            let again = try await browser.get(Self.form)
            #expect(again.text.contains("Bandi chiusi in anticipo"))
            #expect(again.text.contains(history[0].text))
            let download = try await browser.get(Paths.evidence(Self.plan, try #require(files.first).id))
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body) == pdf)
        }
    }

    @Test("an invalid value gets its message next to the field and nothing is saved", arguments: [
        ("1.1.2/1", "molti", "Valore non leggibile"),          // a count needs a number
        ("1.1.2/1", "SI", "Valore non adatto"),                // not SI/NO
        ("1.1.2/1", "-5", "non può essere negativo"),
        ("1.1.2/1", "", "Inserire il valore rilevato"),
    ])
    func invalidValue(indicator: String, value: String, message: String) async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let key = try #require(IndicatorKey(parsing: indicator))
            let before = try await store.measurements(Self.admin, planID: Self.plan)
            let response = try await browser.postMultipart(Paths.measurementForm(Self.plan, key, .yearEnd(2021)), [("valore", value), ("nota", "non deve restare")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("id=\"valore-errore\""))
            #expect(response.text.contains(message))
            #expect(response.text.contains("aria-invalid=\"true\""))
            #expect(try await store.measurements(Self.admin, planID: Self.plan) == before)
        }
    }

    @Test("a yes/no indicator takes SI or NO; a percentage takes a percentage")
    func kinds() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.admin)
            let plan = try await store.plan(Self.admin, id: Self.plan, version: nil).plan
            let yesNo = try #require(PlanIndex(plan).indicators.first { entry in
                entry.indicator.target(at: .yearEnd(2021)).map { if case .yesNo = $0.target.kind { return true } else { return false } } ?? false
            })
            let refused = try await browser.postMultipart(Paths.measurementForm(Self.plan, yesNo.key, .yearEnd(2021)), [("valore", "42")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("SI oppure NO"))
            let accepted = try await browser.postMultipart(Paths.measurementForm(Self.plan, yesNo.key, .yearEnd(2021)), [("valore", "NO")])
            #expect(accepted.status == .seeOther)
        }
    }

    @Test("a closed collection refuses values until the struttura tecnica reopens it with a reason")
    func campaign() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let closed = try await admin.post(Paths.campaign(Self.plan, .yearEnd(2021)), [("azione", "chiudi"), ("versione", "0")])
            #expect(closed.status == .seeOther)

            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let form = try await manager.get(Self.form)
            #expect(!form.text.contains("Salva la rilevazione"))
            #expect(form.text.contains("è chiusa"))
            let refused = try await manager.postMultipart(Self.form, [("valore", "1.600")])
            #expect(refused.status == .forbidden)
            #expect(try await Self.history(store).last?.text != "1.600")

            let campaign = try #require(try await store.campaigns(Self.admin, planID: Self.plan).first { $0.checkpoint == .yearEnd(2021) })
            let noReason = try await admin.post(Paths.campaign(Self.plan, .yearEnd(2021)), [("azione", "riapri"), ("versione", String(campaign.rowVersion))])
            #expect(noReason.status == .unprocessableContent)
            let reopened = try await admin.post(Paths.campaign(Self.plan, .yearEnd(2021)),
                                                [("azione", "riapri"), ("motivo", "Dati del registro arrivati in ritardo"), ("versione", String(campaign.rowVersion))])
            #expect(reopened.status == .seeOther)
            let state = try #require(try await store.campaigns(Self.admin, planID: Self.plan).first { $0.checkpoint == .yearEnd(2021) })
            #expect(state.state == .reopened)
            #expect(state.reason == "Dati del registro arrivati in ritardo")
            #expect(try await manager.postMultipart(Self.form, [("valore", "1.600")]).status == .seeOther)
            let audit = try await store.auditLog(Self.admin, AuditQuery(entity: "campaign"))
            #expect(audit.count >= 2)
        }
    }

    @Test("a value based on an outdated history is refused and nothing is overwritten")
    func staleRevision() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let current = try await Self.history(store).last?.revision ?? 0
            #expect(try await browser.postMultipart(Self.form, [("valore", "1.400"), ("revisione", String(current))]).status == .seeOther)
            let stale = try await browser.postMultipart(Self.form, [("valore", "1.450"), ("revisione", String(current))])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("nel frattempo"))
            #expect(try await Self.history(store).last?.text == "1.400")
        }
    }

    @Test("an evidence file of a refused type is rejected next to its field, with nothing saved")
    func rejectedEvidence() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let before = try await Self.history(store)
            let response = try await browser.postMultipart(Self.form, [("valore", "1.500")],
                                                           file: ("evidenza", "programma.exe", "application/x-msdownload", Data([0x4D, 0x5A, 0x90, 0x00])))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("id=\"evidenza-errore\""))
            #expect(try await Self.history(store) == before)
        }
    }
}
