import Foundation
import SQLKit

/// Schema version 6: each OIV judgement (`overrides`) records the values it judged (`judged_json`, see
/// `JudgementBasis`), so that a later value puts it aside instead of letting it outlive what it validated.
/// Judgements already stored are tied to the values that count when the schema is updated: nothing changes for
/// them until a value does. The column sits in `overrides`, whose tenant wall (row-level security) covers it.
enum JudgedValues {
    static let migration = Migration(version: 6, name: "valori giudicati dall'OIV") { database, dialect in
        try await dialect.run(["ALTER TABLE overrides ADD COLUMN judged_json TEXT"], on: database)
        // The backfill reads every tenant's rows: the owner lifts FORCE for this transaction only.
        let tables = ["overrides", "plans", "plan_objectives", "plan_indicators", "measurements"]
        try await dialect.run(dialect.forceTenantWall(tables, false), on: database)
        let rows = try await database.raw("SELECT organization_id, plan_id, subject, checkpoint FROM overrides").all()
        var bases: [String: JudgementBasis?] = [:]
        for row in rows {
            let organization = try row.text("organization_id"), planID = try row.text("plan_id")
            let subject = try row.text("subject"), checkpoint = try row.day("checkpoint")
            let scope = Scope(db: database, context: AccessContext(organization: organization, user: "migrazione 6", role: .admin), now: Date())
            let plan = "\(organization)/\(planID)"
            if bases[plan] == nil { bases[plan] = .some(try? await scope.judgementBasis(planID)) }
            guard let basis = bases[plan] ?? nil else { continue }
            try await database.raw("""
                UPDATE overrides SET judged_json = \(bind: try ColumnJSON.encode(basis.values(of: subject, at: checkpoint)))
                WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND subject = \(bind: subject)
                  AND checkpoint = \(bind: checkpoint.description)
                """).run()
        }
        try await dialect.run(dialect.forceTenantWall(tables, true), on: database)
    }
}
