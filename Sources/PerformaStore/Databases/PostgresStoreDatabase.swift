import Foundation
import PostgresKit
import Synchronization

/// PostgreSQL through PostgresNIO's `PostgresClient` (a connection pool that must be running: see
/// `StoreLauncher`). Each transaction declares its organization in `performa.organization_id`, which the
/// row-level security policies compare with every row's organization id.
final class PostgresStoreDatabase: StoreDatabase {
    let kind = DatabaseKind.postgres
    let client: PostgresClient
    let address: String
    /// Every process's commits, heard by a server that answers known sessions from memory; nil otherwise.
    let commits: PostgresCommitFeed?
    /// A server's writes wait for every server to hear them one by one; a command's, once, when it closes.
    let settlesEachWrite: Bool
    /// Whether a command has committed a write.
    private let wrote = Atomic(false)

    init(client: PostgresClient, address: String, commits: PostgresCommitFeed?, settlesEachWrite: Bool) {
        self.client = client
        self.address = address
        self.commits = commits
        self.settlesEachWrite = settlesEachWrite
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

    func commitWatch() -> (any CommitWatch)? {
        commits
    }

    /// A server's write returns only after every server has heard it (`PostgresCommitFeed`): the request that
    /// follows may go to any of them (whether this server remembers sessions or not). A command's writes are seen
    /// when it ends (`close`).
    func commitSettled() async {
        guard settlesEachWrite else { return wrote.store(true, ordering: .relaxed) }
        try? await Task.sleep(for: PostgresCommitFeed.window)
    }

    func close() async {
        if wrote.load(ordering: .relaxed) { try? await Task.sleep(for: PostgresCommitFeed.window) }
    }
}
