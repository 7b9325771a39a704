import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import PerformaStore
import Testing
@testable import PerformaServer

/// Single sign-on against the real OpenID Connect provider that `.ci/oidc-provider.sh` starts (LemonLDAP::NG, its demo
/// users dwho, rtyler and msmith, password = user name). The successful sign-on goes end to end: Performa's start page,
/// the provider's login form posted as a browser would, Performa's callback exchanging the code and checking the
/// ID token. Tokens a real provider does not give (another key's signature, an expired one) are signed here and
/// given to the same `IDTokenVerifier` the callback uses.
@Suite(.serialized, .enabled(if: OIDCTestProvider.settings(claim: "email") != nil,
                             "PERFORMA_TEST_OIDC_ISSUER non impostata: avviare il fornitore con eval \"$(bash .ci/oidc-provider.sh start)\""))
struct SingleSignOnTests {
    /// A Performa user of the Brescia demo organization whose e-mail is the provider's dwho.
    static func addDoctor(_ store: SQLStore, active: Bool = true) async throws -> StoredUser {
        var user = try await store.createUser(PermissionTests.admin, NewUser(username: "dottore", displayName: "Doctor Who", email: "DWho@BadWolf.org",
                                                                               role: .manager, passwordHash: "non-usata"))
        if !active {
            user.active = false
            user = try await store.updateUser(PermissionTests.admin, user, newPasswordHash: nil)
        }
        return user
    }

    @Test func knownUserSignsInThroughTheProvider() async throws {
        try await TestServer.run(configure: { $0.singleSignOn = OIDCTestProvider.settings(claim: "email") },
                                 prepare: { _ = try await Self.addDoctor($0) }) { client, store in
            var browser = TestBrowser(client)
            let page = try await browser.get(Paths.login)
            #expect(page.text.contains("Accedi con LemonLDAP::NG"))
            #expect(page.text.contains("name=\"password\""))
            let callback = try await OIDCTestProvider.signIn(through: &browser, user: "dwho", target: "/piani")
            let done = try await browser.get(callback)
            #expect(done.status == .seeOther)
            #expect(done.location == "/piani")
            #expect(browser.cookies[SessionAuthenticator.cookieName] != nil)
            let home = try await browser.get("/piani")
            #expect(home.status == .ok)
            #expect(home.text.contains("Doctor Who"))
            let log = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "sign-on"))
            #expect(log.contains { $0.action == "login" && $0.after?.contains("dwho@badwolf.org") == true })

