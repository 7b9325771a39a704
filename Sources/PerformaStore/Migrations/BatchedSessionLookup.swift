/// Schema version 5: on PostgreSQL, `performa_signed_in_all`, the session lookups of many concurrent requests in
/// one call (`LookupBatcher`).
///
/// Like `performa_signed_in` (version 4) it reads as the invoker, so the row-level policies apply: it declares
/// each organization of the batch as the tenant in turn (local to the caller's implicit transaction) and reads
/// that organization's sessions among the token hashes given. It returns every session whose expiry is after
/// `p_now` (the batch's earliest time); the caller holds each request to its own time. SQLite needs nothing.
enum BatchedSessionLookup {
    static let migration = Migration(version: 5, name: "lettura di più sessioni in una chiamata") { database, dialect in
        guard dialect.kind == .postgres else { return }
        try await dialect.run([createFunction(reminders: false)], on: database)
    }

    /// The function's text; migration 8 recreates it with the user's `reminders` column.
    static func createFunction(reminders: Bool) -> String {
        let declared = reminders ? " reminders BOOLEAN," : ""
        let selected = reminders ? " u.reminders," : ""
        return SchemaDialect.eachTenantFunction(
            "performa_signed_in_all(p_organizations TEXT[], p_token_hashes TEXT[], p_now TEXT)",
            returns: """
                TABLE (organization_id TEXT, user_id TEXT, username TEXT, display_name TEXT, email TEXT, role TEXT,
                       manager_id TEXT, active BOOLEAN,\(declared) created_at TEXT, updated_at TEXT, row_version BIGINT,
                       session_token_hash TEXT, session_created_at TEXT, session_expires_at TEXT, data_version BIGINT)
                """,
            query: """
                SELECT u.organization_id, u.user_id, u.username, u.display_name, u.email, u.role, u.manager_id, u.active,\(selected)
                       u.created_at, u.updated_at, u.row_version, s.token_hash, s.created_at, s.expires_at, o.data_version
                FROM sessions s
                JOIN users u ON u.organization_id = s.organization_id AND u.user_id = s.user_id
                JOIN organizations o ON o.organization_id = s.organization_id
                WHERE s.organization_id = v_organization AND s.token_hash = ANY (p_token_hashes)
                  AND s.expires_at > p_now AND u.active
                """)
    }
}
