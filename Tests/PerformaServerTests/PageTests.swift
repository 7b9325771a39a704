import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

@Suite("Pages: every page renders, in Italian, with the store's data")
struct PageTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)

    /// The scorecard the pages must show: computed here from the same store, never written down in the test.
    static func scorecard(_ store: SQLStore, at checkpoint: Day) async throws -> Scorecard {
        let stored = try await store.plan(admin, id: plan, version: nil)
        return Scorer(plan: stored.plan).scorecard(results: try await store.results(admin, planID: plan), at: checkpoint)
    }

    @Test("the cruscotto shows the organization's and each area's achievement at the chosen checkpoint, with SVG bars")
    func dashboard() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            for checkpoint in [Day.yearEnd(2021), Day.midYear(2021)] {
                let card = try await Self.scorecard(store, at: checkpoint)
                let page = try await browser.get(Paths.dashboard(Self.plan) + "?anno=2021&periodo=\(checkpoint.month == 6 ? "06-30" : "12-31")")
                #expect(page.status == .ok)
                #expect(page.text.contains("Cruscotto al \(Display.checkpoint(checkpoint))"))
                #expect(page.text.contains(Display.achievement(card.result.final)))
                for area in card.areas {
                    #expect(page.text.contains("\(area.code) – \(area.title)"))
                    #expect(page.text.contains(Display.achievement(area.score.final)))
                }
                #expect(page.text.contains("<svg class=\"meter\""))
                #expect(page.text.contains("lang=\"it\""))
            }
        }
    }

    @Test("the albero draws the tree in both colourings, each objective linking to its sheet")
    func tree() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            for colouring in ["aree", "dirigenti"] {
                let page = try await browser.get(Paths.tree(Self.plan) + "?colorazione=\(colouring)")
                #expect(page.status == .ok)
                #expect(page.text.contains("<svg"))
                #expect(page.text.contains("href=\"\(Paths.objective(Self.plan, "2.3.1"))\""))
            }
            #expect(try await browser.get(Paths.tree(Self.plan) + "?colorazione=dirigenti").text.contains("Massimo Ziletti"))
        }
    }

    @Test("the scheda obiettivo has the seed's sections and columns, the measured values and the achievement")
    func objectiveSheet() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let card = try await Self.scorecard(store, at: .yearEnd(2021))
            let page = try await browser.get(Paths.objective(Self.plan, "1.1.2"))
            #expect(page.status == .ok)
            for heading in ["Descrizione obiettivo e azioni da intraprendere", "Aree e uffici coinvolti", "Impegno richiesto",
                            "Target storico riferimento", "Risultato atteso al 30/6/2021", "Risultato atteso al 31/12/2021", "Valori rilevati"] {
                #expect(page.text.contains(heading), "manca «\(heading)»")
            }
            let objective = try #require(card.objective("1.1.2"))
            #expect(page.text.contains(Display.achievement(objective.score.final)))
            let measured = try #require(card.indicator(IndicatorKey(objective: "1.1.2", number: 1))?.measurement)
            #expect(page.text.contains(measured.text))
            // A strategic sheet shows the split and the weights of its operational objectives.
            let strategic = try await browser.get(Paths.objective(Self.plan, "1.1"))
            #expect(strategic.text.contains("Quantificazione del peso degli indicatori"))
            #expect(strategic.text.contains("Risultato atteso al 2023"))
            // A special agency's objective.
            #expect(try await browser.get(Paths.objective(Self.plan, "PB.1")).status == .ok)
            #expect(try await browser.get(Paths.objective(Self.plan, "9.9.9")).status == .notFound)
        }
    }

    @Test("rilevazioni lists the indicators with a target at the checkpoint and the campaigns")
    func measurements() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.admin)
            let card = try await Self.scorecard(store, at: .midYear(2021))
            let page = try await browser.get(Paths.measurements(Self.plan) + "?anno=2021&periodo=06-30")
            #expect(page.status == .ok)
            #expect(page.text.contains("Rilevazioni al 30/6/2021"))
            #expect(page.text.contains("Chiudi la rilevazione al 30/6/2021"))
            let applicable = card.indicators.filter { $0.target?.kind.isApplicable == true }
            #expect(page.text.components(separatedBy: "/rilevazioni/2021-06-30\"").count - 1 == applicable.count)
        }
    }

    @Test("dirigenti shows every manager's objectives, weights and score; valorizzazione only for OIV and admin")
    func managers() async throws {
        try await TestServer.run { client, store in
            let card = try await Self.scorecard(store, at: .yearEnd(2021))
            var viewer = TestBrowser(client)
            try await viewer.login(DemoUser.viewer)
            let page = try await viewer.get(Paths.managers(Self.plan))
            #expect(page.status == .ok)
            for manager in card.managers {
                #expect(page.text.contains(manager.name))
                #expect(page.text.contains(Display.achievement(manager.score.final)))
            }
            #expect(!page.text.contains("Valorizzazione degli obiettivi"))
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let valued = try await oiv.get(Paths.managers(Self.plan) + "?fondo=150.000")
            #expect(valued.text.contains("Valorizzazione degli obiettivi"))
            let wrong = try await oiv.get(Paths.managers(Self.plan) + "?fondo=tanti")
            #expect(wrong.text.contains("Importo non valido"))
        }
    }

    @Test("validazione OIV lists every objective; the form shows values, notes and evidence")
    func validation() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.oiv)
            let page = try await browser.get(Paths.validation(Self.plan))
            #expect(page.status == .ok)
            #expect(page.text.contains("Validazione OIV al 31/12/2021"))
            let form = try await browser.get(Paths.validation(Self.plan) + "/modulo?oggetto=1.1.1&scadenza=2021-12-31")
            #expect(form.status == .ok)
            #expect(form.text.contains("Registra la validazione"))
        }
    }

    @Test("POLA shows the monthly table, its SVG chart, technology and training tables and the programme")
    func agileWork() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let plan = try await store.plan(Self.admin, id: Self.plan, version: nil).plan
            let pola = try #require(plan.agileWork)
            let page = try await browser.get(Paths.agileWork(Self.plan))
            #expect(page.status == .ok)
            #expect(page.text.contains(pola.title))
            #expect(page.text.contains("tabella-mensile"))
            #expect(page.text.contains("<svg"))
            let january = try #require(pola.monthly.first { $0.month == 1 })
            #expect(page.text.contains(ItalianNumber.format(Double(january.agileWorkers))))
            if let technology = pola.technology { #expect(page.text.contains(technology.title)) }
            if let training = pola.training { #expect(page.text.contains(training.title)) }
            if pola.programme?.isEmpty == false { #expect(page.text.contains("tabella-programma")) }
        }
    }

    @Test("diagnostica lists the validator's findings, each linking to its place")
    func diagnostics() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let plan = try await store.plan(Self.admin, id: Self.plan, version: nil).plan
            let findings = PlanValidator().validate(plan)
            #expect(!findings.isEmpty)
            let page = try await browser.get(Paths.diagnostics(Self.plan))
            #expect(page.status == .ok)
            for finding in findings {
                #expect(page.text.contains(finding.code))
            }
            // The validator flags 3.2.1's two 100% weights; the finding links to that sheet.
            #expect(page.text.contains("href=\"\(Paths.objective(Self.plan, "3.2.1"))\""))
        }
    }

    @Test("documenti links every document, and each one downloads")
    func documents() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let page = try await browser.get(Paths.documents(Self.plan))
            #expect(page.status == .ok)
            let links = page.text.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
                .filter { $0.hasPrefix(Paths.documents(Self.plan) + "/") && !$0.contains("?") }
            #expect(links.count >= 9)
            for link in links {
                let response = try await browser.get(link)
                #expect(response.status == .ok, "\(link)")
                #expect(response.body.readableBytes > 100, "\(link)")
            }
            let piano = try await browser.get(Paths.document(Self.plan, "piano.html"))
            #expect(piano.headers[.contentSecurityPolicy]?.contains("script-src") == false)
            #expect(piano.text.contains("Piano della Performance"))
            let xlsx = try await browser.get(Paths.document(Self.plan, "piano.xlsx"))
            #expect(xlsx.body.getBytes(at: 0, length: 2) == Array("PK".utf8))
        }
    }

    @Test("the Piano page shows versions, acts and structure; edit links only for the struttura tecnica")
    func planOverview() async throws {
        try await TestServer.run { client, _ in
            var viewer = TestBrowser(client)
            try await viewer.login(DemoUser.viewer)
            let page = try await viewer.get(Paths.planOverview(Self.plan))
            #expect(page.status == .ok)
            #expect(page.text.contains("tabella-versioni"))
            #expect(!page.text.contains("/modifica/"))
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            #expect(try await admin.get(Paths.planOverview(Self.plan)).text.contains(Paths.editor(Self.plan) + "/obiettivi/1.1.2"))
        }
    }

    @Test("the home page leads to the plan's cruscotto; unknown pages are Italian 404 pages")
    func homeAndErrors() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            let anonymous = try await browser.get("/")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.location?.hasPrefix(Paths.login) == true)
            try await browser.login(DemoUser.viewer)
            let home = try await browser.get("/")
            #expect(home.location == Paths.dashboard(Self.plan))
            let missing = try await browser.get("/non-esiste")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Pagina non trovata"))
            let plans = try await browser.get("/piani")
            #expect(plans.text.contains("Piano della Performance 2021-2023"))
        }
    }

    @Test("an error page shows who is signed in, and its logout works (it carries the CSRF token)")
    func errorPagesKnowTheUser() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            for (path, status) in [("/non-esiste", HTTPResponse.Status.notFound), ("/utenti", .forbidden)] {
                let page = try await browser.get(path)
                #expect(page.status == status)
                #expect(page.text.contains("Lettore (demo)"), "\(path): the header names the user")
                #expect(page.text.contains("name=\"_csrf\" value=\"\(browser.csrf)\""), "\(path): the logout form carries the token")
            }
            let out = try await browser.post(Paths.logout, [])
            #expect(out.location == Paths.login + "?esito=uscita")
            #expect(try await browser.get("/piani").status == .seeOther, "signed out")
        }
    }
}