            // The same answer again (the state and its nonce are single-use): refused, no second session.
            var other = TestBrowser(client)
            other.cookies[SignOnPages.stateCookie] = browser.cookies[SignOnPages.stateCookie] ?? OIDCTestProvider.state(in: callback)
            let replay = try await other.get(callback)
            #expect(replay.status == .forbidden)
            #expect(replay.text.contains("Accesso non valido o scaduto"))
            #expect(other.cookies[SessionAuthenticator.cookieName] == nil)
        }
    }

    @Test func fiscalCodeClaimMatchesTheUserItWasRecordedFor() async throws {
        try await TestServer.run(configure: { $0.singleSignOn = OIDCTestProvider.settings(claim: "fiscal_number") },
                                 prepare: { store in
                                     let user = try await Self.addDoctor(store)
                                     try await store.setFiscalCode(PermissionTests.admin, userID: user.id, fiscalCode: "whodct63a01h501c")
                                 }) { client, store in
            var browser = TestBrowser(client)
            let done = try await browser.get(try await OIDCTestProvider.signIn(through: &browser, user: "dwho", target: "/"))
            #expect(done.status == .seeOther)
            #expect(browser.cookies[SessionAuthenticator.cookieName] != nil)
            let log = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "sign-on"))
            #expect(log.contains { $0.action == "login" && $0.after?.contains("WHODCT63A01H501C") == true })
        }
    }

    @Test func unknownPersonGetsAnItalianPageAndNoAccount() async throws {
        try await TestServer.run(configure: { $0.singleSignOn = OIDCTestProvider.settings(claim: "email") },
                                 prepare: { _ = try await Self.addDoctor($0) }) { client, store in
            let usersBefore = try await store.users(PermissionTests.admin).count
            var browser = TestBrowser(client)
            let refused = try await browser.get(try await OIDCTestProvider.signIn(through: &browser, user: "msmith", target: "/"))
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Nessun utente di Performa corrisponde"))
            #expect(browser.cookies[SessionAuthenticator.cookieName] == nil)
            #expect(try await store.users(PermissionTests.admin).count == usersBefore)
            let log = try await store.auditLog(PermissionTests.admin, AuditQuery(entity: "sign-on"))
            #expect(log.contains { $0.action == "login-refused" && $0.entityKey == "msmith@badwolf.org" })
        }
    }

    @Test func inactiveUserIsRefused() async throws {
        try await TestServer.run(configure: { $0.singleSignOn = OIDCTestProvider.settings(claim: "email") },
                                 prepare: { _ = try await Self.addDoctor($0, active: false) }) { client, _ in
            var browser = TestBrowser(client)
            let refused = try await browser.get(try await OIDCTestProvider.signIn(through: &browser, user: "dwho", target: "/"))
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("è disattivato"))
            #expect(browser.cookies[SessionAuthenticator.cookieName] == nil)
        }
    }

    @Test func localPasswordsOffHidesTheFormAndRefusesPasswordLogins() async throws {
        try await TestServer.run(configure: { $0.singleSignOn = OIDCTestProvider.settings(claim: "email", localPasswords: false) }) { client, _ in
            var browser = TestBrowser(client)
            let page = try await browser.get(Paths.login)
            #expect(page.text.contains("Accedi con LemonLDAP::NG"))
            #expect(!page.text.contains("name=\"password\""))
            let refused = try await browser.login(DemoUser.admin)
            #expect(refused.status == .forbidden)
            #expect(browser.cookies[SessionAuthenticator.cookieName] == nil)
        }
    }

    /// A real ID token from the provider, checked by the callback's verifier: accepted with its nonce; refused
    /// for another client (audience) and for another sign-on's nonce (a captured token replayed).
    @Test func realTokenIsRefusedForAnotherAudienceOrNonce() async throws {
        let settings = try #require(OIDCTestProvider.settings(claim: "email"))
        let provider = OpenIDProvider(settings: settings)
        let nonce = RandomToken.make()
        let token = try await OIDCTestProvider.idToken(provider, user: "rtyler", nonce: nonce)
        let keys = try await provider.signingKeys()
        let verifier = IDTokenVerifier(issuer: settings.issuer, clientID: settings.clientID)
        let claims = try await verifier.verify(token, keys: keys, nonce: nonce)
        #expect(claims.strings["email"] == "rtyler@badwolf.org")
        await #expect(throws: IDTokenVerifier.Refusal.self) {
            try await IDTokenVerifier(issuer: settings.issuer, clientID: "altro-client").verify(token, keys: keys, nonce: nonce)
        }
        await #expect(throws: IDTokenVerifier.Refusal(description: "nonce diverso da quello dell'accesso in corso (token riutilizzato)")) {
            try await verifier.verify(token, keys: keys, nonce: RandomToken.make())
        }
    }

    /// Tokens a real provider does not give: signed by another key under the provider's key id, and expired.
    @Test func foreignSignatureAndExpiredTokensAreRefused() async throws {
        let settings = try #require(OIDCTestProvider.settings(claim: "email"))
        let provider = OpenIDProvider(settings: settings)
        let keys = try await provider.signingKeys()
        let verifier = IDTokenVerifier(issuer: settings.issuer, clientID: settings.clientID)
        let nonce = RandomToken.make()
        let foreign = JWTKeyCollection()
        await foreign.add(ecdsa: ES256PrivateKey(), kid: "performa-test")
        let forged = try await foreign.sign(IDTokenClaims(issuer: settings.issuer, subject: "dwho", audience: [settings.clientID],
                                                          expires: Date().addingTimeInterval(300), nonce: nonce,
                                                          strings: ["email": "dwho@badwolf.org"]), kid: "performa-test")
        await #expect(throws: IDTokenVerifier.Refusal.self) { try await verifier.verify(forged, keys: keys, nonce: nonce) }

        // The same key trusted, but the token expired ten minutes ago.
        let expired = try await foreign.sign(IDTokenClaims(issuer: settings.issuer, subject: "dwho", audience: [settings.clientID],
                                                           expires: Date().addingTimeInterval(-600), nonce: nonce), kid: "performa-test")
        await #expect(throws: IDTokenVerifier.Refusal(description: "token scaduto")) { try await verifier.verify(expired, keys: foreign, nonce: nonce) }
        // And accepted when it is not: the refusals above are about the signature and the expiry, nothing else.
        let fresh = try await foreign.sign(IDTokenClaims(issuer: settings.issuer, subject: "dwho", audience: [settings.clientID],
                                                         expires: Date().addingTimeInterval(300), nonce: nonce), kid: "performa-test")
        #expect(try await verifier.verify(fresh, keys: foreign, nonce: nonce).subject.value == "dwho")
    }
}

