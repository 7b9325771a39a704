import Foundation

/// A user of one organization. The password hash is not part of it (see `UserCredentials`), so that a user
/// can be shown, logged and audited without exposing it.
public struct StoredUser: Hashable, Sendable, Codable {
    public var organization: String
    public var id: String
    /// Login name, unique inside the organization.
    public var username: String
    public var displayName: String
    public var email: String?
    public var role: Role
    /// For `manager` users: the id of the plan's Manager they are (their assigned objectives follow from it).
    public var managerID: String?
    public var active: Bool
    /// Whether the user wants the reminders before a collection closes (the notices of an opening and of a
    /// correction are always sent: they are part of the procedure, not a nudge).
    public var reminders: Bool = true
    public var createdAt: Date
    public var updatedAt: Date
    /// Optimistic concurrency: pass the user back unchanged in this field to update it.
    public var rowVersion: Int

    /// The context this user acts in.
    public var context: AccessContext { AccessContext(organization: organization, user: id, role: role) }
}

/// A user to create. The password hash is computed by the caller (bcrypt, in the web application):
/// the store keeps what it is given and never sees a password.
public struct NewUser: Hashable, Sendable {
    public var username: String
    public var displayName: String
    public var email: String?
    public var role: Role
    public var managerID: String?
    public var passwordHash: String

    public init(username: String, displayName: String, email: String? = nil, role: Role, managerID: String? = nil, passwordHash: String) {
        self.username = username
        self.displayName = displayName
        self.email = email
        self.role = role
        self.managerID = managerID
        self.passwordHash = passwordHash
    }
}

/// What a login needs: the user and the stored password hash to verify against.
public struct UserCredentials: Hashable, Sendable {
    public var user: StoredUser
    public var passwordHash: String
}
