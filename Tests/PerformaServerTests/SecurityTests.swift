import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

@Suite("Security: login, sessions, CSRF, headers, throttling, tenants")
struct SecurityTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)

    @Test("login sets an HttpOnly, SameSite=Lax session cookie kept in the store; logout ends it")
    func loginAndLogout() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            let response = try await browser.login(DemoUser.manager)
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("performa_sessione=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let token = try #require(browser.cookies["performa_sessione"])
            #expect(try await store.session(token: token, at: Date())?.username == DemoUser.manager)
            #expect(try await browser.get(Paths.dashboard(Self.plan)).status == .ok)

            let logout = try await browser.post(Paths.logout, [])
            #expect(logout.status == .seeOther)
            #expect(try await store.session(token: token, at: Date()) == nil)
            #expect(try await browser.get(Paths.dashboard(Self.plan)).status == .seeOther)
        }
    }

    @Test("a wrong password is refused with an Italian message that does not say which part was wrong")
    func wrongPassword() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            let wrongPassword = try await browser.login(DemoUser.admin, password: "sbagliata")
            let wrongUser = try await browser.login("nessuno", password: "sbagliata")
            #expect(wrongPassword.status == .unauthorized)
            #expect(wrongUser.status == .unauthorized)
            #expect(wrongPassword.text.contains("Nome utente o password non corretti."))
            #expect(wrongUser.text.contains("Nome utente o password non corretti."))
            #expect(browser.cookies["performa_sessione"] == nil)
        }
    }

    @Test("after five failed logins the account is locked for a while, even with the right password")
    func throttle() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            for _ in 0..<5 { #expect(try await browser.login(DemoUser.oiv, password: "sbagliata").status == .unauthorized) }
            let locked = try await browser.login(DemoUser.oiv)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            #expect(locked.text.contains("Troppi tentativi"))
            // Other accounts are not affected.
            #expect(try await browser.login(DemoUser.viewer).status == .seeOther)
        }
    }

    @Test("demo users are refused when the server is not in demo mode")
    func demoUsersOutsideDemo() async throws {
        try await TestServer.run(demo: false) { client, _ in
            var browser = TestBrowser(client)
            let response = try await browser.login(DemoUser.admin)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("performa serve --demo"))
            #expect(!response.text.contains("demo-admin"), "the login page lists demo credentials only in demo mode")
        }
    }

    @Test("a form without the CSRF token, or with another browser's token, is refused and changes nothing")
    func csrf() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.admin)
            let before = try await store.campaigns(Self.admin, planID: Self.plan)
            let missing = try await browser.post(Paths.campaign(Self.plan, .midYear(2021)), [("azione", "chiudi"), ("versione", "0")], csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Il modulo è scaduto"))
            let forged = try await browser.post(Paths.campaign(Self.plan, .midYear(2021)), [("_csrf", String(repeating: "x", count: 43)), ("azione", "chiudi"), ("versione", "0")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await store.campaigns(Self.admin, planID: Self.plan) == before)
            // The API with the session cookie needs the header; with a bearer token it does not.
            let json = ByteBuffer(string: #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.400"}"#)
            let noHeader = try await browser.request("/api/plans/\(Self.plan)/measurements", method: .post, headers: [.contentType: "application/json"], body: json)
            #expect(noHeader.status == .forbidden)
        }
    }

    @Test("every page carries strict security headers: CSP without inline scripts or styles, nosniff, no framing")
    func headers() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            let login = try await browser.get(Paths.login)
            try await browser.login(DemoUser.viewer)
            let dashboard = try await browser.get(Paths.dashboard(Self.plan))
            for response in [login, dashboard] {
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("script-src 'self'"))
                #expect(csp.contains("style-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HeaderNames.referrerPolicy] == "same-origin")
                #expect(response.headers[.cacheControl] == "no-store")
                // No inline scripts or styles in the markup either.
                #expect(!response.text.contains("<script>"))
                #expect(!response.text.contains("<style"))
                #expect(!response.text.contains(" style=\""))
            }
            let csrfCookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("performa_csrf=") })
            #expect(csrfCookie.contains("HttpOnly"))
            #expect(csrfCookie.contains("SameSite=Strict"))
        }
    }

    @Test("after login the browser goes back where it was going, but never to another site")
    func redirectTarget() {
        #expect(AuthPages.safeTarget("/piani/x/albero?colorazione=dirigenti") == "/piani/x/albero?colorazione=dirigenti")
        #expect(AuthPages.safeTarget("//evil.example/") == Paths.home)
        #expect(AuthPages.safeTarget("https://evil.example/") == Paths.home)
        #expect(AuthPages.safeTarget("/\\evil.example") == Paths.home)
        #expect(AuthPages.safeTarget(nil) == Paths.home)
    }

    @Test("nobody reaches another organization's plans, pages, documents or API")
    func tenants() async throws {
        try await TestServer.run(prepare: { store in
            // A second organization with its own copy of the plan and its own administrator.
            _ = try await store.createOrganization(id: "cciaa-bergamo", name: "Camera di Commercio di Bergamo", actor: "test")
            let other = AccessContext(organization: "cciaa-bergamo", user: "test", role: .admin)
            var plan = try await store.plan(Self.admin, id: Self.plan, version: nil).plan
            plan.id = "cciaa-bergamo-2021-2023"
            plan.organization.id = "cciaa-bergamo"
            plan.organization.name = "Camera di Commercio di Bergamo"
            _ = try await store.importPlan(other, plan, revision: nil, createOrganization: false)
            _ = try await store.createUser(other, NewUser(username: "admin", displayName: "Amministratore di Bergamo", role: .admin,
                                                          passwordHash: PasswordHasher(cost: 4).decoyHash))
        }) { client, store in
            var brescia = TestBrowser(client)
            try await brescia.login(DemoUser.admin)
            let foreign = "cciaa-bergamo-2021-2023"
            for path in [Paths.dashboard(foreign), Paths.objective(foreign, "1.1.2"), Paths.document(foreign, "piano.html"),
                         Paths.measurementForm(foreign, IndicatorKey(objective: "1.1.2", number: 1), .yearEnd(2021)), "/api/plans/\(foreign)"] {
                let response = try await brescia.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("Bergamo"), "\(path)")
            }
            let write = try await brescia.postMultipart(Paths.measurementForm(foreign, IndicatorKey(objective: "1.1.2", number: 1), .yearEnd(2021)), [("valore", "1")])
            #expect(write.status == .notFound)
            let other = AccessContext(organization: "cciaa-bergamo", user: "test", role: .admin)
            #expect(try await store.measurements(other, planID: foreign).allSatisfy { $0.text != "1" })
            let list = try await brescia.get("/api/plans")
            #expect(!list.text.contains("bergamo"))
        }
    }
}
