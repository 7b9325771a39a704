import SQLKit

/// The few places where the schema differs between SQLite and PostgreSQL. Everything else in the migrations is
/// plain SQL that both accept (TEXT, BIGINT, DOUBLE PRECISION, BOOLEAN, composite keys, foreign keys, CHECK).
struct SchemaDialect: Sendable {
    let kind: DatabaseKind

    /// Binary content (evidence files).
    var blob: String { kind == .sqlite ? "BLOB" : "BYTEA" }

    /// Runs statements one by one (neither driver runs several statements in one call).
    func run(_ statements: [String], on database: any SQLDatabase) async throws {
        for statement in statements {
            try await database.raw(SQLQueryString(statement)).run()
        }
    }

    /// PostgreSQL only: the second wall between tenants. A row is visible and writable only when its organization
    /// is the one the transaction declared in `performa.organization_id`. FORCE makes the policy bind the table's
    /// owner too (the application's role); only superusers and BYPASSRLS roles escape it.
    func tenantWall(_ table: String) -> [String] {
        guard kind == .postgres else { return [] }
        return [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE \(table) FORCE ROW LEVEL SECURITY",
            """
            CREATE POLICY \(table)_tenant ON \(table) \
            USING (organization_id = current_setting('performa.organization_id', true)) \
            WITH CHECK (organization_id = current_setting('performa.organization_id', true))
            """,
        ]
    }

    /// Lifts FORCE for a data migration that must see every tenant (it runs as the owner), or puts it back.
    func forceTenantWall(_ tables: [String], _ on: Bool) -> [String] {
        guard kind == .postgres else { return [] }
        return tables.map { "ALTER TABLE \($0) \(on ? "" : "NO ")FORCE ROW LEVEL SECURITY" }
    }

    /// The database itself refuses to change or delete rows of an append-only table (measurements, audit log).
    func appendOnly(_ table: String) -> [String] {
        switch kind {
        case .sqlite:
            return ["UPDATE", "DELETE"].map { event in
                """
                CREATE TRIGGER \(table)_append_only_\(event.lowercased()) BEFORE \(event) ON \(table) \
                BEGIN SELECT RAISE(ABORT, 'tabella \(table) di sola aggiunta: modifiche e cancellazioni non ammesse'); END
                """
            }
        case .postgres:
            return [
                """
                CREATE OR REPLACE FUNCTION performa_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                BEGIN RAISE EXCEPTION 'tabella % di sola aggiunta: modifiche e cancellazioni non ammesse', TG_TABLE_NAME; END $$
                """,
                """
                CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) \
                FOR EACH ROW EXECUTE FUNCTION performa_append_only()
                """,
            ]
        }
    }

    /// SQLite only: removes the append-only triggers, for a restore that replaces every row in one transaction.
    func dropAppendOnly(_ table: String) -> [String] {
        guard kind == .sqlite else { return [] }
        return ["UPDATE", "DELETE"].map { "DROP TRIGGER IF EXISTS \(table)_append_only_\($0.lowercased())" }
    }

    /// A PostgreSQL function (`signature` names it and its parameters, among them `p_organizations TEXT[]`) that
    /// runs `query` for each organization of `p_organizations` in turn, first declaring it as the tenant (local to
    /// the caller's transaction), so that the row-level policies apply to each; `query` names the organization
    /// `v_organization`. Runs as the invoker.
    static func eachTenantFunction(_ signature: String, returns: String, query: String) -> String {
        """
        CREATE FUNCTION \(signature)
        RETURNS \(returns)
        LANGUAGE plpgsql SECURITY INVOKER AS $$
        DECLARE
            v_organization TEXT;
        BEGIN
            FOREACH v_organization IN ARRAY p_organizations LOOP
                PERFORM set_config('performa.organization_id', v_organization, true);
                RETURN QUERY
                \(query);
            END LOOP;
        END $$
        """
    }
}
