import SQLKit

/// Schema version 7: individual appraisal. The roles `hr` (ufficio personale) and `employee` (dipendente) are
/// allowed in `users`; each year's staff (`people`, with the resolved evaluator and the user a person signs in as),
/// the SMVP from the year it applies (`smvps`), the funds per SMVP profile (`appraisal_funds`), and each person's
/// scheda: what was entered and where its workflow stands (`appraisals`). All behind the tenant wall.
///
/// SQLite cannot change a CHECK constraint: `users` is rebuilt with the new one. Dropping it would make the open
/// sessions point nowhere, so they are ended first (everyone signs in again after the update).
enum IndividualAppraisal {
    static let roles = "'admin', 'manager', 'oiv', 'viewer', 'hr', 'employee'"

    static let migration = Migration(version: 7, name: "valutazione individuale") { database, dialect in
        if dialect.kind == .postgres {
            try await dialect.run([
                "ALTER TABLE users DROP CONSTRAINT users_role_check",
                "ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (\(roles)))",
            ], on: database)
        } else {
            try await dialect.run([
                "DELETE FROM sessions",
                """
                CREATE TABLE users_roles (
                    organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                    user_id TEXT NOT NULL,
                    username TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    email TEXT,
                    role TEXT NOT NULL CHECK (role IN (\(roles))),
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
                INSERT INTO users_roles (organization_id, user_id, username, display_name, email, role, manager_id, password_hash, active,
                                         created_at, updated_at, row_version)
                SELECT organization_id, user_id, username, display_name, email, role, manager_id, password_hash, active, created_at, updated_at, row_version
                FROM users
                """,
                "DROP TABLE users",
                "ALTER TABLE users_roles RENAME TO users",
            ], on: database)
        }
        try await dialect.run([
            """
            CREATE TABLE people (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                year BIGINT NOT NULL,
                person_id TEXT NOT NULL,
                name TEXT NOT NULL,
                unit TEXT NOT NULL,
                category TEXT NOT NULL,
                evaluator_id TEXT,
                user_id TEXT,
                data_json TEXT NOT NULL,
                PRIMARY KEY (organization_id, year, person_id)
            )
            """,
            """
            CREATE TABLE smvps (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                from_year BIGINT NOT NULL,
                document_json TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (organization_id, from_year)
            )
            """,
            """
            CREATE TABLE appraisal_funds (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                year BIGINT NOT NULL,
                profile TEXT NOT NULL,
                cents BIGINT NOT NULL CHECK (cents >= 0),
                PRIMARY KEY (organization_id, year, profile)
            )
            """,
            """
            CREATE TABLE appraisals (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                year BIGINT NOT NULL,
                person_id TEXT NOT NULL,
                state TEXT NOT NULL,
                input_json TEXT NOT NULL,
                progress_json TEXT NOT NULL,
                row_version BIGINT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (organization_id, year, person_id)
            )
            """,
        ] + ["people", "smvps", "appraisal_funds", "appraisals"].flatMap(dialect.tenantWall), on: database)
    }
}
