import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaFormats
import PerformaStore
import Testing

/// The authorization matrix: every route the router registers × every role (with a session cookie, and with a
/// bearer token for the API) × the user's own organization and another one (DESIGN.md §7). A manager writes only
/// for the objectives assigned to them; the OIV validates but does not edit the plan; a viewer only reads; without
/// a session pages lead to the login form and the API answers 401; another organization's plans answer 404 (or the
/// role's 403, which is checked first on some routes) and never show its name. A refused write changes nothing.
@Suite("Permissions: every route × role × own and other organization")
struct PermissionTests {
    enum Actor: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case admin, manager, oiv, viewer, anonymous
        /// The same roles through `Authorization: Bearer` (API clients), and a token that is not a session.
        case adminToken, managerToken, oivToken, viewerToken, forgedToken

        var username: String? {
            switch self {
            case .admin, .adminToken: return DemoUser.admin
            case .manager, .managerToken: return DemoUser.manager
            case .oiv, .oivToken: return DemoUser.oiv
            case .viewer, .viewerToken: return DemoUser.viewer
            case .anonymous, .forgedToken: return nil
            }
        }

        var usesToken: Bool { [.adminToken, .managerToken, .oivToken, .viewerToken, .forgedToken].contains(self) }
        var signedIn: Bool { username != nil }
        var testDescription: String { rawValue }
        static let tokenRoles: [Actor] = [.adminToken, .managerToken, .oivToken, .viewerToken]
    }

    enum Body: Sendable {
        case none
        case form([(String, String)])
        case multipart([(String, String)])
        case json(String)
    }

    /// Placeholders in paths and bodies, filled in per organization when the request is made.
    enum Token {
        static let plan = "$PLAN", draft = "$DRAFT", evidence = "$EVIDENCE", version = "$VERSION", row = "$ROW", user = "$USER"
    }

    /// One concrete request for a registered route, and the status each actor gets in its own organization.
    struct Row: Sendable {
        /// The route as the router registers it: `METHOD /path/{parameter}`.
        var route: String
        var path: String
        var body: Body = .none
        var expected: [Actor: HTTPResponse.Status]
        /// The login page lists the organizations by design (the public directory), so it may name the other one.
        var showsDirectory = false

        var method: HTTPRequest.Method { HTTPRequest.Method(String(route.prefix { $0 != " " }))! }
        var isWrite: Bool { method == .post || method == .delete }
        var isAPI: Bool { path.hasPrefix("/api/") }
        /// Rows of one plan are also requested on the other organization's plan.
        var planScoped: Bool { path.contains(Token.plan) || path.contains(Token.draft) }
    }

    static let plan = TestServer.planID
    /// A draft copy of the plan in the same organization, which the struttura tecnica edits in place.
    static let draft = "cciaa-brescia-bozza"
    static let foreignOrganization = "cciaa-bergamo"
    static let foreignPlan = "cciaa-bergamo-2021-2023"
    /// Words that appear only in the other organization's data: no response to a Brescia user may contain them.
    static let foreignCanaries = ["Bergamo", "riservato"]

    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let foreignAdmin = AccessContext(organization: foreignOrganization, user: "test", role: .admin)

    // MARK: Expected statuses

    /// Pages every role reads; without a session, the login form.
    static let page: [Actor: HTTPResponse.Status] = [.admin: .ok, .manager: .ok, .oiv: .ok, .viewer: .ok, .anonymous: .seeOther]
    /// The struttura tecnica's forms.
    static let adminPage: [Actor: HTTPResponse.Status] = [.admin: .ok, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]
    static let adminWrite: [Actor: HTTPResponse.Status] = [.admin: .seeOther, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]
    static let oivWrite: [Actor: HTTPResponse.Status] = [.admin: .forbidden, .manager: .forbidden, .oiv: .seeOther, .viewer: .forbidden, .anonymous: .seeOther]
    /// Public: the same for everyone, signed in or not.
    static func everyone(_ status: HTTPResponse.Status, tokens: Bool = false) -> [Actor: HTTPResponse.Status] {
        Dictionary(uniqueKeysWithValues: Actor.allCases.filter { tokens || !$0.usesToken }.map { ($0, status) })
    }
    /// An API operation: the same status with a cookie or a token for each role; 401 without a session.
    static func api(admin: HTTPResponse.Status, manager: HTTPResponse.Status, oiv: HTTPResponse.Status, viewer: HTTPResponse.Status) -> [Actor: HTTPResponse.Status] {
        [.admin: admin, .adminToken: admin, .manager: manager, .managerToken: manager, .oiv: oiv, .oivToken: oiv,
         .viewer: viewer, .viewerToken: viewer, .anonymous: .unauthorized, .forgedToken: .unauthorized]
    }
    static let apiRead = api(admin: .ok, manager: .ok, oiv: .ok, viewer: .ok)

    static let p = "/piani/\(Token.plan)"
    static let d = "/piani/\(Token.draft)"
    static let edit = "/piani/{plan}/modifica"
    static let revisionFields = [("versione", Token.version), ("riga", Token.row)]
    /// The units form as the demo plan fills it, with the first unit renamed: a unit the plan names cannot go.
    static let unitsFields: [(String, String)] = {
        let plan = try? PlanFile.read(contentsOf: TestServer.examples.appendingPathComponent(DemoData.planFile))
        return (plan?.organization.units ?? []).enumerated().flatMap { n, unit in
            [("id-\(n)", unit.id), ("nome-\(n)", n == 0 ? unit.name + " (rinominata)" : unit.name), ("tipo-\(n)", unit.kind.rawValue),
             ("superiore-\(n)", unit.parent ?? ""), ("responsabile-\(n)", unit.head ?? "")]
        }
    }()

    /// In the order they run for each actor: reads first, then writes whose effects do not disturb later rows, and
    /// the two ways of ending a session last.
    static let rows: [Row] = [
        // Reads of a plan.
        Row(route: "GET /piani/{plan}", path: p, expected: [.admin: .seeOther, .manager: .seeOther, .oiv: .seeOther, .viewer: .seeOther, .anonymous: .seeOther]),
        Row(route: "GET /piani/{plan}/cruscotto", path: "\(p)/cruscotto", expected: page),
        Row(route: "GET /piani/{plan}/albero", path: "\(p)/albero?colorazione=dirigenti", expected: page),
        Row(route: "GET /piani/{plan}/obiettivi/{objective}", path: "\(p)/obiettivi/1.1.2", expected: page),
        Row(route: "GET /piani/{plan}/rilevazioni", path: "\(p)/rilevazioni", expected: page),
        Row(route: "GET /piani/{plan}/obiettivi/{objective}/indicatori/{number}/rilevazioni/{checkpoint}",
            path: "\(p)/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31", expected: page),
        Row(route: "GET /piani/{plan}/evidenze/{evidence}", path: "\(p)/evidenze/\(Token.evidence)", expected: page),
        Row(route: "GET /piani/{plan}/dirigenti", path: "\(p)/dirigenti", expected: page),
        Row(route: "GET /piani/{plan}/validazione", path: "\(p)/validazione", expected: page),
        Row(route: "GET /piani/{plan}/campagne/{checkpoint}/chiusura", path: "\(p)/campagne/2021-06-30/chiusura", expected: adminPage),
        Row(route: "GET /piani/{plan}/validazione/modulo", path: "\(p)/validazione/modulo?oggetto=1.1.2&scadenza=2021-12-31", expected: page),
        Row(route: "GET /piani/{plan}/pola", path: "\(p)/pola", expected: page),
        Row(route: "GET /piani/{plan}/piao", path: "\(p)/piao", expected: page),
        Row(route: "GET /piani/{plan}/piao/rischi", path: "\(p)/piao/rischi?scadenza=2021-06-30", expected: page),
        Row(route: "GET /piani/{plan}/piao/fabbisogni", path: "\(p)/piao/fabbisogni", expected: page),
        Row(route: "GET /piani/{plan}/piao/rischi/misure/{code}", path: "\(d)/piao/rischi/misure/2", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/fabbisogni/modifica", path: "\(d)/piao/fabbisogni/modifica", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/rischi/processi/{code}", path: "\(d)/piao/rischi/processi/P01", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/rischi/processi/{code}/eventi/{event}", path: "\(d)/piao/rischi/processi/P01/eventi/P01.R1", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/rischi/trasparenza", path: "\(d)/piao/rischi/trasparenza", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/fabbisogni/formazione", path: "\(d)/piao/fabbisogni/formazione", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/unita", path: "\(d)/piao/unita", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/lavoro-agile", path: "\(d)/piao/lavoro-agile", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/anagrafica", path: "\(d)/piao/anagrafica", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/valore-pubblico/{code}", path: "\(d)/piao/valore-pubblico/VP1", expected: adminPage),
        Row(route: "GET /piani/{plan}/piao/dimensioni", path: "\(d)/piao/dimensioni", expected: adminPage),
        Row(route: "GET /piani/{plan}/diagnostica", path: "\(p)/diagnostica", expected: page),
        Row(route: "GET /piani/{plan}/documenti", path: "\(p)/documenti", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/piano.html", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/relazione.html", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/monitoraggio.html", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/risultati.yaml", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/piano.yaml", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/piano.json", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/piano.xlsx", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/punteggi.csv?scadenza=2021-06-30", expected: page),
        Row(route: "GET /piani/{plan}/documenti/{file}", path: "\(p)/documenti/punteggi.json", expected: page),
        Row(route: "GET /piani/{plan}/documenti/opendata/{file}", path: "\(p)/documenti/opendata/obiettivi.csv", expected: page),
        Row(route: "GET /piani/{plan}/documenti/opendata/{file}", path: "\(p)/documenti/opendata/risultati.json", expected: page),
        Row(route: "GET /piani/{plan}/piano", path: "\(p)/piano", expected: page),
        Row(route: "GET /piani/{plan}/confronto", path: "\(p)/confronto?versione=1", expected: page),
        Row(route: "POST /piani/{plan}/scorrimento", path: "\(p)/scorrimento", body: .form([]), expected: adminWrite),
        // The struttura tecnica's forms, on the draft.
        Row(route: "GET \(edit)/aree/nuova", path: "\(d)/modifica/aree/nuova", expected: adminPage),
        Row(route: "GET \(edit)/aree/{code}", path: "\(d)/modifica/aree/1", expected: adminPage),
        Row(route: "GET \(edit)/obiettivi/nuovo", path: "\(d)/modifica/obiettivi/nuovo?padre=1", expected: adminPage),
        Row(route: "GET \(edit)/obiettivi/{key}", path: "\(d)/modifica/obiettivi/1.1.2", expected: adminPage),
        Row(route: "GET \(edit)/obiettivi/{key}/indicatori/nuovo", path: "\(d)/modifica/obiettivi/1.1.2/indicatori/nuovo", expected: adminPage),
        Row(route: "GET \(edit)/obiettivi/{key}/indicatori/{number}", path: "\(d)/modifica/obiettivi/1.1.2/indicatori/1", expected: adminPage),
        Row(route: "GET \(edit)/assegnazioni/{manager}", path: "\(d)/modifica/assegnazioni/vairano", expected: adminPage),
        // Pages outside a plan, and the service endpoints (public: see SECURITY.md for /metrics).
        Row(route: "GET /", path: "/", expected: everyone(.seeOther)),
        Row(route: "GET /profilo", path: "/profilo", expected: page),
        Row(route: "GET /posta", path: "/posta", expected: adminPage),
        // Every signed-in user turns their own reminders on or off (here: on, as they already are).
        Row(route: "POST /profilo/promemoria", path: "/profilo/promemoria", body: .form([("promemoria", "si")]),
            expected: [.admin: .seeOther, .manager: .seeOther, .oiv: .seeOther, .viewer: .seeOther, .anonymous: .seeOther]),
        // Uploads (struttura tecnica): without a file, and with content that is not base64, nothing is written.
        Row(route: "GET /carica", path: "/carica", expected: adminPage),
        Row(route: "POST /carica", path: "/carica", body: .multipart([("tipo", "piano")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /carica/conferma", path: "/carica/conferma", body: .multipart([("tipo", "piano"), ("nome", "x.yaml"), ("contenuto", "non è base64")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        // Individual appraisal: the matrix's users are the admin (person p116), a manager (vairano, evaluates no one of
        // the comparto here but is a person), the OIV (no person; reads the dirigenti's) and the reader (person p001).
        Row(route: "GET /valutazione", path: "/valutazione?anno=2021", expected: page),
        Row(route: "GET /personale", path: "/personale?anno=2021", expected: page),
        Row(route: "GET /personale/{person}", path: "/personale/p040?anno=2021",
            expected: [.admin: .forbidden, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "GET /personale/{person}/stampa", path: "/personale/taioli/stampa?anno=2021",
            expected: [.admin: .forbidden, .manager: .forbidden, .oiv: .ok, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /personale/{person}/azioni", path: "/personale/p040/azioni", body: .form([("anno", "2021"), ("azione", "communicateObjectives"), ("versione", "1")]),
            expected: [.admin: .forbidden, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /personale/{person}/comportamenti", path: "/personale/p040/comportamenti", body: .form([("anno", "2021"), ("versione", "1")]),
            expected: [.admin: .forbidden, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "GET /valutazioni", path: "/valutazioni?anno=2021", expected: adminPage),
        Row(route: "GET /valutazioni/premi", path: "/valutazioni/premi?anno=2021",
            expected: [.admin: .ok, .manager: .forbidden, .oiv: .ok, .viewer: .forbidden, .anonymous: .seeOther]),
        // The staff upload (ufficio personale and struttura tecnica): without a file, or with content that is not
        // base64, nothing is written.
        Row(route: "POST /valutazioni/personale", path: "/valutazioni/personale", body: .form([("anno", "2021")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /valutazioni/personale/conferma", path: "/valutazioni/personale/conferma", body: .form([("anno", "2021"), ("nome", "p.csv"), ("contenuto", "!!")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /valutazioni/premi", path: "/valutazioni/premi", body: .form([("anno", "2021"), ("fondo-comparto", "non è un importo")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "GET /valutazioni/opendata/{file}", path: "/valutazioni/opendata/premi.csv?anno=2021",
            expected: [.admin: .ok, .manager: .forbidden, .oiv: .ok, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "GET /valutazioni/differenziazione", path: "/valutazioni/differenziazione?anno=2021",
            expected: [.admin: .ok, .manager: .forbidden, .oiv: .ok, .viewer: .forbidden, .anonymous: .seeOther]),
        // Users (struttura tecnica): the writes are refused on purpose (a manager without its plan id, a stale version).
        Row(route: "GET /utenti", path: "/utenti", expected: adminPage),
        Row(route: "GET /utenti/nuovo", path: "/utenti/nuovo", expected: adminPage),
        Row(route: "GET /utenti/{user}", path: "/utenti/\(Token.user)", expected: adminPage),
        Row(route: "POST /utenti", path: "/utenti", body: .form([("utente", "nuovo-dirigente"), ("nome", "Nuovo"), ("ruolo", "manager")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /utenti/{user}", path: "/utenti/\(Token.user)", body: .form([("nome", "Lettore"), ("ruolo", "viewer"), ("attivo", "si"), ("versione", "999")]),
            expected: [.admin: .unprocessableContent, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /utenti/{user}/password", path: "/utenti/\(Token.user)/password", body: .form([("versione", "999")]),
            expected: [.admin: .conflict, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "GET /registro", path: "/registro?oggetto=plan", expected: [.admin: .ok, .manager: .forbidden, .oiv: .ok, .viewer: .forbidden, .anonymous: .seeOther]),
        // A wrong current password: every signed-in user reaches the check, which refuses and changes nothing.
        Row(route: "POST /profilo/password", path: "/profilo/password",
            body: .form([("attuale", "non-e-questa-1234"), ("nuova", "Tre gatti sul tetto, 2026"), ("conferma", "Tre gatti sul tetto, 2026")]),
            expected: [.admin: .unprocessableContent, .manager: .unprocessableContent, .oiv: .unprocessableContent, .viewer: .unprocessableContent,
                       .anonymous: .seeOther]),
        Row(route: "GET /piani", path: "/piani", expected: page),
        Row(route: "GET /accesso", path: "/accesso", expected: [.admin: .seeOther, .manager: .seeOther, .oiv: .seeOther, .viewer: .seeOther, .anonymous: .ok],
            showsDirectory: true),
        Row(route: "GET /healthz", path: "/healthz", expected: everyone(.ok)),
        Row(route: "GET /livez", path: "/livez", expected: everyone(.ok)),
        Row(route: "GET /metrics", path: "/metrics", expected: everyone(.ok)),
        Row(route: "GET /api/openapi.yaml", path: "/api/openapi.yaml", expected: everyone(.ok, tokens: true)),
        Row(route: "GET /favicon.ico", path: "/favicon.ico", expected: everyone(.ok)),
        // The API's reads.
        Row(route: "GET /api/plans", path: "/api/plans", expected: apiRead),
        Row(route: "GET /api/plans/{plan}", path: "/api/plans/\(Token.plan)", expected: apiRead),
        Row(route: "GET /api/plans/{plan}/objectives", path: "/api/plans/\(Token.plan)/objectives", expected: apiRead),
        Row(route: "GET /api/plans/{plan}/objectives/{objective}", path: "/api/plans/\(Token.plan)/objectives/1.1.2", expected: apiRead),
        Row(route: "GET /api/plans/{plan}/indicators", path: "/api/plans/\(Token.plan)/indicators", expected: apiRead),
        Row(route: "GET /api/plans/{plan}/measurements", path: "/api/plans/\(Token.plan)/measurements", expected: apiRead),
        Row(route: "GET /api/plans/{plan}/scores", path: "/api/plans/\(Token.plan)/scores", expected: apiRead),
        Row(route: "GET /api/plans/{plan}/diagnostics", path: "/api/plans/\(Token.plan)/diagnostics", expected: apiRead),
        // Measurements: a manager only on the objectives assigned to them (Vairano has 1.1.2, Taioli 2.3.1).
        Row(route: "POST /piani/{plan}/obiettivi/{objective}/indicatori/{number}/rilevazioni/{checkpoint}",
            path: "\(p)/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31", body: .multipart([("valore", "1.500"), ("nota", "prova dei permessi")]),
            expected: [.admin: .seeOther, .manager: .seeOther, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /piani/{plan}/obiettivi/{objective}/indicatori/{number}/rilevazioni/{checkpoint}",
            path: "\(p)/obiettivi/2.3.1/indicatori/1/rilevazioni/2021-12-31", body: .multipart([("valore", "80%")]),
            expected: [.admin: .seeOther, .manager: .forbidden, .oiv: .forbidden, .viewer: .forbidden, .anonymous: .seeOther]),
        Row(route: "POST /api/plans/{plan}/measurements", path: "/api/plans/\(Token.plan)/measurements",
            body: .json(#"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.501"}"#),
            expected: api(admin: .created, manager: .created, oiv: .forbidden, viewer: .forbidden)),
        Row(route: "POST /api/plans/{plan}/measurements", path: "/api/plans/\(Token.plan)/measurements",
            body: .json(#"{"indicator":"2.3.1/1","at":"2021-12-31","value":"81%"}"#),
            expected: api(admin: .created, manager: .forbidden, oiv: .forbidden, viewer: .forbidden)),
        // The OIV's validation of a result, the struttura tecnica's campaigns.
        Row(route: "POST /piani/{plan}/validazione", path: "\(p)/validazione",
            body: .form([("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("grado", "95"), ("motivazione", "Prova dei permessi"), ("azione", "valida")]),
            expected: oivWrite),
        Row(route: "POST /piani/{plan}/campagne/{checkpoint}", path: "\(p)/campagne/2021-06-30", body: .form([("azione", "chiudi"), ("versione", "0")]),
            expected: adminWrite),
        // Editing the draft, then its acts.
        Row(route: "POST \(edit)/aree/nuova", path: "\(d)/modifica/aree/nuova",
            body: .form(revisionFields + [("codice", "4"), ("titolo", "Sostenibilità"), ("peso", "")]), expected: adminWrite),
        Row(route: "POST \(edit)/aree/{code}", path: "\(d)/modifica/aree/1",
            body: .form(revisionFields + [("codice", "1"), ("titolo", "Competitività delle imprese"), ("peso", "")]), expected: adminWrite),
        Row(route: "POST \(edit)/obiettivi/nuovo", path: "\(d)/modifica/obiettivi/nuovo?padre=1",
            body: .form(revisionFields + [("codice", "1.9"), ("titolo", "Nuovo obiettivo strategico"), ("peso", "10"), ("quota", "50")]), expected: adminWrite),
        Row(route: "POST \(edit)/obiettivi/{key}", path: "\(d)/modifica/obiettivi/1.1.2",
            body: .form(revisionFields + [("titolo", "Riorganizzazione dei bandi camerali"), ("peso", "20")]), expected: adminWrite),
        Row(route: "POST \(edit)/obiettivi/{key}/indicatori/nuovo", path: "\(d)/modifica/obiettivi/1.1.2/indicatori/nuovo",
            body: .form(revisionFields + [("titolo", "Imprese assistite"), ("target-2021-06-30", "-"), ("target-2021-12-31", "Almeno 100"), ("peso", "10")]),
            expected: adminWrite),
        Row(route: "POST \(edit)/obiettivi/{key}/indicatori/{number}", path: "\(d)/modifica/obiettivi/1.1.2/indicatori/1",
            body: .form(revisionFields + [("titolo", "Pratiche di contributo liquidate"), ("target-2021-06-30", "800"), ("target-2021-12-31", "1500"), ("peso", "30")]),
            expected: adminWrite),
        Row(route: "POST \(edit)/assegnazioni/{manager}", path: "\(d)/modifica/assegnazioni/vairano",
            body: .form(revisionFields + [("obiettivo-0", "1.1.2"), ("peso-0", "100")]), expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/rischi/misure/{code}", path: "\(d)/piao/rischi/misure/2",
            body: .form(revisionFields + [("titolo", "Controllo a campione degli affidamenti"), ("tipo", "specific"), ("rischi", ""), ("responsabile", "ziletti"),
                                          ("unita", ""), ("tempi", "semestrale"), ("indicatore", "Affidamenti controllati"), ("target-2021-12-31", "100%")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/fabbisogni/modifica", path: "\(d)/piao/fabbisogni/modifica",
            body: .form(revisionFields + [("anno-0", "2022"), ("categoria-0", "Categoria D"), ("cessazioni-0", "1"), ("assunzioni-0", "2"), ("canale-0", "concorso")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/rischi/processi/{code}", path: "\(d)/piao/rischi/processi/nuovo",
            body: .form(revisionFields + [("codice", "P90"), ("titolo", "Gestione delle sponsorizzazioni"), ("area", "contracts"), ("unita", "area-amministrativa")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/rischi/processi/{code}/eventi/{event}", path: "\(d)/piao/rischi/processi/P01/eventi/nuovo",
            body: .form(revisionFields + [("codice", "P01.R90"), ("descrizione", "Uso improprio di informazioni riservate"), ("esposizione-discretion", "medium")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/rischi/trasparenza", path: "\(d)/piao/rischi/trasparenza",
            body: .form(revisionFields + [("metodo", "qualitative"), ("sezione-0", "Bandi di gara e contratti"), ("contenuto-0", "Atti delle procedure"),
                                          ("aggiornamento-0", "timely")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/fabbisogni/formazione", path: "\(d)/piao/fabbisogni/formazione",
            body: .form(revisionFields + [("anno-0", "2021"), ("titolo-0", "Prevenzione della corruzione"), ("ore-0", "4"), ("partecipanti-0", "120")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/unita", path: "\(d)/piao/unita", body: .form(revisionFields + unitsFields), expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/lavoro-agile", path: "\(d)/piao/lavoro-agile",
            body: .form(revisionFields + [("anno", "2020"), ("giorni-max", "2"), ("dipendenti-1", "120"), ("agili-1", "60"), ("media-1", "1,5"), ("giornate-1", "400")]),
            expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/anagrafica", path: "\(d)/piao/anagrafica",
            body: .form(revisionFields + [("codice-fiscale", "80013870177"), ("dal", "2021"), ("al", "2023")]), expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/valore-pubblico/{code}", path: "\(d)/piao/valore-pubblico/VP1",
            body: .form(revisionFields + [("codice", "VP1"), ("titolo", "Imprese più competitive"), ("obiettivi", "1.1, 1.1.2")]), expected: adminWrite),
        Row(route: "POST /piani/{plan}/piao/dimensioni", path: "\(d)/piao/dimensioni",
            body: .form(revisionFields + [("dimensione-digitalisation", "3.1.3")]), expected: adminWrite),
        Row(route: "POST /piani/{plan}/atti", path: "\(d)/atti", body: .form([("atto", "validazione"), ("data", "19/04/2021"), ("riga", Token.row)]),
            expected: oivWrite),
        Row(route: "POST /piani/{plan}/atti", path: "\(d)/atti", body: .form([("atto", "adozione"), ("numero", "45"), ("data", "26/04/2021"), ("riga", Token.row)]),
            expected: adminWrite),
        // Logging in (a wrong password, an API session), then ending the session: through the API, then the form.
        Row(route: "POST /accesso", path: "/accesso", body: .form([("ente", TestServer.organization), ("utente", "nessuno"), ("password", "sbagliata")]),
            expected: everyone(.unauthorized), showsDirectory: true),
        // Individual appraisal through the API: each user's own list; the OIV reads a dirigente's scheda; nobody of the
        // matrix acts on the employee's.
        Row(route: "GET /api/appraisals", path: "/api/appraisals?year=2021", expected: api(admin: .ok, manager: .ok, oiv: .ok, viewer: .ok)),
        Row(route: "GET /api/appraisals/{year}/{person}", path: "/api/appraisals/2021/taioli",
            expected: api(admin: .forbidden, manager: .forbidden, oiv: .ok, viewer: .forbidden)),
        Row(route: "POST /api/appraisals/{year}/{person}/actions", path: "/api/appraisals/2021/p040/actions",
            body: .json(#"{"action":"close","rowVersion":1}"#), expected: api(admin: .forbidden, manager: .forbidden, oiv: .forbidden, viewer: .forbidden)),
        Row(route: "POST /api/session", path: "/api/session",
            body: .json(#"{"organization":"cciaa-brescia","username":"lettore","password":"demo-lettore"}"#), expected: everyone(.created, tokens: true)),
        Row(route: "DELETE /api/session", path: "/api/session", expected: api(admin: .noContent, manager: .noContent, oiv: .noContent, viewer: .noContent)),
        Row(route: "POST /uscita", path: "/uscita", body: .form([]), expected: everyone(.seeOther)),
    ]

    // MARK: Tests

    @Test("each actor gets the expected status on every route, in its own organization and in another", arguments: Actor.allCases)
    func matrix(actor: Actor) async throws {
        try await TestServer.run(prepare: Self.prepare) { client, store in
            var browser = TestBrowser(client)
            var token: String?
            switch actor {
            case .forgedToken:
                token = "\(TestServer.organization).\(RandomToken.make())"
            case _ where actor.usesToken:
                token = try await Self.openAPISession(client, username: try #require(actor.username))
            case _ where actor.signedIn:
                #expect(try await browser.login(try #require(actor.username)).status == .seeOther, "accesso di \(actor)")
            default:
                _ = try await browser.get(Paths.login)
            }
            let ownEvidence = try #require(try await store.evidenceFiles(Self.admin, planID: Self.plan, indicator: nil, at: nil).first).id
            let foreignEvidence = try #require(try await store.evidenceFiles(Self.foreignAdmin, planID: Self.foreignPlan, indicator: nil, at: nil).first).id
            let foreignAuditBefore = try await Self.auditCount(store, Self.foreignAdmin)

            for row in Self.rows {
                guard let expected = row.expected[actor] else { continue }
                let own = try await Self.send(row, as: &browser, token: token, store: store, foreign: false, evidence: ownEvidence)
                let ownLabel = "\(row.route) [\(row.path)] come \(actor), stesso ente"
                #expect(own.response.status == expected, "\(ownLabel): \(own.response.status.code) invece di \(expected.code)")
                Self.checkRefusal(own.response, row: row, label: ownLabel)
                if !row.showsDirectory {
                    for canary in Self.foreignCanaries + [Self.foreignOrganization] {
                        #expect(!own.response.text.contains(canary), "\(ownLabel): la risposta nomina l'altro ente («\(canary)»)")
                    }
                }
                if row.isWrite && Self.isRefusal(own.response) {
                    #expect(own.auditAfter == own.auditBefore, "\(ownLabel): una richiesta rifiutata non cambia nulla")
                }

                guard row.planScoped else { continue }
                let other = try await Self.send(row, as: &browser, token: token, store: store, foreign: true, evidence: foreignEvidence)
                let otherLabel = "\(row.route) come \(actor), altro ente"
                // Signed in: not found, or the role's refusal when the route checks the role before the plan.
                let allowed: Set<HTTPResponse.Status> = !actor.signedIn ? [expected] : (expected == .forbidden ? [.notFound, .forbidden] : [.notFound])
                #expect(allowed.contains(other.response.status), "\(otherLabel): \(other.response.status.code) invece di \(allowed.map(\.code).sorted())")
                Self.checkRefusal(other.response, row: row, label: otherLabel)
                for canary in Self.foreignCanaries {
                    #expect(!other.response.text.contains(canary), "\(otherLabel): la risposta rivela l'altro ente («\(canary)»)")
                }
                if row.isWrite {
                    #expect(other.auditAfter == other.auditBefore, "\(otherLabel): nulla cambia nel proprio ente")
                }
            }
            #expect(try await Self.auditCount(store, Self.foreignAdmin) == foreignAuditBefore, "nulla cambia nell'altro ente")
            // Both ways of ending the session ran last: the session no longer opens anything.
            if actor.signedIn {
                let after = try await Self.send(Self.rows.first { $0.route == "GET /api/plans" }!, as: &browser, token: token, store: store,
                                                foreign: false, evidence: ownEvidence)
                #expect(after.response.status == .unauthorized, "dopo l'uscita la sessione di \(actor) non vale più")
            }
        }
    }

    @Test("the matrix covers exactly the routes the router registers")
    func coverage() async throws {
        let registered = try await TestServer.run(seed: false) { _, store in
            let app = WebApp(store: store, pages: try await PageRenderer.load(), configuration: TestServer.configuration(), demoAccounts: [],
                             logger: TestServer.quietLogger)
            return Set(buildRouter(app, metrics: ServerMetrics.registry, logger: TestServer.quietLogger).routes.map { "\($0.method) \($0.path)" })
        }
        let covered = Set(Self.rows.map(\.route))
        #expect(registered.subtracting(covered).isEmpty, "rotte senza righe nella matrice: \(registered.subtracting(covered).sorted())")
        #expect(covered.subtracting(registered).isEmpty, "righe per rotte che non esistono: \(covered.subtracting(registered).sorted())")
        // Each row's request really is an instance of the route it claims to test.
        for row in Self.rows {
            let pattern = row.route.split(separator: " ", maxSplits: 1)[1].split(separator: "/")
            let path = row.path.split(separator: "?")[0].split(separator: "/")
            let matches = pattern.count == path.count && zip(pattern, path).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            #expect(matches, "\(row.path) non è un'istanza di \(row.route)")
        }
        // Every role appears in every row (tokens only for the API).
        for row in Self.rows {
            for actor in Actor.allCases where !actor.usesToken || actor == .forgedToken {
                #expect(row.expected[actor] != nil || (actor == .forgedToken && !row.isAPI), "\(row.route): manca l'attore \(actor)")
            }
            if row.isAPI { #expect(Actor.tokenRoles.allSatisfy { row.expected[$0] != nil }, "\(row.route): mancano i token") }
        }
    }

    @Test("the capability table matches DESIGN.md §7")
    func capabilities() {
        #expect(Role.allCases.allSatisfy { $0.may(.read) })
        #expect(Role.allCases.filter { $0.may(.editPlan) } == [.admin])
        #expect(Role.allCases.filter { $0.may(.enterMeasurements) } == [.admin, .manager, .rpct])
        #expect(Role.allCases.filter { $0.may(.editRiskRegister) } == [.admin, .rpct])
        #expect(Role.allCases.filter { $0.may(.editOrganizationAndStaff) } == [.admin, .hr])
        #expect(Role.allCases.filter { $0.may(.validateResults) } == [.oiv])
        #expect(Role.allCases.filter { $0.may(.seeValorization) } == [.admin, .oiv])
        #expect(!Role.viewer.may(.manageCampaigns))
        #expect(Role.allCases.filter { $0.may(.manageUsers) } == [.admin])
        #expect(Role.allCases.filter { $0.may(.readAuditLog) } == [.admin, .oiv])
    }

    // MARK: Helpers

    /// The draft copy, one evidence document, and a second organization with its own plan, user and document.
    @Sendable static func prepare(_ store: SQLStore) async throws {
        try await TestServer.addDraft(store, id: draft)
        let key = IndicatorKey(objective: "1.1.2", number: 1)
        _ = try await store.attachEvidence(admin, planID: plan, indicator: key, at: .yearEnd(2021), EvidenceUpload.testPDF)
        try await addForeignOrganization(store)
        _ = try await store.attachEvidence(foreignAdmin, planID: foreignPlan, indicator: key, at: .yearEnd(2021), EvidenceUpload.testPDF)
    }

    /// Camera di Commercio di Bergamo, with a copy of the plan titled so that a leak is recognisable, and an administrator.
    @Sendable static func addForeignOrganization(_ store: SQLStore) async throws {
        _ = try await store.createOrganization(id: foreignOrganization, name: "Camera di Commercio di Bergamo", actor: "test")
        var copy = try await store.plan(admin, id: plan, version: nil).plan
        copy.id = foreignPlan
        copy.title = "Piano riservato di Bergamo"
        copy.organization.id = foreignOrganization
        copy.organization.name = "Camera di Commercio di Bergamo"
        _ = try await store.importPlan(foreignAdmin, copy, revision: nil, createOrganization: false)
        _ = try await store.createUser(foreignAdmin, NewUser(username: "admin", displayName: "Amministratore di Bergamo", role: .admin,
                                                             passwordHash: PasswordHasher(cost: 4).decoyHash))
    }

    static func openAPISession(_ client: any TestClientProtocol, username: String) async throws -> String {
        let body = #"{"organization":"\#(TestServer.organization)","username":"\#(username)","password":"demo-\#(username)"}"#
        let response = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        #expect(response.status == .created)
        struct Session: Decodable { var token: String }
        return try JSONDecoder().decode(Session.self, from: Data(buffer: response.body)).token
    }

    static func auditCount(_ store: SQLStore, _ context: AccessContext) async throws -> Int {
        try await store.auditLog(context, AuditQuery(limit: 1_000_000)).count
    }

    struct Sent {
        var response: TestResponse
        var auditBefore: Int
        var auditAfter: Int
    }

    /// Makes a row's request as the browser (cookie and CSRF token) or with a bearer token, in the own organization
    /// or on the other organization's plan; returns the response and the own organization's audit log size around it.
    /// How a cookie session's request carries the CSRF token: as the page gives it, not at all, or another one.
    enum CSRFMode: String, CustomStringConvertible, Sendable {
        case valid, missing, forged
        var description: String { "token CSRF \(rawValue)" }
    }

    static func send(_ row: Row, as browser: inout TestBrowser, token: String?, store: SQLStore, foreign: Bool, evidence: String,
                     csrf: CSRFMode = .valid) async throws -> Sent {
        let target = row.path.contains(Token.draft) ? draft : plan
        let info = try await store.plan(admin, id: target, version: nil).info
        let viewerID = try await store.users(admin).first { $0.username == DemoUser.viewer }?.id ?? ""
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: Token.plan, with: foreign ? foreignPlan : plan)
                .replacingOccurrences(of: Token.draft, with: foreign ? foreignPlan : draft)
                .replacingOccurrences(of: Token.evidence, with: evidence)
                .replacingOccurrences(of: Token.version, with: String(info.version))
                .replacingOccurrences(of: Token.row, with: String(info.rowVersion))
                .replacingOccurrences(of: Token.user, with: viewerID)
        }
        let path = fill(row.path)
        let before = try await auditCount(store, admin)
        let response: TestResponse
        if let token {
            var headers: HTTPFields = [.authorization: "Bearer \(token)"]
            var body: ByteBuffer?
            if case .json(let json) = row.body {
                headers[.contentType] = "application/json"
                body = ByteBuffer(string: json)
            }
            response = try await browser.client.execute(uri: path, method: row.method, headers: headers, body: body)
        } else {
            // The token as a form field or, for the API, as a header; a forged one has the right shape.
            let forged = RandomToken.make()
            let field: [(String, String)] = csrf == .forged ? [(CSRFCookie.fieldName, forged)] : []
            var header: HTTPFields = [:]
            if csrf != .missing { header[HeaderNames.csrfToken] = csrf == .valid ? browser.csrf : forged }
            switch row.body {
            case .none where row.method == .get:
                response = try await browser.get(path)
            case .none:
                response = try await browser.request(path, method: row.method, headers: header)
            case .form(let fields):
                response = try await browser.post(path, field + fields.map { ($0.0, fill($0.1)) }, csrf: csrf == .valid)
            case .multipart(let fields):
                response = try await browser.postMultipart(path, field + fields.map { ($0.0, fill($0.1)) }, csrf: csrf == .valid)
            case .json(let json):
                header[.contentType] = "application/json"
                response = try await browser.request(path, method: row.method, headers: header, body: ByteBuffer(string: json))
            }
        }
        return Sent(response: response, auditBefore: before, auditAfter: try await auditCount(store, admin))
    }

    /// A refusal: an error status, or the redirect to the login form.
    static func isRefusal(_ response: TestResponse) -> Bool {
        [.unauthorized, .forbidden, .notFound].contains(response.status) || response.location?.hasPrefix(Paths.login + "?da=") == true
    }

    /// Refusals say why, in Italian: the error page's title, or the API's `errore` field; without a session a page
    /// leads to the login form.
    static func checkRefusal(_ response: TestResponse, row: Row, label: String) {
        switch response.status {
        case .forbidden, .notFound, .unauthorized:
            if row.isAPI {
                #expect(response.text.contains("\"error\""), "\(label): errore JSON")
            } else if response.status != .unauthorized {
                #expect(response.text.contains(response.status.italianTitle), "\(label): pagina d'errore in italiano")
            }
        case .seeOther where response.location?.hasPrefix(Paths.login) == true:
            #expect(response.location?.hasPrefix(Paths.login + "?da=") == true || row.route == "POST /uscita", "\(label): si torna all'accesso")
        default:
            break
        }
    }
}

extension EvidenceUpload {
    /// A small, valid PDF document.
    static var testPDF: EvidenceUpload {
        EvidenceUpload(fileName: "verbale.pdf", contentType: "application/pdf",
                       data: Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8))
    }
}
