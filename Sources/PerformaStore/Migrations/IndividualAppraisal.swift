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
        try await dialect.run(UserRoleConstraint.allow(roles, dialect: dialect), on: database)
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
