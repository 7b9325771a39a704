/// Schema version 1: tenants, users, sessions, versioned plans with their index tables, measurements with history,
/// evidence, neutralisations, OIV overrides and the audit log.
///
/// Every tenant table leads its primary key and its indexes with `organization_id` (the distribution column if
/// the database is ever sharded by organization), and every query of the store filters on it.
enum InitialSchema {
    static let appendOnlyTables = ["measurements", "audit_log"]
    static let tenantTables = [
        "users", "sessions", "plans", "plan_versions", "plan_objectives", "indicators", "plan_indicators",
        "plan_assignments", "measurements", "evidence_files", "neutralisations", "overrides", "audit_log",
    ]

    static let migration = Migration(version: 1, name: "schema iniziale") { database, dialect in
        try await dialect.run(tables(dialect), on: database)
        try await dialect.run(organizationsWall(dialect), on: database)
        for table in tenantTables {
            try await dialect.run(dialect.tenantWall(table), on: database)
        }
        for table in appendOnlyTables {
            try await dialect.run(dialect.appendOnly(table), on: database)
        }
    }

    /// Organizations are the tenants themselves: their directory (id, name) is readable by all, but a row can only
    /// be written by a transaction declared for that organization.
    private static func organizationsWall(_ dialect: SchemaDialect) -> [String] {
        guard dialect.kind == .postgres else { return [] }
        let mine = "organization_id = current_setting('performa.organization_id', true)"
        return [
            "ALTER TABLE organizations ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE organizations FORCE ROW LEVEL SECURITY",
            "CREATE POLICY organizations_directory ON organizations FOR SELECT USING (true)",
            "CREATE POLICY organizations_insert ON organizations FOR INSERT WITH CHECK (\(mine))",
            "CREATE POLICY organizations_update ON organizations FOR UPDATE USING (\(mine)) WITH CHECK (\(mine))",
            "CREATE POLICY organizations_delete ON organizations FOR DELETE USING (\(mine))",
        ]
    }

