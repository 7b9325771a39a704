import Foundation
import PostgresKit
@testable import PerformaStore

/// A PostgreSQL `StoreDatabase` with its client running, but no store on top and no migration: for tests that
/// build an older schema by hand.
enum PostgresRawDatabase {
    static func with(_ url: DatabaseURL, _ body: @Sendable (any StoreDatabase) async throws -> Void) async throws {
        guard case .postgres(let address) = url else { return }
        let client = PostgresClient(configuration: try PostgresConfiguration(address).client(maximumConnections: 2),
                                    backgroundLogger: TestBackend.logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(PostgresStoreDatabase(client: client, address: url.description, commits: nil, settlesEachWrite: false))
        }
    }
}
