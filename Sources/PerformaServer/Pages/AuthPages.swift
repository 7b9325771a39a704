import Foundation
import Hummingbird
import PerformaStore

/// Login and logout. Passwords are checked with bcrypt off the event loop; failures are throttled per account and
/// per address; a successful login opens a session in the store and sets an HttpOnly, SameSite=Lax cookie.
struct AuthPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Paths.login), use: form)
        router.post(RouterPath(Paths.login), use: login)
        router.post(RouterPath(Paths.logout), use: logout)
    }

    /// The login form.
    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        let target = Self.safeTarget(request.uri.queryParameters.get("da"))
        if context.identity != nil { return .seeOther(target) }
        let notice = request.uri.queryParameters.get("esito") == "uscita" ? [Notice.success("Sessione chiusa. Arrivederci.")] : []
        return try await render(context: context, organization: nil, username: "", target: target, error: nil, notices: notice)
    }

    /// Checks the credentials and opens a session.
    @Sendable func login(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context)
        let organization = form.text("ente")
        let username = form.text("utente")
        let password = form.fields["password"]?.first ?? ""
        let target = Self.safeTarget(form.optional("da"))
        let outcome = try await LoginAttempt(app: app).run(organization: organization, username: username, password: password,
                                                           clientAddress: context.clientAddress, logger: context.logger)
        let session: SessionToken
        switch outcome {
        case .signedIn(let token, _):
            session = token
        case .refused(let status, let message, let wait):
            var response = try await render(context: context, organization: organization, username: username, target: target, error: message, status: status)
            if let wait { response.headers[HeaderNames.retryAfter] = String(wait) }
            return response
        }
        var response = Response.seeOther(target)
        response.setCookie(Self.sessionCookie(session, configuration: app.configuration))
        return response
    }

    /// The cookie of a session just opened (by password or by single sign-on).
    static func sessionCookie(_ session: SessionToken, configuration: ServerConfiguration) -> Cookie {
        Cookie(name: SessionAuthenticator.cookieName, value: session.token, maxAge: Int(configuration.sessionLifetime), path: "/",
               secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// Ends the session in the store and clears the cookie.
    @Sendable func logout(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context)
        if let identity = context.identity {
            try await app.store.endSession(token: identity.token)
        }
        var response = Response.seeOther(Paths.login + "?esito=uscita")
        response.setCookie(Cookie(name: SessionAuthenticator.cookieName, value: "", maxAge: 0, path: "/",
                                  secure: app.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    private func render(context: WebRequestContext, organization: String?, username: String, target: String, error: String?,
                        notices: [Notice] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let directory = try await app.store.organizationDirectory()
        let chosen = organization ?? directory.first?.id
        let view = LoginView(
            page: PageChrome(title: "Accesso", organization: directory.count == 1 ? directory[0].name : "Performa", context: context, notices: notices),
            organizations: directory.map { LoginView.Option(value: $0.id, label: $0.name, selected: $0.id == chosen) },
            singleOrganization: directory.count == 1 ? directory[0].id : nil,
            username: username, target: target, error: error,
            demoAccounts: app.configuration.demo ? app.demoAccounts.map { LoginView.DemoAccount(username: $0.username, password: $0.password, role: $0.role.italian, name: $0.displayName) } : [])
        var shown = view
        shown.hasDemoAccounts = !view.demoAccounts.isEmpty
        if let signOn = app.configuration.singleSignOn {
            shown.signOnProvider = signOn.providerName
            shown.signOnAddress = SignOnPages.start + "?da=" + OpenIDProvider.formEncoded(target)
        }
        shown.passwordsAllowed = app.configuration.localPasswordsAllowed
        return try app.pages.page("accesso", shown, status: status)
    }

    /// Where to go after login: only a path of this site, else the home page. Browsers drop tabs and line breaks from
    /// a URL and read a backslash as `/`, so `/<tab>/other.site` or `/<backslash>other.site` would leave the site: the target must be
    /// printable ASCII without backslashes, a path that starts with one `/` (no scheme, no host), with no empty, `.`
    /// or `..` segment that a browser could fold into `//`.
    static func safeTarget(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"),
              text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
              let components = URLComponents(string: text), components.scheme == nil, components.host == nil,
              components.percentEncodedPath.hasPrefix("/")
        else { return Paths.home }
        let segments = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let folded = segments.enumerated().contains { index, segment in
            segment == "." || segment == ".." || segment.lowercased().hasPrefix("%2e") || (segment.isEmpty && index < segments.count - 1)
        }
        return folded ? Paths.home : text
    }
}
