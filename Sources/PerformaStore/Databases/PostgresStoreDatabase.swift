import Foundation
import PostgresKit

/// PostgreSQL through PostgresNIO's `PostgresClient` (a connection pool that must be running: see
/// `StoreLauncher`). Each transaction declares its organization in `performa.organization_id`, which the
/// row-level security policies compare with every row's organization id.
final class PostgresStoreDatabase: StoreDatabase {
    let kind = DatabaseKind.postgres
    let client: PostgresClient
    let address: String

    init(client: PostgresClient, address: String) {
        self.client = client
        self.address = address
    }

    func transaction<T: Sendable>(_ mode: TransactionMode, organization: String?, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let database = LiveConnectionDatabase(base: connection.sql(queryLogLevel: .trace), connection: connection)
            try await database.raw(mode == .write ? "BEGIN" : "BEGIN READ ONLY").run()
            do {
                if let organization {
                    // Local to this transaction: the pooled connection carries no tenant into the next one.
                    try await database.raw("SELECT set_config('performa.organization_id', \(bind: organization), true)").run()
                }
                let value = try await body(database)
                try await database.raw("COMMIT").run()
                return value
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func readStatement(_ query: SQLQueryString) async throws -> [any SQLRow] {
        try await client.withConnection { connection in
            try await LiveConnectionDatabase(base: connection.sql(queryLogLevel: .trace), connection: connection).raw(query).all()
        }
    }

    func close() async {}
}
