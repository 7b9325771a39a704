import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import PerformaStore
import Testing

/// The visibility rule of individual appraisal as a matrix, through every way in: each demo role × a scheda that is
/// the user's own, one they evaluate, one of someone else, and the same from another organization × read (the page
/// and the API) and write (a workflow step from the page and from the API). The expectations are written by hand
/// from the demo staff (DemoData, examples/personale-illustrativo-2021.csv): p040 and p041 work in area-anagrafica,
/// evaluated by taioli; taioli is a dirigente (proposed by the OIV); p001 is in the segreteria generale (ziletti's).
@Suite("Appraisal visibility matrix: role × own / evaluated / other / other organization × read / write")
struct AppraisalVisibilityMatrixTests {
    /// Who may see (and so act on) each scheda, by user.
    static let visible: [String: Set<String>] = [
        "dipendente": ["p040"],
        "taioli": ["p040", "p041", "taioli"],
        "vairano": ["vairano"],
        "personale": ["p040", "p041", "taioli", "vairano", "p001", "p116", "p125"],
        "oiv": ["taioli", "vairano"],
        "admin": ["p116"],
        "lettore": ["p001"],
    ]
    static let schede = ["p040", "p041", "taioli", "vairano", "p001", "p116", "p125"]
    static let foreignPassword = "Bergamo: prova dei permessi 2026"

    @Test("pages and API agree, a refused write changes nothing, another organization sees nothing")
    func matrix() async throws {
        try await TestServer.run(prepare: { store in
            try await PermissionTests.addForeignOrganization(store)
            _ = try await store.createUser(PermissionTests.foreignAdmin, NewUser(username: "amministratore", displayName: "Amministratore di Bergamo", role: .admin,
                                                                                 passwordHash: try await PasswordHasher(cost: 4).hash(Self.foreignPassword)))
        }) { client, store in
            let auditBefore = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "appraisal", limit: 100_000)).filter { $0.action != "read" }.count
            for (username, mine) in Self.visible.sorted(by: { $0.key < $1.key }) {
                var browser = TestBrowser(client)
                try await browser.login(username)
                for person in Self.schede {
                    let label = "\(username) → \(person)"
                    let expected: HTTPResponse.Status = mine.contains(person) ? .ok : .forbidden
                    #expect(try await browser.get(Paths.appraisal(person, year: 2021)).status == expected, "pagina: \(label)")
                    #expect(try await browser.get("/api/appraisals/2021/\(person)").status == expected, "API: \(label)")
                    // A step with a version that cannot match: refused for visibility (403) when the scheda is not
                    // theirs to see, else for the version or the workflow (never carried out).
                    let page = try await browser.post(Paths.appraisalAction(person), [("anno", "2021"), ("azione", "acknowledgeObjectives"), ("versione", "999999")])
                    let api = try await browser.request("/api/appraisals/2021/\(person)/actions", method: .post,
                                                        headers: [.contentType: "application/json", HeaderNames.csrfToken: browser.csrf],
                                                        body: ByteBuffer(string: #"{"action":"acknowledgeObjectives","rowVersion":999999}"#))
                    for (way, status) in [("pagina", page.status), ("API", api.status)] {
                        #expect(mine.contains(person) ? status.code >= 400 : status == .forbidden, "scrittura \(way): \(label) → \(status.code)")
                    }
                }
            }
            // The owner's own step with a stale version is refused for the version, not for the person.
            var employee = TestBrowser(client)
            try await employee.login("dipendente")
            let stale = try await employee.post(Paths.appraisalAction("p040"), [("anno", "2021"), ("azione", "acknowledgeObjectives"), ("versione", "999999")])
            #expect(stale.status != .forbidden && stale.status.code >= 400)
            // Another organization's administrator: none of Brescia's schede, through pages or API.
            var foreign = TestBrowser(client)
            let signedIn = try await foreign.login("amministratore", password: Self.foreignPassword, organization: PermissionTests.foreignOrganization)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] != Paths.login)
            for person in Self.schede {
                #expect(try await foreign.get(Paths.appraisal(person, year: 2021)).status == .forbidden)
                #expect(try await foreign.get("/api/appraisals/2021/\(person)").status == .forbidden)
            }
            let auditAfter = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "appraisal", limit: 100_000)).filter { $0.action != "read" }.count
            #expect(auditAfter == auditBefore, "no refused or stale step changed a scheda")
        }
    }
}
