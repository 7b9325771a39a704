import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// Hostile input through the web application, as a user (or someone who stole a session) would send it: markup in
/// every free-text field, right-to-left and combining text, SQL metacharacters, traversal in upload names, oversize
/// uploads, numbers and dates outside any sense. What is stored is stored literally and shown escaped; what is
/// refused is refused with an Italian 4xx and nothing is written; nothing answers 500.
@Suite("Adversarial input through the web application")
struct AdversarialInputTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let form = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))
    static let draft = "cciaa-brescia-bozza"

    /// Markup that would run if any page, picture or document printed it as it is. The marker (`XSS` + field)
    /// has no special characters, so it is findable in the escaped output.
    static func payload(_ field: String) -> String {
        "XSS\(field) <script>alert('\(field)')</script>\"><svg onload=alert(1)><img src=x onerror=alert(1)>"
    }

    /// What must never appear unescaped in a response.
    static let dangerous = ["<script>alert(", "<svg onload", "<img src=x", "onerror=alert(1)>"]

    static func revision(_ stored: StoredPlan, _ field: String) -> [(String, String)] {
        [("versione", String(stored.info.version)), ("riga", String(stored.info.rowVersion)),
         ("motivo", payload("motivo\(field)")), ("organo", payload("organo\(field)")), ("numero-atto", payload("atto\(field)")),
         ("data-atto", "15/07/2021")]
    }

    static func current(_ store: SQLStore, _ id: String = plan) async throws -> StoredPlan {
        try await store.plan(admin, id: id, version: nil)
    }

    static func measurements(_ store: SQLStore) async throws -> [StoredMeasurement] {
        try await store.measurements(admin, planID: plan)
    }

    /// Never a server error: a refusal is a 4xx with a reason in Italian (the error page or the API's `errore`).
    static func expectRefusal(_ response: TestResponse, _ label: String, allowed: Set<HTTPResponse.Status> = [.badRequest, .notFound, .unprocessableContent]) {
        #expect(allowed.contains(response.status), "\(label): \(response.status.code)")
        #expect(response.status.code < 500, "\(label): errore interno")
        #expect(response.text.contains("errore") || response.text.contains("non ") || response.text.contains("Indicare"), "\(label): nessun motivo")
    }

    @Test("markup in every free-text field is shown escaped on every page, in the tree picture and in the documents")
    func markupIsEscaped() async throws {
        try await TestServer.run(prepare: { try await TestServer.addDraft($0, id: Self.draft) }) { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let editor = Paths.editor(Self.plan)
            var responses: [(String, TestResponse)] = []
            func edit(_ path: String, _ name: String, _ fields: [(String, String)]) async throws {
                let response = try await admin.post(editor + path, Self.revision(try await Self.current(store), name) + fields)
                #expect(response.status == .seeOther, "\(path): \(response.status.code) \(response.text.prefix(300))")
                responses.append((path, response))
            }
            try await edit("/aree/1", "area", [("codice", "1"), ("titolo", Self.payload("area")), ("peso", "")])
            try await edit("/obiettivi/1.1.2", "obiettivo", [("titolo", Self.payload("obiettivo")), ("peso", "20"), ("descrizione", Self.payload("descrizione")),
                                                             ("uffici", Self.payload("uffici")), ("impegno", Self.payload("impegno"))])
            let indicator = [("titolo", Self.payload("indicatore")), ("storico", Self.payload("storico")), ("peso", "30"),
                             ("documentazione", Self.payload("documentazione"))]
            try await edit("/obiettivi/1.1.2/indicatori/1", "indicatore", indicator + [("target-2021-06-30", "800"), ("target-2021-12-31", "1500")])
            // Markup as a target text (kept as text the scorer does not read, or refused), and an assignment to an objective
            // that does not exist (refused): either way, every page and form that shows them escapes them.
            for (path, fields) in [("/obiettivi/1.1.2/indicatori/1", indicator + [("target-2021-06-30", Self.payload("target")), ("target-2021-12-31", "1500")]),
                                   ("/assegnazioni/vairano", [("obiettivo-0", Self.payload("assegnazione")), ("peso-0", "100")])] {
                let response = try await admin.post(editor + path, Self.revision(try await Self.current(store), "rifiutato") + fields)
                #expect(response.status.code < 500, "\(path): \(response.status.code)")
                responses.append((path + " (rifiutato)", response))
            }
            // The campaign reopened with a reason; the acts of a draft with markup in body, number and note.
            #expect(try await admin.post(Paths.campaign(Self.plan, .midYear(2021)), [("azione", "chiudi"), ("versione", "0")]).status == .seeOther)
            let campaign = try #require(try await store.campaigns(Self.admin, planID: Self.plan).first { $0.checkpoint == .midYear(2021) })
            #expect(try await admin.post(Paths.campaign(Self.plan, .midYear(2021)), [("azione", "riapri"), ("versione", String(campaign.rowVersion)),
                                                                                     ("motivo", Self.payload("riapertura"))]).status == .seeOther)
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let act = try await oiv.post(Paths.plan(Self.draft) + "/atti", [("atto", "validazione"), ("data", "19/04/2021"), ("organo", Self.payload("organoatto")),
                                                                             ("numero", Self.payload("numeroatto")), ("nota", Self.payload("notaatto")),
                                                                             ("riga", String(try await Self.current(store, Self.draft).info.rowVersion))])
            #expect(act.status == .seeOther)
            // The OIV's reason, the manager's note and evidence file name.
            let validation = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("grado", "95"),
                                                                              ("motivazione", Self.payload("motivazione")), ("azione", "valida")])
            #expect(validation.status == .seeOther)
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let saved = try await manager.postMultipart(Self.form, [("valore", "1.500"), ("nota", Self.payload("nota"))],
                                                        file: ("evidenza", "XSSfile<svg onload=alert(1)>.pdf", "application/pdf", EvidenceUpload.testPDF.data))
            #expect(saved.status == .seeOther)
            let refused = try await manager.postMultipart(Self.form, [("valore", Self.payload("valore")), ("nota", Self.payload("notarifiutata"))])
            #expect(refused.status == .unprocessableContent)
            responses.append(("valore rifiutato", refused))

            // Every page, picture and document that shows them.
            let p = Paths.plan(Self.plan)
            let pages = ["/piani", Paths.dashboard(Self.plan), Paths.tree(Self.plan), Paths.tree(Self.plan) + "?colorazione=dirigenti",
                         Paths.objective(Self.plan, "1.1.2"), Paths.objective(Self.plan, "1.1"), Paths.measurements(Self.plan),
                         Paths.measurements(Self.plan, at: .midYear(2021)), Self.form, Paths.managers(Self.plan), Paths.validation(Self.plan),
                         p + "/validazione/modulo?oggetto=1.1.2&scadenza=2021-12-31", p + "/validazione/modulo?oggetto=1.1.2/1&scadenza=2021-12-31",
                         Paths.agileWork(Self.plan), Paths.diagnostics(Self.plan), Paths.documents(Self.plan), Paths.document(Self.plan, "piano.html"),
                         Paths.document(Self.plan, "relazione.html"), Paths.document(Self.plan, "monitoraggio.html"), Paths.planOverview(Self.plan),
                         Paths.planOverview(Self.draft), editor + "/aree/1", editor + "/obiettivi/1.1.2", editor + "/obiettivi/1.1.2/indicatori/1",
                         editor + "/assegnazioni/vairano"]
            for page in pages {
                let response = try await admin.get(page)
                #expect(response.status == .ok, "\(page): \(response.status.code)")
                responses.append((page, response))
            }
            for (label, response) in responses {
                for danger in Self.dangerous { #expect(!response.text.contains(danger), "\(label): «\(danger)» non è stato neutralizzato") }
            }
            // Each field was stored and is shown somewhere (escaped): the test is not passing on empty pages.
            let shown = responses.map(\.1.text).joined()
            for field in ["area", "obiettivo", "descrizione", "uffici", "impegno", "indicatore", "storico", "documentazione", "target",
                          "assegnazione", "riapertura", "organoatto", "numeroatto", "notaatto", "motivazione", "nota", "valore",
                          "motivoarea", "attoarea", "organoarea", "file"] {
                #expect(shown.contains("XSS\(field)"), "XSS\(field) non compare in nessuna pagina")
            }
            #expect(shown.contains("&lt;script&gt;"))
            // The tree is SVG inside the page: the titles are text nodes there, escaped.
            let tree = try await admin.get(Paths.tree(Self.plan))
            #expect(tree.text.contains("XSSobiettivo") && tree.text.contains("&lt;"))
        }
    }

    /// Right-to-left scripts, the right-to-left override, emoji with modifiers and joiners, combining marks, and text
    /// that is already decomposed (NFD): kept byte for byte.
    static let unicode = "مرحبا بالعالم · שלום עולם · \u{202E}fdp.exe\u{202C} · 👩🏽‍💼🇮🇹 · e\u{0301} Zalgo Z\u{0351}\u{0358}\u{0300} · 漢字 · ½ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"

    static func bytes(_ response: TestResponse, contain text: String) -> Bool {
        Data(buffer: response.body).range(of: Data(text.utf8)) != nil
    }

    @Test("right-to-left text, emoji and combining marks round-trip intact through forms, pages and the API")
    func unicodeRoundTrip() async throws {
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            #expect(try await manager.postMultipart(Self.form, [("valore", "1.500"), ("nota", Self.unicode)]).status == .seeOther)
            let stored = try #require(try await Self.measurements(store).last { $0.indicator == Self.key && $0.at == .yearEnd(2021) })
            #expect(Array(stored.note?.unicodeScalars ?? "".unicodeScalars) == Array(Self.unicode.unicodeScalars))
            #expect(Self.bytes(try await manager.get(Self.form), contain: Self.unicode))

            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let plan = try await Self.current(store)
            let title = "Obiettivo " + Self.unicode
            #expect(try await admin.post(Paths.editor(Self.plan) + "/obiettivi/1.1.2", Self.revision(plan, "unicode") + [("titolo", title), ("peso", "20")]).status == .seeOther)
            let sheet = try #require(PlanIndex(try await Self.current(store).plan).entry("1.1.2")).sheet
            #expect(Array(sheet.title.unicodeScalars) == Array(title.unicodeScalars))
            for page in [Paths.objective(Self.plan, "1.1.2"), Paths.document(Self.plan, "piano.html")] {
                #expect(Self.bytes(try await admin.get(page), contain: title), "\(page)")
            }
            // Through the API: the note sent as JSON comes back as it was sent.
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            let note = String(data: try JSONEncoder().encode(Self.unicode), encoding: .utf8) ?? ""
            let body = #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.501","note":\#(note)}"#
            let created = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: body))
            #expect(created.status == .created)
            struct Entry: Decodable { var note: String? }
            let history = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements?indicator=1.1.2/1&at=2021-12-31", method: .get,
                                                   headers: [.authorization: "Bearer \(token)"])
            let last = try JSONDecoder().decode([Entry].self, from: Data(buffer: history.body)).last
            #expect(Array(last?.note?.unicodeScalars ?? "".unicodeScalars) == Array(Self.unicode.unicodeScalars))
        }
    }

    @Test("SQL metacharacters are stored and shown literally, in fields, URLs and the login form")
    func sqlMetacharacters() async throws {
        try await TestServer.run { client, store in
            let injection = "'; DROP TABLE measurements;-- \" OR 1=1 -- \\' UNION SELECT password_hash FROM users --"
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let before = try await Self.measurements(store).count
            #expect(try await manager.postMultipart(Self.form, [("valore", "1.500"), ("nota", injection)]).status == .seeOther)
            let after = try await Self.measurements(store)
            #expect(after.count == before + 1)
            #expect(after.last { $0.indicator == Self.key }?.note == injection)
            #expect(try await manager.get(Self.form).text.contains("DROP TABLE measurements;--"))
            // In a path segment and a query, and as a user name: not found, not a database error.
            for path in ["/piani/x'%3B%20DROP%20TABLE%20plans%3B--/cruscotto", Paths.objective(Self.plan, "1' OR '1'='1")] {
                let response = try await manager.get(path)
                #expect([HTTPResponse.Status.notFound, .badRequest].contains(response.status), "\(path): \(response.status.code)")
            }
            // As the API's measurement filter, a key that is no key keeps nothing.
            let filtered = try await manager.get("/api/plans/\(Self.plan)/measurements?indicator=1.1.2/1'--&at=2021-12-31")
            #expect(filtered.status == .ok && filtered.text == "[]", "\(filtered.status.code)")
            var stranger = TestBrowser(client)
            #expect(try await stranger.login("admin' OR '1'='1' --", password: "x' OR '1'='1").status == .unauthorized)
            #expect(try await Self.measurements(store).count == before + 1)
            #expect(try await store.users(Self.admin).count == DemoData.accounts(for: try await Self.current(store).plan).count)
        }
    }

    @Test("upload names with folders, drive letters, control characters and traversal keep only a clean last component; nothing is written outside the store",
          arguments: [
            ("../../etc/passwd.pdf", "passwd.pdf"), ("..\\..\\windows\\system32\\x.pdf", "x.pdf"), ("/etc/cron.d/evil.pdf", "evil.pdf"),
            ("C:\\Users\\Public\\evil.pdf", "evil.pdf"), ("....//....//y.pdf", "y.pdf"), ("nul\u{0}byte.pdf", "nulbyte.pdf"),
            ("fattura\u{202E}fdp.pdf", "fatturafdp.pdf"),
          ])
    func uploadNames(name: String, stored: String) async throws {
        let escapee = "performa-traversal-\(UUID().uuidString).pdf"
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            var statuses: [HTTPResponse.Status] = []
            for upload in [name, "../../../../../../../../tmp/\(escapee)", "../\(escapee)"] {
                let response = try await manager.postMultipart(Self.form, [("valore", "1.500")], file: ("evidenza", upload, "application/pdf", EvidenceUpload.testPDF.data))
                statuses.append(response.status)
                // Accepted under a clean name, or (a NUL in a part header) refused as an unreadable form.
                #expect(response.status == .seeOther || (response.status == .badRequest && response.text.contains("Modulo non leggibile")),
                        "\(upload.debugDescription): \(response.status.code)")
            }
            let names = try await store.evidenceFiles(Self.admin, planID: Self.plan, indicator: nil, at: nil).map(\.fileName)
            #expect(names.allSatisfy { !$0.contains("/") && !$0.contains("\\") && !$0.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) } })
            #expect(statuses[0] == .seeOther ? names.contains(stored) : !names.contains(stored), "nomi salvati: \(names)")
            #expect(names.filter { $0 == escapee }.count == 2)
            let folder = try #require(TestServer.dataFolder(of: store))
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(written.allSatisfy { $0.hasPrefix("performa.sqlite") }, "file fuori dal database: \(written)")
            for place in ["/tmp", folder.deletingLastPathComponent().path, FileManager.default.currentDirectoryPath] {
                #expect(!FileManager.default.fileExists(atPath: place + "/" + escapee))
            }
        }
    }

    @Test("an upload or API body over the limit is refused in Italian and nothing is saved, neither the file nor the value")
    func oversizeUploads() async throws {
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let before = try await Self.measurements(store)
            var pdf = EvidenceUpload.testPDF.data
            // Just over the store's 10 MB limit, then over what the server reads from the socket at all.
            pdf.append(Data(count: EvidencePolicy.standard.maximumBytes + 1 - pdf.count))
            let large = try await manager.postMultipart(Self.form, [("valore", "1.500")], file: ("evidenza", "grande.pdf", "application/pdf", pdf))
            #expect(large.status == .unprocessableContent)
            #expect(large.text.contains("supera il limite di 10 MB"))
            pdf.append(Data(count: 17 * 1024 * 1024))
            let huge = try await manager.postMultipart(Self.form, [("valore", "1.500")], file: ("evidenza", "enorme.pdf", "application/pdf", pdf))
            #expect(huge.status == .contentTooLarge)
            #expect(huge.text.contains("troppo grande"))
            // The API reads at most 1 MB of JSON: a longer note is refused the same way.
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            let note = String(repeating: "x", count: 1_100_000)
            let json = #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","note":"\#(note)"}"#
            let api = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements", method: .post,
                                               headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: json))
            #expect(api.status == .contentTooLarge)
            #expect(api.text.contains("al massimo 1 MB"))
            #expect(try await Self.measurements(store) == before)
            #expect(try await store.evidenceFiles(Self.admin, planID: Self.plan, indicator: nil, at: nil).isEmpty)
        }
    }

    static let badNumbers = ["-1", "-0,5", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e308", "1E309", "0x1F", "1,2,3", "١٢٣",
                             "1" + String(repeating: "0", count: 400), "1" + String(repeating: "0", count: 308), "9" + String(repeating: "9", count: 30),
                             "12\u{0}3", "½", "--5", "+-5"]

    @Test("absurd numbers are refused with an Italian 4xx and nothing is saved: measurement form, API, OIV validation, plan weights")
    func absurdNumbers() async throws {
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let measurements = try await Self.measurements(store)
            let overrides = try await store.overrides(Self.admin, planID: Self.plan)
            let version = try await Self.current(store).info
            for number in Self.badNumbers {
                let label = number.count > 20 ? "\(number.prefix(12))… (\(number.count) cifre)" : number.debugDescription
                Self.expectRefusal(try await manager.postMultipart(Self.form, [("valore", number)]), "modulo \(label)", allowed: [.unprocessableContent])
                let json = String(data: try JSONEncoder().encode(["indicator": "1.1.2/1", "at": "2021-12-31", "value": number]), encoding: .utf8) ?? ""
                let api = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: json))
                Self.expectRefusal(api, "API \(label)", allowed: [.unprocessableContent])
                let validation = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("grado", number),
                                                                                  ("motivazione", "Prova"), ("azione", "valida")])
                Self.expectRefusal(validation, "validazione \(label)", allowed: [.unprocessableContent])
                let weight = try await admin.post(Paths.editor(Self.plan) + "/obiettivi/1.1.2",
                                                  Self.revision(try await Self.current(store), "peso") + [("titolo", "Titolo"), ("peso", number)])
                Self.expectRefusal(weight, "peso \(label)", allowed: [.unprocessableContent])
            }
            // Numbers in the JSON where text is expected.
            for body in [#"{"indicator":"1.1.2/1","at":"2021-12-31","value":1e308}"#, #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1","expectedRevision":1e400}"#,
                         #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1","expectedRevision":-99999999999999999999}"#] {
                let api = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: body))
                Self.expectRefusal(api, body, allowed: [.badRequest, .unprocessableContent, .conflict])
            }
            #expect(try await Self.measurements(store) == measurements)
            #expect(try await store.overrides(Self.admin, planID: Self.plan) == overrides)
            #expect(try await Self.current(store).info == version)
            // The pages still compute (no value above was saved, and the scores of what is there are finite).
            for page in [Paths.dashboard(Self.plan), Paths.document(Self.plan, "relazione.html"), "/api/plans/\(Self.plan)/scores"] {
                #expect(try await admin.get(page).status == .ok, "\(page)")
            }
        }
    }

    static let badDays = ["0000-12-31", "9999-12-31", "2021-02-30", "2021-02-29", "2021-13-01", "2021-00-10", "2021-12-32", "1899-12-31",
                          "2200-12-31", "-2021-12-31", "2021-12-31T00:00:00Z", "31/12/99999", "abc", "%00", "2021-06-30%00"]

    @Test("dates out of range, impossible or not a checkpoint are refused in URLs, forms and the API; nothing is saved")
    func impossibleDates() async throws {
        try await TestServer.run(prepare: { try await TestServer.addDraft($0, id: Self.draft) }) { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            let measurements = try await Self.measurements(store)
            let overrides = try await store.overrides(Self.admin, planID: Self.plan)
            let campaigns = try await store.campaigns(Self.admin, planID: Self.plan)
            let draftInfo = try await Self.current(store, Self.draft).info
            let base = Paths.objective(Self.plan, "1.1.2") + "/indicatori/1/rilevazioni/"
            for day in Self.badDays {
                Self.expectRefusal(try await manager.get(base + day), "GET \(day)")
                Self.expectRefusal(try await manager.postMultipart(base + day, [("valore", "1.500")]), "POST \(day)")
                Self.expectRefusal(try await admin.post(Paths.plan(Self.plan) + "/campagne/" + day, [("azione", "chiudi"), ("versione", "0")]), "campagna \(day)")
                let json = String(data: try JSONEncoder().encode(["indicator": "1.1.2/1", "at": day, "value": "1.500"]), encoding: .utf8) ?? ""
                let api = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: json))
                Self.expectRefusal(api, "API \(day)", allowed: [.unprocessableContent])
                let scores = try await client.execute(uri: "/api/plans/\(Self.plan)/scores?at=\(day)", method: .get, headers: [.authorization: "Bearer \(token)"])
                Self.expectRefusal(scores, "punteggi \(day)", allowed: [.badRequest, .notFound])
                let validation = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2"), ("scadenza", day), ("grado", "95"),
                                                                                  ("motivazione", "Prova"), ("azione", "valida")])
                Self.expectRefusal(validation, "validazione \(day)", allowed: [.unprocessableContent])
                // Pages that take a checkpoint in the query show the default one instead.
                #expect(try await manager.get(Paths.dashboard(Self.plan) + "?scadenza=\(day)").status == .ok)
            }
            for day in ["30/02/2021", "00/01/2021", "31/12/0000", "31/12/9999", "domani"] {
                let act = try await oiv.post(Paths.plan(Self.draft) + "/atti", [("atto", "validazione"), ("data", day), ("riga", String(draftInfo.rowVersion))])
                Self.expectRefusal(act, "atto \(day)", allowed: [.unprocessableContent])
                let revision = try await admin.post(Paths.editor(Self.plan) + "/aree/1", Self.revision(try await Self.current(store), "data").filter { $0.0 != "data-atto" }
                                                    + [("data-atto", day), ("codice", "1"), ("titolo", "Nuovo titolo")])
                Self.expectRefusal(revision, "revisione \(day)", allowed: [.unprocessableContent])
            }
            #expect(try await Self.measurements(store) == measurements)
            #expect(try await store.overrides(Self.admin, planID: Self.plan) == overrides)
            #expect(try await store.campaigns(Self.admin, planID: Self.plan) == campaigns)
            #expect(try await Self.current(store, Self.draft).info == draftInfo)
            #expect(try await Self.current(store).info.version == 1)
        }
    }

    static let boundary = "performa-b"

    /// One part with these headers and content, in a body delimited by `boundary`.
    @Sendable static func multipartBody(_ headers: String, content: String = "1.500") -> ByteBuffer {
        ByteBuffer(string: "--\(boundary)\r\n\(headers)\r\n\r\n\(content)\r\n--\(boundary)--\r\n")
    }

    @Test("malformed multipart bodies that would stop MultipartKit (a non-ASCII header name, an empty boundary) are refused with 400")
    func multipartTraps() async throws {
        let boundary = Self.boundary
        // Legitimate: UTF-8 in a header value and in the content; refused: UTF-8 in a header name, on any part.
        #expect(!FormInput.hasUnsafeHeaderName(Self.multipartBody("Content-Disposition: form-data; name=\"evidenza\"; filename=\"città.pdf\"", content: "perché: sì"), boundary: boundary))
        #expect(FormInput.hasUnsafeHeaderName(Self.multipartBody("Contént-Disposition: form-data; name=\"valore\""), boundary: boundary))
        #expect(FormInput.hasUnsafeHeaderName(Self.multipartBody("Content-Disposition: form-data; name=\"a\"\r\nX-é: 1"), boundary: boundary))
        #expect(FormInput.hasUnsafeHeaderName(ByteBuffer(string: "preambolo --\(boundary)\r\n\u{00FF}: x\r\n\r\n"), boundary: boundary))
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let before = try await Self.measurements(store)
            let traps: [(String, ByteBuffer)] = [
                ("multipart/form-data; boundary=\(boundary)", Self.multipartBody("Content-Disposition: form-data; name=\"_csrf\"\r\nX-\u{00E8}: 1")),
                ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: Array("--\(boundary)\r\n".utf8) + [0xC3, 0xA8, 0x3A, 0x20, 0x31] + Array("\r\n\r\nx".utf8))),
                ("multipart/form-data; boundary=", Self.multipartBody("Content-Disposition: form-data; name=\"valore\"")),
                ("multipart/form-data; boundary=\"\"", Self.multipartBody("Content-Disposition: form-data; name=\"valore\"")),
                ("multipart/form-data; boundary=\(String(repeating: "b", count: 71))", Self.multipartBody("Content-Disposition: form-data; name=\"valore\"")),
            ]
            for (contentType, payload) in traps {
                let response = try await manager.request(Self.form, method: .post, headers: [.contentType: contentType], body: payload)
                #expect(response.status == .badRequest, "\(contentType): \(response.status.code)")
                #expect(response.text.contains("Modulo non leggibile"))
            }
            #expect(try await manager.get(Self.form).status == .ok, "the server still answers")
            #expect(try await Self.measurements(store) == before)
        }
    }
}
