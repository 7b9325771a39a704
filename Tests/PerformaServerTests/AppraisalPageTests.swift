import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// Individual appraisal in the web application, on the demo: who sees which scheda, the workflow through the forms,
/// the log of reads, the HR office's pages.
@Suite("Appraisal pages")
struct AppraisalPageTests {
    static let scheda = Paths.appraisal("p040", year: 2021)

    static func hidden(_ name: String, in html: String, form kind: String) -> String? {
        guard let start = html.range(of: "id=\"azione-\(kind)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let range = rest.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let value = rest[range.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    @Test("each demo user sees their own scheda, the evaluator theirs, HR all, the OIV the dirigenti's, the reader none but their own")
    func visibility() async throws {
        try await TestServer.run { client, store in
            let cases: [(String, String, HTTPResponse.Status)] = [
                ("dipendente", "p040", .ok), ("dipendente", "p041", .forbidden), ("taioli", "p040", .ok), ("taioli", "p001", .forbidden),
                ("personale", "p040", .ok), ("oiv", "taioli", .ok), ("oiv", "p040", .forbidden), ("lettore", "p040", .forbidden),
                ("lettore", "p001", .ok), ("admin", "p040", .forbidden), ("vairano", "taioli", .forbidden), ("dipendente", "nessuno", .forbidden),
            ]
            for (user, person, status) in cases {
                var browser = TestBrowser(client)
                try await browser.login(user)
                let response = try await browser.get(Paths.appraisal(person, year: 2021))
                #expect(response.status == status, "\(user) → \(person)")
                if status == .forbidden { #expect(!response.text.contains("punti su 100"), "\(user) → \(person): nothing shown") }
            }
            let reads = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "appraisal")).filter { $0.action == "read" }
            #expect(Set(reads.map(\.entityKey)) == ["2021/p040", "2021/taioli"], "the evaluator's, HR's and the OIV's reads are logged, the owner's not")
            var employee = TestBrowser(client)
            try await employee.login("dipendente")
            let mine = try await employee.get(Paths.year(Paths.myAppraisal, 2021)).text
            #expect(mine.contains("Persona illustrativa 040") && mine.contains("bozza"))
            var taioli = TestBrowser(client)
            try await taioli.login("taioli")
            let list = try await taioli.get(Paths.year(Paths.staff, 2021)).text
            #expect(list.contains("Persona illustrativa 040") && !list.contains("Persona illustrativa 001"))
        }
    }

    @Test("a scheda page kept between requests still carries each viewer's own name and token, and changes with the scheda")
    func keptPages() async throws {
        try await TestServer.run { client, store in
            var evaluator = TestBrowser(client), hr = TestBrowser(client)
            try await evaluator.login("taioli")
            try await hr.login("personale")
            let first = try await evaluator.get(Self.scheda).text
            #expect(try await evaluator.get(Self.scheda).text == first)
            let other = try await hr.get(Self.scheda).text
            let users = try await store.users(PermissionTests.admin)
            let taioli = try #require(users.first { $0.username == "taioli" }), personale = try #require(users.first { $0.username == "personale" })
            #expect(first.contains(taioli.displayName) && first.contains(evaluator.csrf) && !first.contains(hr.csrf))
            #expect(other.contains(personale.displayName) && other.contains(hr.csrf) && !other.contains(evaluator.csrf))
            // A step of the workflow changes the data version: the next page is the scheda as it now is.
            let version = try #require(Self.hidden("versione", in: first, form: AppraisalAction.Kind.communicateObjectives.rawValue))
            let step = try await evaluator.post(Paths.appraisalAction("p040"), [("azione", AppraisalAction.Kind.communicateObjectives.rawValue),
                                                                                ("anno", "2021"), ("versione", version)])
            #expect(step.status == .seeOther)
            #expect(try await evaluator.get(Self.scheda).text != first)
        }
    }

    @Test("the whole workflow through the forms: objectives, acknowledgement, mid-year, ratings, evaluation, colloquio, delivery, review, outcome, closing")
    func workflow() async throws {
        try await TestServer.run { client, store in
            var evaluator = TestBrowser(client), employee = TestBrowser(client), hr = TestBrowser(client)
            try await evaluator.login("taioli")
            try await employee.login("dipendente")
            try await hr.login("personale")
            func step(_ browser: inout TestBrowser, _ kind: AppraisalAction.Kind, _ fields: [(String, String)] = [], expect status: HTTPResponse.Status = .seeOther) async throws -> String {
                let page = try await browser.get(Self.scheda).text
                // The form's version; a step the page offers no form for is sent with the stored one, as a forged form would.
                let stored = try await store.appraisals(PermissionTests.admin.hr, year: 2021).first { $0.person == "p040" }?.rowVersion ?? 0
                let version = Self.hidden("versione", in: page, form: kind.rawValue) ?? String(stored)
                let response = try await browser.post(Paths.appraisalAction("p040"), [("azione", kind.rawValue), ("anno", "2021"), ("versione", version)] + fields)
                #expect(response.status == status, "\(kind): \(response.status)")
                return response.text
            }
            _ = try await step(&evaluator, .communicateObjectives)
            let refused = try await step(&evaluator, .acknowledgeObjectives, expect: .unprocessableContent)
            #expect(refused.contains("spetta al valutato"))
            _ = try await step(&employee, .acknowledgeObjectives)
            _ = try await step(&evaluator, .recordMidYearCheck, [("data", "2021-07-15"), ("testo", "In linea")])
            let page = try await evaluator.get(Self.scheda).text
            #expect(page.contains("Valuta i comportamenti"))
            let version = try #require(Self.hidden("versione", in: page, form: "evaluate"))
            let smvp = try #require(try await store.smvp(PermissionTests.admin, year: 2021))
            let behaviours = try #require(smvp.profile(for: .comparto)).behaviours.map(\.id)
            let rated = try await evaluator.post(Paths.appraisalRatings("p040"), [("anno", "2021"), ("versione", version)] + behaviours.map { ("voto-\($0)", "4") })
            #expect(rated.status == .seeOther)
            _ = try await step(&evaluator, .evaluate)
            _ = try await step(&evaluator, .recordInterview, [("data", "2022-01-20"), ("testo", "Colloquio svolto")])
            _ = try await step(&evaluator, .deliver)
            let blank = try await step(&employee, .requestReview, [("testo", "  ")], expect: .unprocessableContent)
            #expect(blank.contains("Indicare le motivazioni"))
            _ = try await step(&employee, .requestReview, [("testo", "Non condivido")])
            _ = try await step(&hr, .decideReview, [("esito", "confermata"), ("testo", "Confermata")])
            _ = try await step(&hr, .close)
            let closed = try await employee.get(Paths.year(Paths.myAppraisal, 2021)).text
            #expect(closed.contains("chiusa") && closed.contains("Non condivido"))
            let printable = try await employee.get(Paths.appraisalPrint("p040", year: 2021))
            #expect(printable.text.contains("Firma del valutatore") && printable.text.contains("punti su 100"))
        }
    }

    @Test("the HR office's campaign, bonus (adding up to each fund) and differentiation; funds changed from the page")
    func office() async throws {
        try await TestServer.run { client, store in
            var hr = TestBrowser(client)
            try await hr.login("personale")
            let campaign = try await hr.get(Paths.year(Paths.appraisalCampaign, 2021))
            #expect(campaign.status == .ok && campaign.text.contains("valutata") && campaign.text.contains("bozza"))
            let bonus = try await hr.get(Paths.year(Paths.bonus, 2021)).text
            #expect(bonus.contains("€ 120.000,00"))
            let saved = try await hr.post(Paths.bonus, [("anno", "2021"), ("fondo-comparto", "100.000,50"), ("fondo-dirigenti", "45.000"), ("fondo-eq", "18.000")])
            #expect(saved.status == .seeOther)
            #expect(try await store.funds(PermissionTests.admin, year: 2021)["comparto"] == 10_000_050)
            #expect(try await hr.get(Paths.year(Paths.bonus, 2021)).text.contains("distribuito: <strong>€ 100.000,50</strong>"))
            let wrong = try await hr.post(Paths.bonus, [("anno", "2021"), ("fondo-comparto", "molti")])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("importo non valido"))
            #expect(try await hr.get(Paths.year(Paths.differentiation, 2021)).status == .ok)
            let premi = try await hr.get("/valutazioni/opendata/premi.csv?anno=2021")
            #expect(premi.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(premi.text.hasPrefix("ente,anno,scheda,") && premi.text.contains("comparto") && !premi.text.contains("p040"))
            #expect(try await hr.get("/valutazioni/opendata/differenziazione.json?anno=2021").text.contains("\"scheda\": \"dirigenti\""))
            var employee = TestBrowser(client)
            try await employee.login("dipendente")
            #expect(try await employee.get(Paths.year(Paths.bonus, 2021)).status == .forbidden)
            #expect(try await employee.get(Paths.year(Paths.appraisalCampaign, 2021)).status == .forbidden)
        }
    }

