import Foundation
import SQLKit

/// One transaction of one organization: the connection, who is acting and the time every row of the transaction
/// carries. Tenant-scoped SQL is written against a Scope, so the organization id is always at hand for the WHERE.
struct Scope: Sendable {
    let db: any SQLDatabase
    let context: AccessContext
    let now: Date

    var organization: String { context.organization }
    var nowText: String { StoreTime.text(now) }

    func require(_ roles: Set<Role>, _ action: String) throws {
        guard roles.contains(context.role) else { throw StoreError.forbidden(role: context.role, action: action) }
    }

    /// Appends to the audit log, in the same transaction as the change it records.
    func audit(_ action: String, _ entity: String, _ key: String, before: (any Encodable)?, after: (any Encodable)?) async throws {
        let beforeJSON = try before.map { try AuditJSON.encode($0) }
        let afterJSON = try after.map { try AuditJSON.encode($0) }
        try await db.raw("""
            INSERT INTO audit_log (organization_id, entry_id, at, actor, role, action, entity, entity_key, before_json, after_json)
            VALUES (\(bind: organization), \(bind: SortableID.make()), \(bind: nowText), \(bind: context.user), \
            \(bind: context.role.rawValue), \(bind: action), \(bind: entity), \(bind: key), \(bind: beforeJSON), \(bind: afterJSON))
            """).run()
    }

    /// The error for an update that matched no row: the row is gone, or it moved on from the version expected.
    func staleOrMissing(_ subject: String, expected: Int, current: Int?) -> StoreError {
        guard let current else { return .notFound(subject: subject) }
        return .staleWrite(subject: subject, expected: expected, current: current)
    }
}
