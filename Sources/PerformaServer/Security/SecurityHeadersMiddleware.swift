import Hummingbird

/// Strict security headers on every response (probes and metrics: only `nosniff` and `no-store`). Pages load scripts, styles, fonts and images only from this server
/// and carry no inline script or style (SVG pictures use presentation attributes, which CSP allows); nobody may
/// frame them. A handler that needs a different policy (the printable documents, whose styles are inline) sets
/// its own `Content-Security-Policy`, which is kept.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let pagePolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")

    /// For the printable documents: their stylesheet is inline, scripts stay forbidden.
    static let documentPolicy = [
        "default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        // Probes and metrics are read by machines, never rendered by a browser: the document policies would only cost
        // every probe their bytes (a quarter of `/livez`'s header block). They are still never cached.
        if ServicePages.isOperations(request.uri.path) {
            response.headers[.cacheControl] = "no-store"
            return response
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.pagePolicy
        }
        response.headers[HeaderNames.frameOptions] = "DENY"
        response.headers[HeaderNames.referrerPolicy] = "same-origin"
        response.headers[HeaderNames.openerPolicy] = "same-origin"
        // Pages show one organization's data: never kept by shared caches. Static files set their own policy.
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
