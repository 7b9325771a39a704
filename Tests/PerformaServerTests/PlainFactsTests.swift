import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaFormats
import PerformaStore
import Testing

/// Plain facts that the pages must show right: who recorded a version and a way to open it, a warning where a score
/// is computed on a plan with errors, no empty columns, downloads named after the plan and the day, a favicon.
@Suite("Plain facts on the pages")
struct PlainFactsTests {
    static let plan = TestServer.planID

    @Test("the list of versions names who recorded each one and opens the Piano as it was; an unreadable version is a 400")
    func versions() async throws {
        try await TestServer.run(prepare: { store in
            let context = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
            let admin = try #require(try await store.users(context).first { $0.username == DemoUser.admin })
            let current = try await store.plan(admin.context, id: Self.plan, version: nil)
            var revised = current.plan
            revised.areas[0].title = "Area rinominata nella revisione"
            _ = try await store.revisePlan(admin.context, revised, revision: PlanRevision(reason: "Revisione di prova",
                act: ApprovalAct(kind: .revision, body: "Giunta camerale", number: "99", date: Day(2021, 7, 15))), expectedVersion: current.info.version)
        }) { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let page = try await browser.get(Paths.planOverview(Self.plan))
            #expect(page.status == .ok)
            let versions = try #require(page.text.range(of: "id=\"tabella-versioni\"").map { String(page.text[$0.lowerBound...].prefix(4000)) })
            #expect(versions.contains("Struttura tecnica"), "the admin's display name, not an id")
            #expect(versions.contains("dati dimostrativi"))
            let old = Paths.document(Self.plan, "piano.html") + "?versione=1"
            #expect(versions.contains(old.replacingOccurrences(of: "&", with: "&amp;")))
            let first = try await browser.get(old)
            #expect(first.status == .ok)
            #expect(!first.text.contains("Area rinominata nella revisione"))
            #expect(try await browser.get(Paths.document(Self.plan, "piano.html")).text.contains("Area rinominata nella revisione"))
            #expect(try await browser.get(Paths.document(Self.plan, "piano.html") + "?versione=abc").status == .badRequest)
        }
    }

    @Test("the cruscotto warns beside the score when the plan has validator errors, and its managers' table has no empty column")
    func dashboard() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.oiv)
            let page = try await browser.get(Paths.dashboard(Self.plan))
            #expect(page.status == .ok)
            // The Brescia plan, as published, has validator errors (README).
            let errors = PlanValidator().validate(try PlanFile.read(contentsOf: TestServer.examples.appendingPathComponent(DemoData.planFile))).filter { $0.severity == .error }.count
            #expect(errors > 0)
            #expect(page.text.contains("id=\"errori-piano\""))
            #expect(page.text.contains("Il piano ha \(errors) error"))
            #expect(page.text.contains("piano con errori"))
            let managers = try #require(page.text.range(of: "id=\"dirigenti\"").map { String(page.text[$0.lowerBound...]) })
            let header = try #require(managers.range(of: "</thead>").map { String(managers[..<$0.lowerBound]) })
            #expect(!header.contains("Peso"))
        }
    }

    @Test("downloads are named after the plan, what they hold and the day; the scorecard CSV starts with a byte order mark")
    func downloadNames() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let today = Display.today()
            let piano = try await browser.get(Paths.document(Self.plan, "piano.html") + "?scarica=1")
            #expect(piano.headers[.contentDisposition] == "attachment; filename=\"\(Self.plan)-piano-\(today).html\"")
            let csv = try await browser.get(Paths.document(Self.plan, "punteggi.csv") + "?scadenza=2021-12-31")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"\(Self.plan)-punteggi-2021-12-31-\(today).csv\"")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let relazione = try await browser.get(Paths.document(Self.plan, "relazione.html") + "?anno=2021&scarica=1")
            #expect(relazione.headers[.contentDisposition] == "attachment; filename=\"\(Self.plan)-relazione-2021-\(today).html\"")
        }
    }

    @Test("/favicon.ico is the pages' icon")
    func favicon() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/favicon.ico", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "image/svg+xml")
            #expect(String(buffer: response.body).hasPrefix("<svg"))
        }
    }

    @Test("an objective's notes read the same on its page and in the Piano: one definition for both")
    func objectiveNotes() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let plan = try PlanFile.read(contentsOf: TestServer.examples.appendingPathComponent(DemoData.planFile))
            let sheet = try #require(PlanIndex(plan).entry("2.1.2")?.sheet)
            let lines = ObjectiveNotes.lines(objectiveNotes: nil, indicators: sheet.indicators)
            #expect(lines.contains("Indicatore 1 – misurato fino al 29/03/2021 (sentenza del Consiglio di Stato n. 2643/2021)"))
            let page = try await browser.get(Paths.objective(Self.plan, "2.1.2")).text
            let piano = try await browser.get(Paths.document(Self.plan, "piano.html")).text
            for line in lines {
                #expect(page.contains(line))
                #expect(piano.contains(line))
            }
        }
    }
}
