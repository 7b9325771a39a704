import Hummingbird

/// CSRF protection by double-submit cookie: every browser gets a random token in an HttpOnly, SameSite=Strict
/// cookie, every form carries the same token in a hidden field (`_csrf`), and a form is accepted only when the
/// two agree (`FormInput`). A cross-site page can neither read the cookie nor make the browser send it.
/// The token is not stored anywhere, so any replica of the server can check it.
struct CSRFCookie: Sendable {
    static let cookieName = "performa_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"
    let secureCookies: Bool

    /// Puts this browser's token in the context: the one its cookie carries, or a new one. Returns the cookie to
    /// send with the response when the token is new, nil otherwise. An API client with a bearer token gets none: it
    /// sends no cookie, so no other site can make it send a request, and its writes are accepted without one
    /// (`APIRoutes.writer`). Static files and the operations endpoints do not come here (`RequestPipeline`).
    func attach(to request: Request, context: inout WebRequestContext) -> Cookie? {
        if request.bearerToken != nil { return nil }
        if let token = request.cookie(Self.cookieName), token.utf8.count >= 32 {
            context.csrfToken = String(token)
            context.csrfTokenFromCookie = true
            return nil
        }
        context.csrfToken = RandomToken.make()
        return Cookie(name: Self.cookieName, value: context.csrfToken, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }
}

extension WebRequestContext {
    /// Whether a submitted token (form field or header) matches this browser's cookie.
    func acceptsCSRFToken(_ submitted: String?) -> Bool {
        guard csrfTokenFromCookie, let submitted else { return false }
        return RandomToken.equal(submitted, csrfToken)
    }
}
