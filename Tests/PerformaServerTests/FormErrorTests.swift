import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// Refused forms (issue 12, item 11): every error at once in a summary that takes the focus, messages that suggest
/// only what the indicator takes, the chosen document never dropped silently, and a confirmation before a
/// collection is closed.
@Suite("Forms: error summary, kept input, chosen documents, confirmation before closing a collection")
struct FormErrorTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let form = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    static func evidence(_ store: SQLStore) async throws -> [EvidenceFile] {
        try await store.evidenceFiles(admin, planID: plan, indicator: key, at: .yearEnd(2021))
    }

    @Test("an unreadable value and a wrong file are both listed, linked to their fields, in a summary that has the focus")
    func everyErrorAtOnce() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let response = try await browser.postMultipart(Self.form, [("valore", "molti"), ("nota", "resta")],
                                                           file: ("evidenza", "virus.exe", "application/octet-stream", Data("MZ".utf8)))
            #expect(response.status == .unprocessableContent)
            let text = response.text
            #expect(text.contains("id=\"riepilogo-errori\" tabindex=\"-1\" autofocus"))
            #expect(text.contains("Il modulo contiene 2 errori"))
            #expect(text.contains("href=\"#valore\""))
            #expect(text.contains("href=\"#evidenza\""))
            #expect(text.contains("Tipo di documento non ammesso"))
            #expect(text.contains(">resta</textarea>"), "the note stays")
            #expect(try await Self.evidence(store).isEmpty)
        }
    }

    @Test("the message of an unreadable value suggests only what the indicator takes")
    func kindSpecificHint() async throws {
        // 1.1.2/1 is a count: a number, never SI, a percentage, a ratio or a date.
        let count = try #require(MeasurementCheck.problem("molti", target: Target(parsing: "1489")))
        #expect(count.contains("Atteso un numero"))
        for foreign in ["SI", "95%", "475/500", "20/12/2021", "raggiunto"] { #expect(!count.contains(foreign), "\(foreign) in «\(count)»") }
        let yesNo = try #require(MeasurementCheck.problem("forse", target: Target(parsing: "SI")))
        #expect(yesNo.contains("SI oppure NO"))
        #expect(!yesNo.contains("1.489"))
    }

    @Test("a good document chosen with a refused value is not stored and the page says it must be chosen again")
    func chosenDocumentIsNamed() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let response = try await browser.postMultipart(Self.form, [("valore", "-5")], file: ("evidenza", "verbale.pdf", "application/pdf", Self.pdf))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("«verbale.pdf» non è stato caricato"))
            #expect(response.text.contains("va selezionato di nuovo"))
            #expect(response.text.contains("value=\"-5\""), "the value stays to be corrected")
            #expect(try await Self.evidence(store).isEmpty)
        }
    }

    @Test("a form built on an outdated revision is refused before the chosen document is stored")
    func staleFormKeepsNothingSilently() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let response = try await browser.postMultipart(Self.form, [("valore", "1.600"), ("revisione", "0")],
                                                           file: ("evidenza", "verbale.pdf", "application/pdf", Self.pdf))
            #expect(response.status == .conflict)
            #expect(response.text.contains("va selezionato di nuovo"))
            #expect(try await Self.evidence(store).isEmpty)
        }
    }

    @Test("the plan editor lists every error of the form at once, each next to its field")
    func editorListsEveryError() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let stored = try await store.plan(Self.admin, id: Self.plan, version: nil)
            let response = try await admin.post(Paths.editor(Self.plan) + "/obiettivi/1.1.2/indicatori/1", [
                ("versione", String(stored.info.version)), ("riga", String(stored.info.rowVersion)),
                ("titolo", ""), ("target-2021-12-31", "1500"), ("peso", "venti"),
            ])
            #expect(response.status == .unprocessableContent)
            let text = response.text
            // The title, the unreadable weight and (the plan is adopted) the revision's reason and date.
            for field in ["titolo", "peso", "motivo", "data-atto"] {
                #expect(text.contains("id=\"errore-\(field)\""), "\(field)")
                #expect(text.contains("href=\"#campo-\(field)\""), "\(field) in the summary")
            }
            #expect(text.contains("Il modulo contiene 4 errori"))
            #expect(text.contains("value=\"venti\""))
            #expect(try await store.plan(Self.admin, id: Self.plan, version: nil).info.version == stored.info.version)
        }
    }

    @Test("closing a collection goes through a confirmation page that changes nothing by itself")
    func confirmationBeforeClosing() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let list = try await admin.get(Paths.measurements(Self.plan, at: .yearEnd(2021)))
            #expect(list.text.contains("href=\"\(Paths.campaign(Self.plan, .yearEnd(2021)))/chiusura\""))
            #expect(!list.text.contains("name=\"azione\" value=\"chiudi\""), "no button closes a collection in one click")
            let page = try await admin.get(Paths.campaign(Self.plan, .yearEnd(2021)) + "/chiusura")
            #expect(page.status == .ok)
            #expect(page.text.contains("Chiudere la rilevazione al 31/12/2021?"))
            #expect(page.text.contains("name=\"azione\" value=\"chiudi\""))
            #expect(try await store.campaigns(Self.admin, planID: Self.plan).allSatisfy(\.acceptsMeasurements))
            let closed = try await admin.post(Paths.campaign(Self.plan, .yearEnd(2021)), [("azione", "chiudi"), ("versione", "0")])
            #expect(closed.status == .seeOther)
            let again = try await admin.get(Paths.campaign(Self.plan, .yearEnd(2021)) + "/chiusura")
            #expect(again.text.contains("è già chiusa"))
        }
    }
}
