import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import PerformaStore
import Testing

/// Users from the browser: the struttura tecnica creates, changes, deactivates and reactivates users and resets a
/// password; each change is audited, the checks are those of `performa user`, and nobody can lock the office out.
@Suite("Users from the browser")
struct UsersPageTests {
    static func temporaryPassword(_ html: String) -> String? {
        guard let range = html.range(of: #"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    @Test("a new manager user gets a temporary password shown once, logs in with it and is listed; the creation is audited")
    func create() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let created = try await admin.post(UsersPage.path, [("utente", "rossi"), ("nome", "Mario Rossi"), ("email", "rossi@example.org"),
                                                                 ("ruolo", "manager"), ("dirigente", "vairano")])
            #expect(created.status == .ok)
            #expect(created.headers[.cacheControl] == "no-store")
            let password = try #require(Self.temporaryPassword(created.text))
            #expect(PasswordPolicy.problems(password: password, username: "rossi").isEmpty)
            #expect(try await admin.get(UsersPage.path).text.contains("Mario Rossi"))
            var rossi = TestBrowser(client)
            #expect(try await rossi.login("rossi", password: password).status == .seeOther)
            let entries = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "user"))
            #expect(entries.first?.action == "create")
            #expect(entries.first.map { !($0.after ?? "").contains(password) } == true, "the log never holds the password")
        }
    }

    @Test("refused creations say why and create nothing", arguments: [
        ([("utente", "rossi"), ("nome", "Mario Rossi"), ("ruolo", "manager")], "ha bisogno del dirigente del piano"),
        ([("utente", "rossi"), ("nome", "Mario Rossi"), ("ruolo", "manager"), ("dirigente", "inesistente")], "non compare nei piani"),
        ([("utente", "lettore"), ("nome", "Doppio"), ("ruolo", "viewer")], "lettore"),
        ([("utente", "con spazi"), ("nome", "X"), ("ruolo", "viewer")], "Nome utente non valido"),
        ([("utente", "anonimo"), ("nome", "   "), ("ruolo", "viewer")], "nome per esteso"),
    ])
    func refused(fields: [(String, String)], message: String) async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let before = try await store.users(PermissionTests.admin).count
            let response = try await admin.post(UsersPage.path, fields)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(message), "\(message)")
            #expect(Self.temporaryPassword(response.text) == nil)
            #expect(try await store.users(PermissionTests.admin).count == before)
        }
    }

    @Test("the fiscal code for single sign-on is set and changed from the user's form; an invalid one is refused and nothing changes")
    func fiscalCode() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let user = try #require(try await store.users(PermissionTests.admin).first { $0.username == DemoUser.viewer })
            let code = "WHODCT63A01H501C"
            let saved = try await admin.post(UsersPage.user(user.id), [("nome", user.displayName), ("ruolo", "viewer"), ("attivo", "si"),
                                                                       ("codice-fiscale", code.lowercased()), ("versione", String(user.rowVersion))])
            #expect(saved.status == .seeOther)
            #expect(try await store.fiscalCode(PermissionTests.admin, userID: user.id) == code)
            #expect(try await admin.get(UsersPage.user(user.id)).text.contains("value=\"\(code)\""))
            let current = try await store.user(PermissionTests.admin, id: user.id)
            let refused = try await admin.post(UsersPage.user(user.id), [("nome", "Altro nome"), ("ruolo", "viewer"), ("attivo", "si"),
                                                                         ("codice-fiscale", "WHODCT63A01H501X"), ("versione", String(current.rowVersion))])
            #expect(refused.status == .unprocessableContent && refused.text.contains("Codice fiscale non valido"))
            #expect(try await store.fiscalCode(PermissionTests.admin, userID: user.id) == code)
            #expect(try await store.user(PermissionTests.admin, id: user.id).displayName == user.displayName)
        }
    }

    @Test("deactivating ends the user's sessions and refuses the login; reactivating lets them in again")
    func deactivate() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            var viewer = TestBrowser(client)
            try await viewer.login(DemoUser.viewer)
            let user = try #require(try await store.users(PermissionTests.admin).first { $0.username == DemoUser.viewer })
            let off = try await admin.post(UsersPage.user(user.id), [("nome", user.displayName), ("ruolo", "viewer"), ("versione", String(user.rowVersion))])
            #expect(off.status == .seeOther)
            #expect(try await viewer.get("/piani").status == .seeOther, "the open session has ended")
            var again = TestBrowser(client)
            #expect(try await again.login(DemoUser.viewer).status != .seeOther)

            let current = try await store.user(PermissionTests.admin, id: user.id)
            #expect(!current.active)
            let on = try await admin.post(UsersPage.user(user.id), [("nome", user.displayName), ("ruolo", "viewer"), ("attivo", "si"),
                                                                   ("versione", String(current.rowVersion))])
            #expect(on.status == .seeOther)
            #expect(try await again.login(DemoUser.viewer).status == .seeOther)
        }
    }

    @Test("an administrator cannot deactivate or demote themselves; a stale form is refused")
    func guards() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let me = try #require(try await store.users(PermissionTests.admin).first { $0.username == DemoUser.admin })
            let demote = try await admin.post(UsersPage.user(me.id), [("nome", me.displayName), ("ruolo", "viewer"), ("attivo", "si"), ("versione", String(me.rowVersion))])
            #expect(demote.status == .unprocessableContent)
            #expect(demote.text.contains("Non si può disattivare il proprio utente"))
            let stale = try await admin.post(UsersPage.user(me.id), [("nome", "Altro nome"), ("ruolo", "admin"), ("attivo", "si"), ("versione", String(me.rowVersion - 1))])
            #expect(stale.status == .unprocessableContent)
            #expect(try await store.user(PermissionTests.admin, id: me.id).displayName == me.displayName)
        }
    }

    @Test("a reset gives a new temporary password: the old one stops working, open sessions end")
    func reset() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            var viewer = TestBrowser(client)
            try await viewer.login(DemoUser.viewer)
            let user = try #require(try await store.users(PermissionTests.admin).first { $0.username == DemoUser.viewer })
            let page = try await admin.get(UsersPage.user(user.id))
            #expect(page.text.contains("Genera una password temporanea"))
            let response = try await admin.post(UsersPage.reset(user.id), [("versione", String(user.rowVersion))])
            #expect(response.status == .ok)
            let password = try #require(Self.temporaryPassword(response.text))
            #expect(try await viewer.get("/piani").status == .seeOther)
            var fresh = TestBrowser(client)
            #expect(try await fresh.login(DemoUser.viewer).status != .seeOther)
            #expect(try await fresh.login(DemoUser.viewer, password: password).status == .seeOther)
        }
    }

    @Test("the header links to Utenti and Registro for the roles that reach them, on cached pages too")
    func headerLinks() async throws {
        try await TestServer.run { client, _ in
            for (username, users, log) in [(DemoUser.admin, true, true), (DemoUser.oiv, false, true), (DemoUser.viewer, false, false), (DemoUser.manager, false, false)] {
                var browser = TestBrowser(client)
                try await browser.login(username)
                for _ in 0..<2 {
                    let page = try await browser.get(Paths.dashboard(TestServer.planID)).text
                    #expect(page.contains("href=\"/utenti\"") == users, "\(username)")
                    #expect(page.contains("href=\"/registro\"") == log, "\(username)")
                }
            }
        }
    }
}