    @Test("the HR office uploads the staff from the browser: preview first, then stored; a broken file writes nothing and says where")
    func staffUpload() async throws {
        try await TestServer.run { client, store in
            var hr = TestBrowser(client)
            try await hr.login("personale")
            let csv = try Data(contentsOf: TestServer.examples.appendingPathComponent("personale-illustrativo-2021.csv"))
            let campaign = try await hr.get(Paths.year(Paths.appraisalCampaign, 2021)).text
            #expect(campaign.contains(StaffUploadPage.path))
            // One person fewer: the preview says one leaves, and nothing is stored before the confirmation.
            // The example has CRLF line ends (one Character in Swift: split on the pair).
            let lines = String(decoding: csv, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            let shorter = Data((lines.dropLast().joined(separator: "\r\n") + "\r\n").utf8)
            let before = try await store.people(PermissionTests.admin.hr, year: 2021).count
            let preview = try await hr.postMultipart(StaffUploadPage.path, [("anno", "2021")], file: ("file", "personale.csv", "text/csv", shorter))
            #expect(preview.status == .ok)
            #expect(preview.text.contains("\(before - 1) persone"))
            #expect(preview.text.contains("1 non più presenti nel file"))
            #expect(try await store.people(PermissionTests.admin.hr, year: 2021).count == before)
            let payload = try #require(UploadPageTests.hidden("contenuto", in: preview.text))
            let confirmed = try await hr.post(StaffUploadPage.confirmPath, [("anno", "2021"), ("nome", "personale.csv"), ("contenuto", payload)])
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == Paths.year(Paths.appraisalCampaign, 2021) + "&esito=personale-caricato")
            #expect(try await store.people(PermissionTests.admin.hr, year: 2021).count == before - 1)
            #expect(try await hr.get(confirmed.location ?? "").text.contains("Personale caricato"))
            // A row with an unknown category: refused with its place, nothing changes.
            let broken = Data((lines[0] + "\r\n" + "p999;Persona rotta;;marziano;;;area-anagrafica;;100;;;\r\n").utf8)
            let refused = try await hr.postMultipart(StaffUploadPage.path, [("anno", "2021")], file: ("file", "rotto.csv", "text/csv", broken))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("rotto.csv"))
            #expect(try await store.people(PermissionTests.admin.hr, year: 2021).count == before - 1)
        }
    }
}

extension AccessContext {
    /// The same organization as the HR office, for reading the store in tests.
    var hr: AccessContext { AccessContext(organization: organization, user: "test-hr", role: .hr) }

}
