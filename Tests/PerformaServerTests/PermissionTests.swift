import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import PerformaStore
import Testing

/// Routes × roles: every page and endpoint with the status each role gets (DESIGN.md §7). A manager writes only
/// for the objectives assigned to them; the OIV validates but does not edit the plan; a viewer only reads;
/// without a session pages lead to the login form and the API answers 401.
@Suite("Permissions: routes × roles")
struct PermissionTests {
    enum Actor: String, CaseIterable, CustomTestStringConvertible {
        case admin, manager, oiv, viewer, anonymous
        var username: String? {
            switch self {
            case .admin: return DemoUser.admin
            case .manager: return DemoUser.manager
            case .oiv: return DemoUser.oiv
            case .viewer: return DemoUser.viewer
            case .anonymous: return nil
            }
        }
        var testDescription: String { rawValue }
    }

    enum Body {
        case none
        case form([(String, String)])
        case multipart([(String, String)])
        case json(String)
    }

    struct Route {
        var name: String
        var method: HTTPRequest.Method
        var path: String
        var body: Body = .none
        /// Expected status per actor; anonymous page requests expect a redirect to the login form.
        var expected: [Actor: HTTPResponse.Status]
    }

    static let p = Paths.plan(TestServer.planID)
    static let everyone: [Actor: HTTPResponse.Status] = [.admin: .ok, .manager: .ok, .oiv: .ok, .viewer: .ok, .anonymous: .seeOther]

