import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import PerformaStore
import Testing

/// *Il mio profilo*: every user changes their own password from the browser; the current password is checked, the
/// password rules hold, a refusal changes nothing and names each field, and a change ends every other session.
@Suite("Own password from the browser")
struct AccountPageTests {
    static let newPassword = "Tre gatti sul tetto, 2026"

    @Test("a viewer changes their password: other sessions end, this one stays, the new password logs in and the old does not")
    func change() async throws {
        try await TestServer.run { client, _ in
            var here = TestBrowser(client)
            var elsewhere = TestBrowser(client)
            try await here.login(DemoUser.viewer)
            try await elsewhere.login(DemoUser.viewer)
            let page = try await here.get(AccountPage.path)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Cambia la password"))

            let changed = try await here.post(AccountPage.passwordPath, [("attuale", "demo-lettore"), ("nuova", Self.newPassword), ("conferma", Self.newPassword)])
            #expect(changed.status == .seeOther)
            #expect(changed.headers[.location] == AccountPage.path + "?esito=password-cambiata")
            let after = try await here.get(AccountPage.path + "?esito=password-cambiata")
            #expect(after.status == .ok, "this browser keeps a session")
            #expect(String(buffer: after.body).contains("Password cambiata"))
            #expect(try await elsewhere.get(AccountPage.path).status == .seeOther, "the other session has ended")

            var fresh = TestBrowser(client)
            #expect(try await fresh.login(DemoUser.viewer).status != .seeOther, "the old password no longer logs in")
            #expect(try await fresh.login(DemoUser.viewer, password: Self.newPassword).status == .seeOther)
        }
    }

    @Test("refusals name each field and change nothing", arguments: [
        ("sbagliata-davvero-1234", newPassword, newPassword, "La password attuale non è corretta"),
        ("demo-lettore", "breve", "breve", "almeno 12 caratteri"),
        ("demo-lettore", "lettore-e-basta-2026", "lettore-e-basta-2026", "non deve contenere il nome utente"),
        ("demo-lettore", newPassword, "un'altra cosa del tutto", "non coincidono"),
        ("", newPassword, newPassword, "Indicare la password attuale"),
    ])
    func refused(current: String, new: String, repeated: String, message: String) async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let response = try await browser.post(AccountPage.passwordPath, [("attuale", current), ("nuova", new), ("conferma", repeated)])
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(message), "\(message)")
            #expect(html.contains("la password non è cambiata"))
            #expect(!html.contains(new) || new.isEmpty, "a password is never echoed back")
            var other = TestBrowser(client)
            #expect(try await other.login(DemoUser.viewer).status == .seeOther, "the old password still works")
        }
    }

    @Test("without a session the page leads to the login; without the CSRF token the change is refused")
    func guarded() async throws {
        try await TestServer.run { client, _ in
            var anonymous = TestBrowser(client)
            #expect(try await anonymous.get(AccountPage.path).status == .seeOther)
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            let forged = try await browser.post(AccountPage.passwordPath, [("attuale", "demo-lettore"), ("nuova", Self.newPassword), ("conferma", Self.newPassword)], csrf: false)
            #expect(forged.status == .forbidden)
            var other = TestBrowser(client)
            #expect(try await other.login(DemoUser.viewer).status == .seeOther, "nothing changed")
        }
    }
}
