import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
import PerformaFormats
@testable import PerformaServer
import PerformaStore
import Testing

@Suite("Security: login, sessions, CSRF, headers, throttling, default credentials")
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

    /// Routes that change state without the CSRF token, and why that is safe.
    static let csrfExempt: [String: String] = [
        // A login through the API returns the token in the body and sets no cookie: a forged request gains nothing.
        "POST /api/session": "login dell'API: nessun cookie",
    ]

    @Test("a browser gets its CSRF cookie on the first page; an API client with a bearer token gets none and writes without one; probes get neither token nor document policies")
    func csrfCookieOnlyForBrowsers() async throws {
        try await TestServer.run { client, _ in
            let page = try await client.execute(uri: Paths.login, method: .get)
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("\(CSRFCookie.cookieName)=") })
            // Probes and metrics are read by machines: no token is minted for them.
            for path in ServicePages.operationsPaths.sorted() {
                let probe = try await client.execute(uri: path, method: .get)
                #expect(probe.status == .ok && probe.headers[values: .setCookie].isEmpty, "\(path)")
                // Nor the policies of a document a browser renders; never sniffed, never cached.
                #expect(probe.headers[.contentSecurityPolicy] == nil && probe.headers[HeaderNames.frameOptions] == nil, "\(path)")
                #expect(probe.headers[.xContentTypeOptions] == "nosniff" && probe.headers[.cacheControl] == "no-store", "\(path)")
            }
            #expect(page.headers[.contentSecurityPolicy] == SecurityHeaders.pagePolicy && page.headers[HeaderNames.frameOptions] == "DENY")
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            let read = try await client.execute(uri: "/api/plans/\(TestServer.planID)/scores", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(read.status == .ok)
            #expect(read.headers[values: .setCookie].isEmpty)
            let body = #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.234"}"#
            let written = try await client.execute(uri: "/api/plans/\(TestServer.planID)/measurements", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: body))
            #expect(written.status == .created)
            #expect(written.headers[values: .setCookie].isEmpty)
        }
    }

    @Test("every state-changing route refuses a cookie session without the CSRF token, or with a forged one, and changes nothing")
    func csrfEverywhere() async throws {
        let writes = PermissionTests.rows.filter { $0.isWrite && Self.csrfExempt[$0.route] == nil }
        #expect(Set(PermissionTests.rows.filter(\.isWrite).map(\.route)).subtracting(writes.map(\.route)) == Set(Self.csrfExempt.keys))
        try await TestServer.run(prepare: PermissionTests.prepare) { client, store in
            let evidence = try #require(try await store.evidenceFiles(Self.admin, planID: Self.plan, indicator: nil, at: nil).first).id
            for row in writes {
                // Someone the route lets through to its form (the struttura tecnica, else a manager or the OIV; the
                // administrator for a route whose refusal comes after the form is read); nobody for the login form.
                let actor = row.route == "POST /accesso" ? nil
                    : [PermissionTests.Actor.admin, .manager, .oiv].first { row.expected[$0].map { $0 != .forbidden } ?? false } ?? .admin
                var browser = TestBrowser(client)
                _ = try await browser.get(Paths.login)
                if let actor, row.route != "POST /accesso" { try await browser.login(try #require(actor.username)) }
                let session = browser.cookies[SessionAuthenticator.cookieName]
                for mode in [PermissionTests.CSRFMode.missing, .forged] {
                    let sent = try await PermissionTests.send(row, as: &browser, token: nil, store: store, foreign: false, evidence: evidence, csrf: mode)
                    let label = "\(row.route) [\(row.path)] \(mode)"
                    #expect(sent.response.status == .forbidden, "\(label): \(sent.response.status.code)")
                    #expect(sent.response.text.contains(row.isAPI ? CSRFCookie.headerName : "Il modulo è scaduto"), "\(label): il motivo in italiano")
                    #expect(sent.auditAfter == sent.auditBefore, "\(label): nulla è cambiato")
                    if let session { #expect(try await store.session(token: session, at: Date()) != nil, "\(label): la sessione resta aperta") }
                }
                #expect(browser.cookies[SessionAuthenticator.cookieName] == session, "\(row.route): nessun nuovo accesso")
            }
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

    @Test("a session past its expiry leads to the login form or 401, is ignored by the store and then purged")
    func expiredSession() async throws {
        try await TestServer.run { client, store in
            // A session that expired a minute ago, as the store keeps it.
            let manager = try #require(try await store.credentials(organization: TestServer.organization, username: DemoUser.manager)).user
            let expired = try await store.createSession(manager.context, expiresAt: Date().addingTimeInterval(-60))
            var browser = TestBrowser(client)
            browser.cookies[SessionAuthenticator.cookieName] = expired.token
            let page = try await browser.get(Paths.dashboard(Self.plan))
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix(Paths.login + "?da=") == true)
            let api = try await client.execute(uri: "/api/plans", method: .get, headers: [.authorization: "Bearer \(expired.token)"])
            #expect(api.status == .unauthorized)
            #expect(try await store.session(token: expired.token, at: Date()) == nil)
            #expect(try await store.purgeExpiredSessions(Self.admin, before: Date()) == 1)
        }
        // The configured lifetime: a login that lasts one second no longer opens pages after it.
        try await TestServer.run(configure: { $0.sessionLifetime = 1 }) { client, _ in
            var browser = TestBrowser(client)
            let login = try await browser.login(DemoUser.viewer)
            #expect(login.headers[values: .setCookie].contains { $0.hasPrefix("performa_sessione=") && $0.contains("Max-Age=1") })
            #expect(try await browser.get(Paths.dashboard(Self.plan)).status == .ok)
            try await Task.sleep(for: .milliseconds(1_500))
            let late = try await browser.get(Paths.dashboard(Self.plan))
            #expect(late.status == .seeOther)
            #expect(late.location?.hasPrefix(Paths.login) == true)
        }
    }

    @Test("login always issues a new session token: a token planted before login is never adopted")
    func sessionFixation() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            let planted = "\(TestServer.organization).\(RandomToken.make())"
            browser.cookies[SessionAuthenticator.cookieName] = planted
            try await browser.login(DemoUser.manager)
            let first = try #require(browser.cookies[SessionAuthenticator.cookieName])
            #expect(first != planted)
            #expect(try await store.session(token: planted, at: Date()) == nil)
            // Logging in again in the same browser (another user) replaces the token once more.
            let again = try await browser.post(Paths.login, [("ente", TestServer.organization), ("utente", DemoUser.viewer), ("password", "demo-\(DemoUser.viewer)")])
            #expect(again.status == .seeOther)
            let second = try #require(browser.cookies[SessionAuthenticator.cookieName])
            #expect(second != first)
            #expect(try await store.session(token: second, at: Date())?.username == DemoUser.viewer)
        }
    }

    @Test("failed logins are also counted per address: one client cannot try many accounts")
    func throttlePerAddress() async throws {
        // A live socket, so that the server knows the client's address.
        try await TestServer.run(setup: .live) { client, _ in
            var browser = TestBrowser(client)
            for name in ["uno", "due", "tre", "quattro", "cinque"] {
                #expect(try await browser.login(name, password: "sbagliata").status == .unauthorized)
            }
            // An account with no failures of its own, from the same address, with the right password.
            let locked = try await browser.login(DemoUser.viewer)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("Troppi tentativi"))
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test("without --demo there are no accounts: nothing logs in until `performa user add` creates one")
    func noDefaultCredentials() async throws {
        try await TestServer.run(demo: false, seed: false, prepare: { store in
            let plan = try PlanFile.read(contentsOf: TestServer.examples.appendingPathComponent(DemoData.planFile))
            _ = try await store.importPlan(.commandLine(organization: plan.organization.id), plan, revision: nil, createOrganization: true)
        }) { client, store in
            #expect(try await store.users(.commandLine(organization: TestServer.organization)).isEmpty)
            var browser = TestBrowser(client)
            let page = try await browser.get(Paths.login)
            #expect(!page.text.contains("demo-"), "no credentials on the login page")
            for (username, password) in [("admin", "demo-admin"), ("admin", "admin"), ("admin", "password"), ("lettore", "demo-lettore"), ("oiv", "demo-oiv")] {
                #expect(try await browser.login(username, password: password).status == .unauthorized, "\(username)/\(password)")
            }
            // A weak password is refused and creates nothing; a good one creates a user who can log in.
            await #expect(throws: PasswordRejected.self) {
                try await UserAccounts.add(store, organization: TestServer.organization, username: "rossi", displayName: "Mario Rossi",
                                           role: .admin, password: "password1234", cost: 4)
            }
            #expect(try await store.users(.commandLine(organization: TestServer.organization)).isEmpty)
            _ = try await UserAccounts.add(store, organization: TestServer.organization, username: "rossi", displayName: "Mario Rossi",
                                           role: .admin, password: "Tre gatti sul tetto, 2026", cost: 4)
            let login = try await browser.login("rossi", password: "Tre gatti sul tetto, 2026")
            #expect(login.status == .seeOther)
            #expect(try await browser.get(Paths.dashboard(Self.plan)).status == .ok)
        }
    }

    @Test("/metrics is public but holds only route patterns, methods, statuses and counts: no plan, organization, user or token")
    func metricsLeakNothing() async throws {
        ServerMetrics.bootstrap()
        try await TestServer.run(prepare: PermissionTests.addForeignOrganization) { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let probe = "sonda-\(UUID().uuidString)"
            for path in [Paths.dashboard(Self.plan), Paths.objective(Self.plan, "1.1.2"), Paths.dashboard(PermissionTests.foreignPlan),
                         "/piani/\(probe)/cruscotto", "/\(probe)", "/api/plans/\(Self.plan)/scores?at=\(probe)"] {
                _ = try await browser.get(path)
            }
            _ = try await client.execute(uri: "/api/plans", method: .get, headers: [.authorization: "Bearer \(token)"])
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            let text = metrics.text
            #expect(text.contains("/piani/{plan}/cruscotto"), "requests are counted by route pattern")
            for secret in [Self.plan, TestServer.organization, PermissionTests.foreignOrganization, "Bergamo", DemoUser.manager, probe,
                           token, SecretLoggingTests.secretPart(token), browser.cookies[SessionAuthenticator.cookieName] ?? "-", browser.csrf] {
                #expect(!text.contains(secret), "/metrics contiene «\(secret)»")
            }
        }
    }
}
