import SQLKit

/// Schema version 10: the role `rpct` (Responsabile della prevenzione della corruzione e della trasparenza), who
/// keeps the PIAO's 2.3 register and records its measures' monitoring. The register itself lives in the plan
/// (`plan_json`) and its measures in the plan's index tables, so no other table changes.
enum CorruptionPrevention {
    static let roles = IndividualAppraisal.roles + ", 'rpct'"

    static let migration = Migration(version: 10, name: "RPCT e sottosezione 2.3 del PIAO") { database, dialect in
        try await dialect.run(UserRoleConstraint.allow(
            roles,
            extraColumns: [("reminders", "BOOLEAN NOT NULL DEFAULT TRUE"), ("fiscal_code", "TEXT")],
            indexes: ["CREATE UNIQUE INDEX users_fiscal_code ON users (organization_id, fiscal_code)"],
            dialect: dialect), on: database)
    }
}
