import PerformaStore

/// Who is signed in: the live session (organization, user, role), the user's record (name, manager id) and the
/// session token, which the logout needs.
public struct SignedInUser: Sendable {
    public var session: StoredSession
    public var user: StoredUser
    public var token: String
    /// True when the token came in an `Authorization: Bearer` header (API clients): such requests cannot be
    /// forged by another site, so they need no CSRF token.
    public var viaBearer: Bool
    /// The organization's data version when the session was looked up: cached plans and scores read at this
    /// version are current for this request (`VersionedCache`).
    public var dataVersion: Int64

    /// The context every store call of this request runs in.
    public var context: AccessContext { session.context }
    public var role: Role { session.role }
    public var organization: String { session.organization }
}
