import Foundation

/// What single sign-on (OpenID Connect) needs from the store: the pending logins, single-use and shared by every
/// replica; the user an identity from the provider matches; the fiscal code users are matched by, when the provider
/// gives one (SPID/CIE brokers); and the audit entries of sign-ons and their refusals.
public protocol SignOnStore: Sendable {
    /// Records a started sign-on of `organization`; it can be taken once, before `pending.expiresAt`.
    func beginSignOn(organization: String, _ pending: PendingSignOn) async throws
    /// Takes the pending sign-on of `state` (removing it, so that a second callback with the same state finds
    /// nothing); nil when unknown, already taken or expired. Expired ones of the organization are removed too.
    func takeSignOn(organization: String, state: String, at now: Date) async throws -> PendingSignOn?
    /// The user of `organization` whose e-mail or fiscal code is `value`, active or not; nil when none.
    func signOnUser(organization: String, by kind: SignOnIdentityKind, value: String) async throws -> StoredUser?
    /// A user's fiscal code (nil when none is recorded).
    func fiscalCode(_ context: AccessContext, userID: String) async throws -> String?
    /// Records (or, with nil, removes) the fiscal code single sign-on matches a user by; administrators only,
    /// audited. A code already given to another user of the organization is refused.
    func setFiscalCode(_ context: AccessContext, userID: String, fiscalCode: String?) async throws
    /// The audit entry of a sign-on: which provider and which identity opened the session.
    func recordSignOn(_ context: AccessContext, issuer: String, subject: String, matchedBy: SignOnIdentityKind, value: String) async throws
    /// The audit entry of a refused sign-on, in `organization`'s log: why, and the identity when one was given.
    func recordSignOnRefusal(organization: String, reason: String, identity: String?) async throws
}
