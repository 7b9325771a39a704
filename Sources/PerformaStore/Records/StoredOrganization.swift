import Foundation

/// An organization (ente) as the store keeps it: the tenant every other row belongs to.
/// Its id and name are public (the directory the login page shows); everything else is tenant data.
public struct StoredOrganization: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var createdAt: Date
    public var rowVersion: Int
}