    private static func tables(_ dialect: SchemaDialect) -> [String] {
        [
            """
            CREATE TABLE organizations (
                organization_id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL,
                row_version BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE users (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                user_id TEXT NOT NULL,
                username TEXT NOT NULL,
                display_name TEXT NOT NULL,
                email TEXT,
                role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'oiv', 'viewer')),
                manager_id TEXT,
                password_hash TEXT NOT NULL,
                active BOOLEAN NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                row_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, user_id),
                UNIQUE (organization_id, username)
            )
            """,
            """
            CREATE TABLE sessions (
                organization_id TEXT NOT NULL,
                token_hash TEXT NOT NULL,
                user_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                PRIMARY KEY (organization_id, token_hash),
                FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, user_id)
            )
            """,
            "CREATE INDEX sessions_by_expiry ON sessions (organization_id, expires_at)",
            """
            CREATE TABLE plans (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                plan_id TEXT NOT NULL,
                current_version BIGINT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (organization_id, plan_id)
            )
            """,
            """
            CREATE TABLE plan_versions (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1),
                status TEXT NOT NULL,
                title TEXT NOT NULL,
                year BIGINT NOT NULL,
                plan_json TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                reason TEXT,
                act_json TEXT,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                row_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, version),
                FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, plan_id)
            )
            """,
            """
            CREATE TABLE plan_objectives (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                objective_key TEXT NOT NULL,
                level TEXT NOT NULL,
                parent TEXT NOT NULL,
                title TEXT NOT NULL,
                weight DOUBLE PRECISION,
                ordinal BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, version, objective_key),
                FOREIGN KEY (organization_id, plan_id, version) REFERENCES plan_versions (organization_id, plan_id, version)
            )
            """,
            """
            CREATE TABLE indicators (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                indicator_key TEXT NOT NULL,
                objective_key TEXT NOT NULL,
                number BIGINT NOT NULL,
                first_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, indicator_key),
                FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, plan_id)
            )
            """,
            """
            CREATE TABLE plan_indicators (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                indicator_key TEXT NOT NULL,
                objective_key TEXT NOT NULL,
                title TEXT NOT NULL,
                weight DOUBLE PRECISION,
                targets_json TEXT NOT NULL,
                ordinal BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, version, indicator_key),
                FOREIGN KEY (organization_id, plan_id, version, objective_key)
                    REFERENCES plan_objectives (organization_id, plan_id, version, objective_key),
                FOREIGN KEY (organization_id, plan_id, indicator_key) REFERENCES indicators (organization_id, plan_id, indicator_key)
            )
            """,
            """
            CREATE TABLE plan_assignments (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                ordinal BIGINT NOT NULL,
                manager_id TEXT NOT NULL,
                objective_key TEXT NOT NULL,
                weight DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (organization_id, plan_id, version, ordinal),
                FOREIGN KEY (organization_id, plan_id, version) REFERENCES plan_versions (organization_id, plan_id, version)
            )
            """,
            "CREATE INDEX plan_assignments_by_manager ON plan_assignments (organization_id, plan_id, version, manager_id)",
            """
            CREATE TABLE measurements (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                indicator_key TEXT NOT NULL,
                checkpoint TEXT NOT NULL,
                revision BIGINT NOT NULL CHECK (revision >= 1),
                measurement_id TEXT NOT NULL,
                value_text TEXT NOT NULL,
                note TEXT,
                author TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                stated_at TEXT,
                evidence_json TEXT,
                illustrative BOOLEAN NOT NULL,
                plan_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, indicator_key, checkpoint, revision),
                UNIQUE (organization_id, measurement_id),
                FOREIGN KEY (organization_id, plan_id, indicator_key) REFERENCES indicators (organization_id, plan_id, indicator_key)
            )
            """,
            """
            CREATE TABLE evidence_files (
                organization_id TEXT NOT NULL,
                evidence_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                indicator_key TEXT NOT NULL,
                checkpoint TEXT NOT NULL,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                content \(dialect.blob) NOT NULL,
                uploaded_by TEXT NOT NULL,
                uploaded_at TEXT NOT NULL,
                removed_by TEXT,
                removed_at TEXT,
                row_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, evidence_id),
                FOREIGN KEY (organization_id, plan_id, indicator_key) REFERENCES indicators (organization_id, plan_id, indicator_key)
            )
            """,
            "CREATE INDEX evidence_files_by_indicator ON evidence_files (organization_id, plan_id, indicator_key, checkpoint)",
            """
            CREATE TABLE neutralisations (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                indicator_key TEXT NOT NULL,
                starts TEXT NOT NULL,
                reason TEXT NOT NULL,
                declared_by TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                row_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, indicator_key, starts),
                FOREIGN KEY (organization_id, plan_id, indicator_key) REFERENCES indicators (organization_id, plan_id, indicator_key)
            )
            """,
            """
            CREATE TABLE overrides (
                organization_id TEXT NOT NULL,
                plan_id TEXT NOT NULL,
                subject TEXT NOT NULL,
                checkpoint TEXT NOT NULL,
                achievement DOUBLE PRECISION NOT NULL,
                reason TEXT NOT NULL,
                validated_by TEXT,
                validated_on TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                row_version BIGINT NOT NULL,
                PRIMARY KEY (organization_id, plan_id, subject, checkpoint),
                FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, plan_id)
            )
            """,
            """
            CREATE TABLE audit_log (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                entry_id TEXT NOT NULL,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                role TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_key TEXT NOT NULL,
                before_json TEXT,
                after_json TEXT,
                PRIMARY KEY (organization_id, entry_id)
            )
            """,
            "CREATE INDEX audit_log_by_entity ON audit_log (organization_id, entity, entity_key)",
        ]
    }
}
