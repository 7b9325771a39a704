import Foundation

/// A single sign-on that has been started and not yet completed: what the callback needs to finish it. Kept in the
/// store under the hash of its `state`, so that any replica can complete it and only once (DESIGN.md §6: the server
/// is stateless).
public struct PendingSignOn: Hashable, Sendable {
    /// The `state` sent to the provider; only its hash is stored.
    public var state: String
    /// The `nonce` the ID token must carry.
    public var nonce: String
    /// The PKCE verifier whose S256 challenge went with the authorization request.
    public var codeVerifier: String
    /// Where to go after the login (a path of this site).
    public var target: String
    public var expiresAt: Date

    public init(state: String, nonce: String, codeVerifier: String, target: String, expiresAt: Date) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.target = target
        self.expiresAt = expiresAt
    }
}

/// The user an identity from the provider matched, looked up by the configured claim. Inactive users are returned
/// too, so that the refusal can say why; the caller decides.
public enum SignOnIdentityKind: String, Hashable, Sendable {
    /// `users.email`, compared without regard to case.
    case email
    /// `users.fiscal_code`, the *codice fiscale* (upper case, as `FiscalCode` normalises it).
    case fiscalCode
}
