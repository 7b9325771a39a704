import Hummingbird

/// Strict security headers on every response (probes and metrics: only `nosniff` and `no-store`). Pages load scripts, styles, fonts and images only from this server
/// and carry no inline script or style (SVG pictures use presentation attributes, which CSP allows); nobody may
/// frame them. A handler that needs a different policy (the printable documents, whose styles are inline) sets
/// its own `Content-Security-Policy`, which is kept. `RequestPipeline` applies them to every response, error pages
/// included.
enum SecurityHeaders {
    static let pagePolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")

    /// For the printable documents: their stylesheet is inline, scripts stay forbidden.
    static let documentPolicy = [
        "default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
    ].joined(separator: "; ")

    /// The fields set on every page, made once: setting a header from a string checks every character of its value,
    /// and the policy alone is 250 of them. Only `apply` sets them, so they are appended, never replaced.
    private static let nosniff = HTTPFields.Element(name: .xContentTypeOptions, value: "nosniff")
    private static let pagePolicyField = HTTPFields.Element(name: .contentSecurityPolicy, value: pagePolicy)
    private static let pageFields: [HTTPFields.Element] = [
        .init(name: HeaderNames.frameOptions, value: "DENY"),
        .init(name: HeaderNames.referrerPolicy, value: "same-origin"),
        .init(name: HeaderNames.openerPolicy, value: "same-origin"),
    ]

    /// Adds the headers to the response of a request for `path`.
    static func apply(to response: inout Response, path: String) {
        response.headers.append(nosniff)
        // Probes and metrics are read by machines, never rendered by a browser: the document policies would only cost
        // every probe their bytes (a quarter of `/livez`'s header block). They are still never cached.
        if ServicePages.isOperations(path) {
            response.headers[.cacheControl] = "no-store"
            return
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers.append(pagePolicyField)
        }
        response.headers.append(contentsOf: pageFields)
        // Pages show one organization's data: never kept by shared caches. Static files set their own policy.
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
    }
}
