/// Schema version 11: on PostgreSQL, the two questions the mail sender asks of every organization on every pass,
/// answered for many organizations in one call: `performa_scheduled_campaigns` (the collections with a schedule)
/// and `performa_mail_due` (the organizations with a message due in the outbox).
///
/// The sender looks at every organization on every pass (each minute). With one read transaction per
/// organization, 10.000 organizations cost 10.000 transactions a minute: about 2 s of the server's CPU, and
/// PostgreSQL's beside it, on the 2-core benchmark host, during which requests slowed down (docs/performance.md,
/// sixth pass); with a mail server configured, as many write transactions again to lease messages that were not there.
///
/// Row-level security needs each organization declared as the tenant before its rows are visible, so each function
/// declares them in turn (local to the caller's transaction) and reads as the invoker: the policies still apply.
/// SQLite needs nothing: there one statement answers for all.
enum MailSenderLookups {
    static let migration = Migration(version: 11, name: "letture del servizio di posta per più enti in una chiamata") { database, dialect in
        guard dialect.kind == .postgres else { return }
        try await dialect.run([
            SchemaDialect.eachTenantFunction(
                "performa_scheduled_campaigns(p_organizations TEXT[])", returns: "SETOF campaigns",
                query: "SELECT * FROM campaigns c WHERE c.organization_id = v_organization AND c.opens_on IS NOT NULL"),
            SchemaDialect.eachTenantFunction(
                "performa_mail_due(p_organizations TEXT[], p_now TEXT)", returns: "TABLE (organization_id TEXT)",
                query: """
                    SELECT v_organization
                    WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.organization_id = v_organization AND \(MailDue.predicate("o", now: "p_now")))
                    """),
        ], on: database)
    }
}
