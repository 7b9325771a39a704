/// Schema version 4: on PostgreSQL, `performa_signed_in`, the session lookup of every request in one call.
///
/// Row-level security needs the tenant declared before the query runs; as separate statements that is BEGIN,
/// `set_config`, the query and COMMIT, four round trips for what is one indexed read. The function declares the
/// tenant (local to the caller's implicit transaction) and then reads the session, its user (without the
/// password hash) and the organization's data version, as the invoker, so the policies still apply.
/// SQLite needs nothing: there the lookup is a single statement on its own.
enum SessionLookup {
    static let migration = Migration(version: 4, name: "lettura della sessione in una chiamata") { database, dialect in
        guard dialect.kind == .postgres else { return }
        try await dialect.run([createFunction(reminders: false)], on: database)
    }

    /// The function's text. Migration 8 recreates it with the user's `reminders` column: a function's result
    /// columns are fixed when it is created.
    static func createFunction(reminders: Bool) -> String {
        let declared = reminders ? " reminders BOOLEAN," : ""
        let selected = reminders ? " u.reminders," : ""
        return """
            CREATE FUNCTION performa_signed_in(p_organization TEXT, p_token_hash TEXT, p_now TEXT)
            RETURNS TABLE (organization_id TEXT, user_id TEXT, username TEXT, display_name TEXT, email TEXT, role TEXT,
                           manager_id TEXT, active BOOLEAN,\(declared) created_at TEXT, updated_at TEXT, row_version BIGINT,
                           session_created_at TEXT, session_expires_at TEXT, data_version BIGINT)
            LANGUAGE plpgsql SECURITY INVOKER AS $$
            BEGIN
                PERFORM set_config('performa.organization_id', p_organization, true);
                RETURN QUERY
                SELECT u.organization_id, u.user_id, u.username, u.display_name, u.email, u.role, u.manager_id, u.active,\(selected)
                       u.created_at, u.updated_at, u.row_version, s.created_at, s.expires_at, o.data_version
                FROM sessions s
                JOIN users u ON u.organization_id = s.organization_id AND u.user_id = s.user_id
                JOIN organizations o ON o.organization_id = s.organization_id
                WHERE s.organization_id = p_organization AND s.token_hash = p_token_hash
                  AND s.expires_at > p_now AND u.active;
            END $$
            """
    }
}
