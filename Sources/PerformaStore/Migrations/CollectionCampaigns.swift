/// Schema version 2: collection campaigns (the state of the collection at each checkpoint: open, closed, reopened).
/// A checkpoint that already has measurements gets a campaign row, open since its first measurement, so that
/// databases created with version 1 show the collections already under way.
enum CollectionCampaigns {
    static let migration = Migration(version: 2, name: "campagne di rilevazione") { database, dialect in
        try await dialect.run([
            """
            CREATE TABLE campaigns (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                checkpoint TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'reopened')),
                reason TEXT,
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                row_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, checkpoint),
                FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, plan_id)
            )
            """,
        ] + dialect.tenantWall("campaigns"), on: database)
        // The backfill reads every tenant's measurements: the owner lifts FORCE for this transaction only.
        let tables = ["campaigns", "measurements"]
        try await dialect.run(dialect.forceTenantWall(tables, false), on: database)
        try await dialect.run([
            """
            INSERT INTO campaigns (organization_id, plan_id, checkpoint, state, reason, changed_by, changed_at, row_version)
            SELECT organization_id, plan_id, checkpoint, 'open', 'rilevazione già in corso all''aggiornamento dello schema',
                   'migrazione 2', MIN(recorded_at), 1
            FROM measurements
            GROUP BY organization_id, plan_id, checkpoint
            """,
        ], on: database)
        try await dialect.run(dialect.forceTenantWall(tables, true), on: database)
    }
}
