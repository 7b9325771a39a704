import Hummingbird
import HummingbirdAuth

/// CSRF protection by double-submit cookie: every browser gets a random token in an HttpOnly, SameSite=Strict
/// cookie, every form carries the same token in a hidden field (`_csrf`), and a form is accepted only when the
/// two agree (`FormInput`). A cross-site page can neither read the cookie nor make the browser send it.
/// The token is not stored anywhere, so any replica of the server can check it.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    static let cookieName = "performa_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Static files and the operations endpoints (probes, metrics) need no token, and neither does an API client
        // with a bearer token: it sends no cookie, so no other site can make it send a request, and its writes are
        // accepted without one (`APIRoutes.writer`).
        let path = request.uri.path
        if UIAssets.isStatic(path) || ServicePages.isOperations(path) || request.bearerToken != nil { return try await next(request, context) }
        var context = context
        if let token = request.cookie(Self.cookieName), token.utf8.count >= 32 {
            context.csrfToken = String(token)
            context.csrfTokenFromCookie = true
            return try await next(request, context)
        }
        context.csrfToken = RandomToken.make()
        var response = try await next(request, context)
        response.setCookie(Cookie(name: Self.cookieName, value: context.csrfToken, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}

extension WebRequestContext {
    /// Whether a submitted token (form field or header) matches this browser's cookie.
    func acceptsCSRFToken(_ submitted: String?) -> Bool {
        guard csrfTokenFromCookie, let submitted else { return false }
        return RandomToken.equal(submitted, csrfToken)
    }
}