    /// In the order they run for each role: reads first, then writes whose effects do not disturb later rows.
    static let routes: [Route] = [
        Route(name: "cruscotto", method: .get, path: "\(p)/cruscotto", expected: everyone),
        Route(name: "albero", method: .get, path: "\(p)/albero?colorazione=dirigenti", expected: everyone),
        Route(name: "scheda obiettivo", method: .get, path: "\(p)/obiettivi/1.1.2", expected: everyone),
        Route(name: "rilevazioni", method: .get, path: "\(p)/rilevazioni", expected: everyone),
        Route(name: "modulo di rilevazione", method: .get, path: "\(p)/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31", expected: everyone),
        Route(name: "dirigenti", method: .get, path: "\(p)/dirigenti", expected: everyone),
        Route(name: "validazione OIV", method: .get, path: "\(p)/validazione", expected: everyone),
        Route(name: "modulo di validazione", method: .get, path: "\(p)/validazione/modulo?oggetto=1.1.2&scadenza=2021-12-31", expected: everyone),
        Route(name: "POLA", method: .get, path: "\(p)/pola", expected: everyone),
        Route(name: "diagnostica", method: .get, path: "\(p)/diagnostica", expected: everyone),
        Route(name: "documenti", method: .get, path: "\(p)/documenti", expected: everyone),
        Route(name: "Piano (documento)", method: .get, path: "\(p)/documenti/piano.html", expected: everyone),
        Route(name: "Piano (pagina)", method: .get, path: "\(p)/piano", expected: everyone),
        Route(name: "modifica obiettivo (modulo)", method: .get, path: "\(p)/modifica/obiettivi/1.1.2",
              expected: [.admin: .ok, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Route(name: "modifica assegnazioni (modulo)", method: .get, path: "\(p)/modifica/assegnazioni/vairano",
              expected: [.admin: .ok, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Route(name: "API: piani", method: .get, path: "/api/plans",
              expected: [.admin: .ok, .manager: .ok, .oiv: .ok, .viewer: .ok, .anonymous: .unauthorized]),
        Route(name: "API: punteggi", method: .get, path: "/api/plans/\(TestServer.planID)/scores",
              expected: [.admin: .ok, .manager: .ok, .oiv: .ok, .viewer: .ok, .anonymous: .unauthorized]),
        Route(name: "rilevazione su obiettivo del dirigente (1.1.2, Vairano)", method: .post, path: "\(p)/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31",
              body: .multipart([("valore", "1.500"), ("nota", "prova dei permessi")]),
              expected: [.admin: .seeOther, .manager: .seeOther, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Route(name: "rilevazione su obiettivo di un altro dirigente (2.3.1, Taioli)", method: .post, path: "\(p)/obiettivi/2.3.1/indicatori/1/rilevazioni/2021-12-31",
              body: .multipart([("valore", "80%")]),
              expected: [.admin: .seeOther, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Route(name: "API: rilevazione", method: .post, path: "/api/plans/\(TestServer.planID)/measurements",
              body: .json(#"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.501"}"#),
              expected: [.admin: .created, .manager: .created, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .unauthorized]),
        Route(name: "validazione di un risultato", method: .post, path: "\(p)/validazione",
              body: .form([("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("grado", "95"), ("motivazione", "Prova dei permessi"), ("azione", "valida")]),
              expected: [.admin: .forbidden, .manager: .forbidden, .oiv: .seeOther, .viewer: .forbidden, .anonymous: .seeOther]),
        Route(name: "chiusura della rilevazione al 30/6", method: .post, path: "\(p)/campagne/2021-06-30",
              body: .form([("azione", "chiudi"), ("versione", "0")]),
              expected: [.admin: .seeOther, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Route(name: "revisione del piano (titolo di 1.1.2)", method: .post, path: "\(p)/modifica/obiettivi/1.1.2",
              body: .form([("versione", "1"), ("riga", "ROW"), ("titolo", "Riorganizzazione dei bandi camerali"), ("peso", "20"),
                           ("motivo", "Prova dei permessi"), ("data-atto", "15/07/2021"), ("numero-atto", "80")]),
              expected: [.admin: .seeOther, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
    ]

    @Test("each role gets the expected status on every route", arguments: Actor.allCases)
    func table(actor: Actor) async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            _ = try await browser.get(Paths.login)
            if let username = actor.username {
                let login = try await browser.login(username)
                #expect(login.status == .seeOther, "accesso di \(username)")
            }
            let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
            for route in Self.routes {
                let row = String(try await store.plan(admin, id: TestServer.planID, version: nil).info.rowVersion)
                let response: TestResponse
                switch route.body {
                case .none:
                    response = try await browser.get(route.path)
                case .form(let fields):
                    response = try await browser.post(route.path, fields.map { ($0.0, $0.1 == "ROW" ? row : $0.1) })
                case .multipart(let fields):
                    response = try await browser.postMultipart(route.path, fields)
                case .json(let json):
                    response = try await browser.request(route.path, method: .post,
                                                         headers: [.contentType: "application/json", HeaderNames.csrfToken: browser.csrf],
                                                         body: .init(string: json))
                }
                let expected = try #require(route.expected[actor])
                #expect(response.status == expected, "\(route.name) come \(actor.rawValue): \(response.status.code) invece di \(expected.code)")
                if actor == .anonymous && expected == .seeOther {
                    #expect(response.location?.hasPrefix(Paths.login) == true, "\(route.name): senza sessione si va all'accesso")
                }
                if expected == .forbidden && !route.path.hasPrefix("/api/") {
                    #expect(response.text.contains("Operazione non consentita") || response.text.contains("non è assegnato"), "\(route.name): messaggio in italiano")
                }
            }
        }
    }

    @Test("the capability table matches DESIGN.md §7")
    func capabilities() {
        #expect(Role.allCases.allSatisfy { $0.may(.read) })
        #expect(Role.allCases.filter { $0.may(.editPlan) } == [.admin])
        #expect(Role.allCases.filter { $0.may(.enterMeasurements) } == [.admin, .manager])
        #expect(Role.allCases.filter { $0.may(.validateResults) } == [.oiv])
        #expect(Role.allCases.filter { $0.may(.seeValorization) } == [.admin, .oiv])
        #expect(!Role.viewer.may(.manageCampaigns))
    }
}
