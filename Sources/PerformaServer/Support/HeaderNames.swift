import Hummingbird

/// HTTP header names that swift-http-types does not predefine. `HTTPField` itself is not re-exported by
/// Hummingbird; its `Name` is reached through `HTTPFields.Element`.
enum HeaderNames {
    static let retryAfter = HTTPFields.Element.Name("Retry-After")!
    static let frameOptions = HTTPFields.Element.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
    static let openerPolicy = HTTPFields.Element.Name("Cross-Origin-Opener-Policy")!
    static let csrfToken = HTTPFields.Element.Name(CSRFCookie.headerName)!
}