/// The provider of `.ci/oidc-provider.sh`, driven as a browser would: its login form found in the page and posted,
/// redirects followed with the provider's cookies kept, until it sends the browser back to Performa.
enum OIDCTestProvider {
    static func settings(claim: String, localPasswords: Bool = true) -> SignOnSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let issuer = environment["PERFORMA_TEST_OIDC_ISSUER"], let id = environment["PERFORMA_TEST_OIDC_CLIENT_ID"],
              let secret = environment["PERFORMA_TEST_OIDC_CLIENT_SECRET"], let redirect = environment["PERFORMA_TEST_OIDC_REDIRECT_URL"]
        else { return nil }
        return SignOnSettings(issuer: issuer, clientID: id, clientSecret: secret, redirectURL: redirect, claim: SignOnClaim(name: claim),
                              organization: TestServer.organization, localPasswords: localPasswords, providerName: "LemonLDAP::NG")
    }

    /// Starts the sign-on at Performa, signs in at the provider as `user`, and returns Performa's callback path
    /// (with the provider's code and state) for the browser to follow.
    static func signIn(through browser: inout TestBrowser, user: String, target: String) async throws -> String {
        let start = try await browser.get(SignOnPages.start + "?da=" + TestBrowser.encode(target))
        #expect(start.status == .seeOther)
        let authorize = try #require(start.location)
        #expect(authorize.contains("code_challenge_method=S256"))
        let back = try await login(at: authorize, user: user)
        return SignOnPages.callback + String(back.drop { $0 != "?" })
    }

    /// A real ID token for `nonce`, obtained as Performa would (PKCE, code exchange through `OpenIDProvider`).
    static func idToken(_ provider: OpenIDProvider, user: String, nonce: String) async throws -> String {
        let settings = provider.settings
        let verifier = RandomToken.make()
        let query = [("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", settings.redirectURL),
                     ("scope", "openid email"), ("state", RandomToken.make()), ("nonce", nonce),
                     ("code_challenge", SignOnPages.challenge(verifier)), ("code_challenge_method", "S256")]
            .map { "\($0)=\(TestBrowser.encode($1))" }.joined(separator: "&")
        let back = try await login(at: try await provider.configuration().authorizationEndpoint + "?" + query, user: user)
        let code = try #require(URLComponents(string: back)?.queryItems?.first { $0.name == "code" }?.value)
        return try await provider.exchange(code: code, verifier: verifier)
    }

    static func state(in callback: String) -> String? {
        URLComponents(string: callback)?.queryItems?.first { $0.name == "state" }?.value
    }

    /// Follows the provider from the authorization address to the redirect back to Performa, posting the login
    /// form once; returns that redirect's address.
    static func login(at authorize: String, user: String) async throws -> String {
        let redirect = try #require(settings(claim: "email")?.redirectURL)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        var cookies: [String: String] = [:]
        func send(_ url: String, form: [(String, String)]? = nil) async throws -> (status: Int, location: String?, body: String) {
            var request = HTTPClientRequest(url: url)
            if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies.map { "\($0)=\($1)" }.joined(separator: "; ")) }
            if let form {
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                request.body = .bytes(ByteBuffer(string: form.map { "\(TestBrowser.encode($0))=\(TestBrowser.encode($1))" }.joined(separator: "&")))
            }
            let response = try await client.execute(request, timeout: .seconds(20))
            for header in response.headers["Set-Cookie"] {
                let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            }
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            let location = response.headers.first(name: "Location").flatMap { URL(string: $0, relativeTo: URL(string: url))?.absoluteString }
            return (Int(response.status.code), location, body)
        }
        defer { _ = client.shutdown() }
        var answer = try await send(authorize)
        var posted = false
        for _ in 0..<10 {
            if let location = answer.location {
                if location.hasPrefix(redirect) { return location }
                answer = try await send(location)
            } else if !posted, answer.status == 200, let form = loginForm(answer.body) {
                posted = true
                let action = URL(string: form.action, relativeTo: URL(string: authorize))?.absoluteString ?? authorize
                answer = try await send(action, form: form.fields + [("user", user), ("password", user)])
            } else {
                break
            }
        }
        Issue.record("Il fornitore non ha rimandato a Performa: \(answer.status) \(answer.body.prefix(500))")
        throw CancellationError()
    }

    /// The form of the page that asks for a password: its action and hidden fields.
    static func loginForm(_ html: String) -> (action: String, fields: [(String, String)])? {
        let forms = html.components(separatedBy: "<form").dropFirst()
        guard let form = forms.first(where: { $0.contains("name=\"password\"") }) else { return nil }
        let body = String(form[..<(form.range(of: "</form>")?.lowerBound ?? form.endIndex)])
        let action = attribute("action", in: String(body.prefix { $0 != ">" })) ?? ""
        var fields: [(String, String)] = []
        for input in body.components(separatedBy: "<input").dropFirst() {
            let tag = String(input.prefix { $0 != ">" })
            guard attribute("type", in: tag) == "hidden", let name = attribute("name", in: tag) else { continue }
            fields.append((name, (attribute("value", in: tag) ?? "").replacingOccurrences(of: "&amp;", with: "&")))
        }
        return (action.replacingOccurrences(of: "&amp;", with: "&"), fields)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
}

