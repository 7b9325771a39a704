/// Schema version 8: e-mail notifications. A collection campaign gets its announced dates (opening, planned
/// closing, how many days before the closing the reminder goes out); a user can turn reminders off; and the
/// `outbox`, where every message waits until the background sender has handed it to the mail server.
///
/// A message's id is its deduplication key (for example the campaign, the checkpoint and the recipient): enqueueing
/// the same message twice inserts nothing, which is what makes the planner safe to run on every tick and on every
/// instance. `claimed_by`/`claimed_until` lease a message to one sender at a time; `sent_at` ends its life.
enum MailNotifications {
    static let migration = Migration(version: 8, name: "notifiche per posta elettronica") { database, dialect in
        try await dialect.run([
            "ALTER TABLE campaigns ADD COLUMN opens_on TEXT",
            "ALTER TABLE campaigns ADD COLUMN closes_on TEXT",
            "ALTER TABLE campaigns ADD COLUMN reminder_days BIGINT",
            "ALTER TABLE users ADD COLUMN reminders BOOLEAN NOT NULL DEFAULT TRUE",
            """
            CREATE TABLE outbox (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                message_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                recipient_user TEXT,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at TEXT NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                claimed_by TEXT,
                claimed_until TEXT,
                sent_at TEXT,
                last_error TEXT,
                PRIMARY KEY (organization_id, message_id)
            )
            """,
            "CREATE INDEX outbox_pending ON outbox (organization_id, next_attempt_at) WHERE sent_at IS NULL",
        ] + dialect.tenantWall("outbox"), on: database)
        // The session lookups return the user's row: recreated with the new column.
        guard dialect.kind == .postgres else { return }
        try await dialect.run([
            "DROP FUNCTION performa_signed_in(TEXT, TEXT, TEXT)",
            SessionLookup.createFunction(reminders: true),
            "DROP FUNCTION performa_signed_in_all(TEXT[], TEXT[], TEXT)",
            BatchedSessionLookup.createFunction(reminders: true),
        ], on: database)
    }
}
