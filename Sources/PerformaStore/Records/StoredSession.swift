import Foundation

/// A login session kept in the store, so that any server replica can serve any request.
/// The store keeps only the SHA-256 of the token's secret part.
public struct StoredSession: Hashable, Sendable {
    public var organization: String
    public var userID: String
    public var username: String
    public var role: Role
    public var createdAt: Date
    public var expiresAt: Date

    public var context: AccessContext { AccessContext(organization: organization, user: userID, role: role) }
}

/// A new session and its token, to hand to the client once (in a cookie). The token is
/// `ORGANIZATION.SECRET`: the organization part lets the store scope the lookup to one tenant.
public struct SessionToken: Hashable, Sendable {
    public var token: String
    public var session: StoredSession
}

/// What a request's token stands for, read in one query: the live session, its user's record, and the
/// organization's data version at that moment (a counter every write of the organization increments, which the
/// server compares with the version its cached plans and scores were read at).
public struct SignedInSession: Hashable, Sendable {
    public var session: StoredSession
    public var user: StoredUser
    public var dataVersion: Int64
}
