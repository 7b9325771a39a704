import Crypto
import Foundation
import Hummingbird
import Logging
import PerformaStore

/// Single sign-on with OpenID Connect, authorization code flow with PKCE (S256). The start records `state`, `nonce`
/// and the PKCE verifier in the store (any replica completes the sign-on, and only once) and ties the browser to it
/// with a short-lived cookie holding the state; the callback takes the pending sign-on, exchanges the code, checks the
/// ID token (`IDTokenVerifier`) and opens the session of the user the configured claim names — never creating one.
/// Every sign-on and every refusal is in the organization's audit log.
struct SignOnPages: Sendable {
    static let start = "/accesso/oidc"
    static let callback = "/accesso/oidc/ritorno"
    static let stateCookie = "performa_oidc"
    /// Time allowed between the start and the provider's answer.
    static let pendingLifetime: TimeInterval = 10 * 60

    let app: WebApp
    let provider: OpenIDProvider?

    init(app: WebApp) {
        self.app = app
        provider = app.configuration.singleSignOn.map(OpenIDProvider.init(settings:))
    }

    func addRoutes(to router: Router<WebRequestContext>) {
        guard provider != nil else { return }
        router.get(RouterPath(Self.start), use: begin)
        router.get(RouterPath(Self.callback), use: finish)
    }

    /// Sends the browser to the provider's authorization endpoint.
    @Sendable func begin(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let provider else { throw HTTPError(.notFound) }
        let settings = provider.settings
        let discovery: OpenIDProvider.Discovery
        do {
            discovery = try await provider.configuration()
        } catch {
            context.logger.error("accesso unico: fornitore non raggiungibile", metadata: ["errore": "\(error)"])
            throw HTTPError(.serviceUnavailable, message: "Il sistema di accesso «\(settings.providerName)» non risponde. Riprovare tra qualche minuto.")
        }
        let pending = PendingSignOn(state: RandomToken.make(), nonce: RandomToken.make(), codeVerifier: RandomToken.make(),
                                    target: AuthPages.safeTarget(request.uri.queryParameters.get("da")),
                                    expiresAt: Date().addingTimeInterval(Self.pendingLifetime))
        try await app.store.beginSignOn(organization: settings.organization, pending)
        let query = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", settings.redirectURL),
            ("scope", "openid profile email"), ("state", pending.state), ("nonce", pending.nonce),
            ("code_challenge", Self.challenge(pending.codeVerifier)), ("code_challenge_method", "S256"),
        ].map { "\($0)=\(OpenIDProvider.formEncoded($1))" }.joined(separator: "&")
        let separator = discovery.authorizationEndpoint.contains("?") ? "&" : "?"
        var response = Response.seeOther(discovery.authorizationEndpoint + separator + query)
        response.setCookie(Cookie(name: Self.stateCookie, value: pending.state, maxAge: Int(Self.pendingLifetime), path: Self.callback,
                                  secure: app.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// The provider's answer: the code becomes a checked ID token, the token a Performa session.
    @Sendable func finish(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let provider else { throw HTTPError(.notFound) }
        let settings = provider.settings
        let parameters = request.uri.queryParameters
        func refuse(_ reason: String, identity: String? = nil, page message: String) async throws -> Never {
            context.logger.info("accesso unico rifiutato", metadata: ["motivo": "\(reason)", "identità": "\(identity ?? "-")"])
            try await app.store.recordSignOnRefusal(organization: settings.organization, reason: reason, identity: identity)
            throw HTTPError(.forbidden, message: message)
        }
        let retry = "Riprovare dalla pagina di accesso."
        if let error = parameters.get("error") {
            try await refuse("il fornitore ha risposto «\(error)»: \(parameters.get("error_description") ?? "")",
                             page: "Il sistema di accesso «\(settings.providerName)» non ha concluso l'accesso. \(retry)")
        }
        guard let state = parameters.get("state"), let code = parameters.get("code"),
              let cookie = request.cookie(Self.stateCookie), RandomToken.equal(String(cookie), state) else {
            try await refuse("risposta senza stato o per un altro browser", page: "Accesso non valido o scaduto. \(retry)")
        }
        guard let pending = try await app.store.takeSignOn(organization: settings.organization, state: state, at: Date()) else {
            try await refuse("stato sconosciuto, già usato o scaduto", page: "Accesso non valido o scaduto. \(retry)")
        }
        let claims: IDTokenClaims
        do {
            let token = try await provider.exchange(code: code, verifier: pending.codeVerifier)
            claims = try await checked(token, provider: provider, nonce: pending.nonce)
        } catch let refusal as IDTokenVerifier.Refusal {
            try await refuse("ID token rifiutato: \(refusal)", page: "L'identità ricevuta da «\(settings.providerName)» non è valida. \(retry)")
        } catch {
            context.logger.error("accesso unico: scambio del codice non riuscito", metadata: ["errore": "\(error)"])
            try await refuse("scambio del codice non riuscito", page: "Il sistema di accesso «\(settings.providerName)» non ha confermato l'accesso. \(retry)")
        }
        let given = claims.strings[settings.claim.name]
        guard let value = given.flatMap(settings.claim.matchValue) else {
            try await refuse("l'ID token non contiene un valore valido di «\(settings.claim.name)»", identity: given ?? claims.subject.value,
                             page: "Il sistema di accesso non ha indicato \(settings.claim.kind == .email ? "l'indirizzo e-mail" : "il codice fiscale"): non è possibile riconoscere l'utente.")
        }
        let user: StoredUser?
        do {
            user = try await app.store.signOnUser(organization: settings.organization, by: settings.claim.kind, value: value)
        } catch let error as StoreError {
            try await refuse("\(error)", identity: value, page: "\(error)")
        }
        guard let user else {
            try await refuse("nessun utente con \(settings.claim.kind.rawValue) \(value)", identity: value,
                             page: "Nessun utente di Performa corrisponde all'identità con cui si è entrati (\(value)). Gli utenti sono creati dall'amministratore dell'ente: chiedere a lui di registrarla.")
        }
        guard user.active else {
            try await refuse("utente «\(user.username)» disattivato", identity: value,
                             page: "L'utente «\(user.username)» è disattivato: rivolgersi all'amministratore dell'ente.")
        }
        switch try await LoginAttempt(app: app).open(user, logger: context.logger) {
        case .refused(_, let message, _):
            try await refuse(message, identity: value, page: message)
        case .signedIn(let session, let user):
            try await app.store.recordSignOn(user.context, issuer: claims.issuer.value, subject: claims.subject.value,
                                             matchedBy: settings.claim.kind, value: value)
            var response = Response.seeOther(pending.target)
            response.setCookie(AuthPages.sessionCookie(session, configuration: app.configuration))
            response.setCookie(Cookie(name: Self.stateCookie, value: "", maxAge: 0, path: Self.callback,
                                      secure: app.configuration.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// The ID token checked against the provider's keys, fetched again once when none of those known verifies it
    /// (the provider may have rotated them).
    func checked(_ token: String, provider: OpenIDProvider, nonce: String) async throws -> IDTokenClaims {
        let verifier = IDTokenVerifier(issuer: provider.settings.issuer, clientID: provider.settings.clientID)
        do {
            return try await verifier.verify(token, keys: try await provider.signingKeys(), nonce: nonce)
        } catch let refusal as IDTokenVerifier.Refusal where refusal.description.hasPrefix("firma") {
            return try await verifier.verify(token, keys: try await provider.signingKeys(refresh: true), nonce: nonce)
        }
    }

    /// PKCE S256: base64url(SHA-256(verifier)) without padding (RFC 7636 §4.2).
    static func challenge(_ verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
