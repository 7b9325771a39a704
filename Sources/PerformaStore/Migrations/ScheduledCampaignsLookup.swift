/// Schema version 11: on PostgreSQL, `performa_scheduled_campaigns`, the scheduled collections of many organizations
/// in one call.
///
/// The mail sender looks at every organization on every pass (each minute). With one read transaction per
/// organization, 10.000 organizations cost 10.000 transactions a minute: about 2 s of the server's CPU, and
/// PostgreSQL's beside it, on the 2-core benchmark host, during which requests slowed down (docs/performance.md,
/// sixth pass).
///
/// Row-level security needs each organization declared as the tenant before its rows are visible, so the function
/// declares them in turn (local to the caller's transaction) and reads each one's campaigns with a schedule, as the
/// invoker: the policies still apply. SQLite needs nothing: there one statement reads them all.
enum ScheduledCampaignsLookup {
    static let migration = Migration(version: 11, name: "lettura delle rilevazioni programmate di più enti") { database, dialect in
        guard dialect.kind == .postgres else { return }
        try await dialect.run([SchemaDialect.eachTenantFunction(
            "performa_scheduled_campaigns(p_organizations TEXT[])", returns: "SETOF campaigns",
            query: "SELECT * FROM campaigns c WHERE c.organization_id = v_organization AND c.opens_on IS NOT NULL")], on: database)
    }
}
