import Hummingbird
import HummingbirdAuth
import NIOCore

/// The context of every request: Hummingbird's core storage, the signed-in user (set by `RequestPipeline` through
/// `SessionAuthenticator`) and the client's address (for the login throttle).
public struct WebRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: SignedInUser?
    /// The CSRF token of this browser (double-submit cookie, see `CSRFCookie`); empty on static files and probes.
    public var csrfToken = ""
    /// True when the token came with the request's cookie, so a form can be checked against it.
    public var csrfTokenFromCookie = false
    /// The client's address as the socket sees it; nil in router tests, which have no socket. Kept as the socket's
    /// address and written out only when asked (the login throttle), not for every request.
    private let remoteAddress: SocketAddress?
    public var clientAddress: String? { remoteAddress?.ipAddress }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        remoteAddress = source.channel.remoteAddress
    }

    /// The most a request body may carry. Evidence uploads (PDF, spreadsheets) are larger than Hummingbird's 2 MB
    /// default; the store checks the real limit of each file (`EvidencePolicy`), this only bounds what is read from
    /// the socket. A request without a session (the login form, the API's login) needs a few hundred bytes: it may
    /// send no more than `anonymousBodyLimit`, so that nobody can make the server read and parse megabytes
    /// without signing in.
    public var maxUploadSize: Int { identity == nil ? Self.anonymousBodyLimit : Self.signedInBodyLimit }
    static let anonymousBodyLimit = 16 * 1024
    static let signedInBodyLimit = 26 * 1024 * 1024
}
