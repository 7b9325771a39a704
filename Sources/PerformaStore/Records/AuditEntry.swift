import Foundation

/// One line of the append-only audit log: who changed what, when, and the entity before and after (JSON).
public struct AuditEntry: Hashable, Sendable, Codable {
    public var id: String
    public var organization: String
    public var at: Date
    public var actor: String
    public var role: String
    /// `create`, `update`, `append`, `delete`, `revise`, `import`, `login`, `logout`, …
    public var action: String
    /// `organization`, `user`, `session`, `plan`, `measurement`, `evidence`, `override`, `neutralisation`, `campaign`.
    public var entity: String
    /// The entity's key inside the organization (`cciaa-brescia-2021-2023/v2`, `…/1.1.2/1@2021-12-31#3`).
    public var entityKey: String
    public var before: String?
    public var after: String?
}

/// Which audit entries to read, newest first.
public struct AuditQuery: Hashable, Sendable {
    public var entity: String?
    public var entityKey: String?
    /// Entries whose key starts with this (`cciaa-brescia-2021-2023/1.1.2` finds the objective's indicators too).
    public var entityKeyPrefix: String?
    /// Entries written by this user id.
    public var actor: String?
    /// Entries older than this entry id (the next page of a long log).
    public var before: String?
    public var limit: Int

    public init(entity: String? = nil, entityKey: String? = nil, entityKeyPrefix: String? = nil, actor: String? = nil, before: String? = nil,
                limit: Int = 100) {
        self.entity = entity
        self.entityKey = entityKey
        self.entityKeyPrefix = entityKeyPrefix
        self.actor = actor
        self.before = before
        self.limit = limit
    }
}
