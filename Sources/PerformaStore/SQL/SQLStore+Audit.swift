import Foundation
import SQLKit

extension SQLStore {
    public func auditLog(_ context: AccessContext, _ query: AuditQuery) async throws -> [AuditEntry] {
        try await read(context) { scope in
            try scope.require(.readAuditLog, "consultare il registro delle modifiche")
            let entityFilter: SQLQueryString = query.entity.map { "AND entity = \(bind: $0)" } ?? ""
            let keyFilter: SQLQueryString = query.entityKey.map { "AND entity_key = \(bind: $0)" } ?? ""
            // A prefix compared with substr, not LIKE: keys may hold `%` and `_` (and both databases count characters).
            let prefixFilter: SQLQueryString = query.entityKeyPrefix.map { "AND substr(entity_key, 1, \(literal: $0.unicodeScalars.count)) = \(bind: $0)" } ?? ""
            let actorFilter: SQLQueryString = query.actor.map { "AND actor = \(bind: $0)" } ?? ""
            let pageFilter: SQLQueryString = query.before.map { "AND entry_id < \(bind: $0)" } ?? ""
            return try await scope.db.raw("""
                SELECT * FROM audit_log WHERE organization_id = \(bind: scope.organization) \(entityFilter) \(keyFilter) \(prefixFilter) \(actorFilter) \(pageFilter)
                ORDER BY entry_id DESC LIMIT \(literal: max(1, min(query.limit, 10_000)))
                """).all().map { row in
                AuditEntry(id: try row.text("entry_id"), organization: try row.text("organization_id"), at: try row.time("at"),
                           actor: try row.text("actor"), role: try row.text("role"), action: try row.text("action"),
                           entity: try row.text("entity"), entityKey: try row.text("entity_key"),
                           before: try row.optionalText("before_json"), after: try row.optionalText("after_json"))
            }
        }
    }
}
