/// Schema version 12: on PostgreSQL, a notification on `PostgresCommitFeed.channel` with every commit that changes
/// what a session lookup reads (a session, a user, an organization's row and its data version), whoever commits
/// it: a server, a command, or a statement typed by hand. Every server listens, and answers a known session from
/// memory only while it has heard of every such commit (`PostgresCommitFeed`).
///
/// Statement-level triggers: one notification per statement, and PostgreSQL folds the equal notifications of one
/// transaction into one. Inserts are left out: a memo never holds a session it has not found. SQLite needs
/// nothing: there every commit changes the WAL-index header, which every process reads (`WALIndexHeader`).
enum CommitNotifications {
    static let migration = Migration(version: 12, name: "avvisi di commit per le sessioni in memoria") { database, dialect in
        guard dialect.kind == .postgres else { return }
        try await dialect.run([
            """
            CREATE FUNCTION performa_notify_commit() RETURNS trigger LANGUAGE plpgsql AS $$ \
            BEGIN PERFORM pg_notify('\(PostgresCommitFeed.channel)', 'commit'); RETURN NULL; END $$
            """,
        ] + ["sessions", "users", "organizations"].map { table in
            """
            CREATE TRIGGER \(table)_notify_commit AFTER UPDATE OR DELETE OR TRUNCATE ON \(table) \
            FOR EACH STATEMENT EXECUTE FUNCTION performa_notify_commit()
            """
        }, on: database)
    }
}