/// The settings `performa serve` reads, and the claim values users are matched by (no provider needed).
struct SignOnSettingsTests {
    static let complete = ["PERFORMA_OIDC_ISSUER": "https://idp.example/realms/ente", "PERFORMA_OIDC_CLIENT_ID": "performa",
                           "PERFORMA_OIDC_CLIENT_SECRET": "segreto", "PERFORMA_OIDC_REDIRECT_URL": "https://performa.example/accesso/oidc/ritorno",
                           "PERFORMA_OIDC_ORGANIZATION": "cciaa-brescia"]

    @Test func environmentIsReadAndCheckedAsAWhole() throws {
        #expect(try SignOnSettings.fromEnvironment([:]) == nil)
        let settings = try #require(try SignOnSettings.fromEnvironment(Self.complete.merging(["PERFORMA_OIDC_CLAIM": "fiscal_number",
                                                                                             "PERFORMA_LOCAL_PASSWORDS": "off"]) { $1 }))
        #expect(settings.claim.kind == .fiscalCode && !settings.localPasswords && settings.providerName == "SPID o CIE")
        #expect(try SignOnSettings.fromEnvironment(Self.complete)?.claim.kind == .email)
        // Passwords cannot be turned off with nothing to replace them; a missing piece is named.
        #expect(throws: SignOnSettings.Invalid.self) { try SignOnSettings.fromEnvironment(["PERFORMA_LOCAL_PASSWORDS": "off"]) }
        var missing = Self.complete
        missing["PERFORMA_OIDC_CLIENT_SECRET"] = nil
        #expect(throws: SignOnSettings.Invalid(description: "Accesso unico: manca la variabile PERFORMA_OIDC_CLIENT_SECRET.")) {
            try SignOnSettings.fromEnvironment(missing)
        }
        #expect(throws: SignOnSettings.Invalid.self) {
            try SignOnSettings.fromEnvironment(Self.complete.merging(["PERFORMA_OIDC_ISSUER": "idp.example"]) { $1 })
        }
    }

    @Test func claimValuesAreNormalisedAndFiscalCodesChecked() {
        let fiscal = SignOnClaim(name: "fiscal_number")
        #expect(fiscal.matchValue("TINIT-rssmra80a01h501u") == "RSSMRA80A01H501U")
        #expect(fiscal.matchValue("RSSMRA80A01H501U") == "RSSMRA80A01H501U")
        #expect(fiscal.matchValue("TINIT-RSSMRA80A01H501X") == nil)
        let email = SignOnClaim(name: "email")
        #expect(email.matchValue(" Mario.Rossi@Ente.IT ") == "mario.rossi@ente.it")
        #expect(email.matchValue("mario") == nil)
    }
}
