import SQLKit

extension SQLStore {
    /// Runs `query` for `organizations` in slices of `sliceSize` (so that neither a statement's parameters nor one call's
    /// work grow without bound), each in a read transaction of its own with no tenant declared, and returns every
    /// row. On PostgreSQL `query` must reach tenant rows through a function that declares each organization in turn
    /// (`SchemaDialect.eachTenantFunction`): with no tenant declared the row-level policies show none.
    func rowsAcross(_ organizations: [String], _ query: @Sendable ([String]) -> SQLQueryString) async throws -> [any SQLRow] {
        var rows: [any SQLRow] = []
        for start in stride(from: 0, to: organizations.count, by: Self.sliceSize) {
            let slice = Array(organizations[start..<min(start + Self.sliceSize, organizations.count)])
            for organization in slice { try Self.checkOrganization(organization) }
            rows += try await translatingErrors {
                try await database.transaction(.read, organization: nil) { db in try await db.raw(query(slice)).all() }
            }
        }
        return rows
    }

    static let sliceSize = 500
}
