import Foundation
import Logging
import PostgresNIO

/// What a store is opened for.
public enum StoreUse: Sendable {
    /// Answering requests: each write returns once every server has heard it, and the store answers known sessions
    /// from memory (unless `sessionMemory` is false), on PostgreSQL by listening for every process's commits
    /// (`PostgresCommitFeed`).
    case server
    /// A command that does its work and ends: no listener, and on PostgreSQL one wait when it closes, after which
    /// every server has heard its writes.
    case command
}

/// Opens the store a `DatabaseURL` names, brings its schema up to date, lends it to `body` and closes it.
/// For PostgreSQL the `PostgresClient` runs as a service in a task group for as long as `body` runs, and is
/// cancelled (its connections closed) when `body` returns or throws. A server runs its whole life inside `body`.
public enum StoreLauncher {
    /// PostgreSQL connections a store keeps open unless told otherwise (a server's pool).
    public static let defaultConnections = 10

    public static func withStore<T: Sendable>(
        _ url: DatabaseURL,
        logger: Logger = Logger(label: "performa.store"),
        maximumConnections: Int = defaultConnections,
        use: StoreUse = .server,
        sessionMemory: Bool = true,
        evidencePolicy: EvidencePolicy = .standard,
        _ body: @Sendable (SQLStore) async throws -> T
    ) async throws -> T {
        switch url {
        case .sqlite(let path):
            let database: SQLiteStoreDatabase
            do {
                database = try await SQLiteStoreDatabase.open(path: path, logger: logger)
            } catch {
                throw StoreError.database(SQLiteStoreDatabase.openFailure(path: path, error))
            }
            return try await closing(database) {
                try await body(try await SQLStore.open(database, evidencePolicy: evidencePolicy, sessionMemory: sessionMemory))
            }
        case .postgres(let address):
            let configuration = try PostgresConfiguration(address)
            let client = PostgresClient(configuration: configuration.client(maximumConnections: maximumConnections), backgroundLogger: logger)
            let commits = use == .server && sessionMemory ? PostgresCommitFeed(configuration: try configuration.connection(), logger: logger) : nil
            let database = PostgresStoreDatabase(client: client, address: url.description, commits: commits, settlesEachWrite: use == .server)
            return try await withThrowingDiscardingTaskGroup(returning: T.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                // The probe also gives `run()` time to begin before the store's first lease: PostgresNIO warns
                // about a lease that comes first (harmless, but an operator would see a warning at every start).
                do {
                    try await configuration.probe(logger: logger)
                } catch {
                    throw StoreError.database("PostgreSQL non raggiungibile a \(url.description): \(DatabaseFailure.message(error))")
                }
                let store: SQLStore
                do {
                    store = try await SQLStore.open(database, evidencePolicy: evidencePolicy, sessionMemory: sessionMemory)
                } catch let error as StoreError {
                    throw error
                } catch {
                    throw StoreError.database("PostgreSQL non utilizzabile a \(url.description): \(DatabaseFailure.message(error))")
                }
                // The feed listens once the schema has its triggers; until it has heard itself, sessions are asked.
                if let commits { group.addTask { await commits.run() } }
                return try await closing(database) { try await body(store) }
            }
        }
    }

    /// Runs `body`, then closes `database` whether it returned or threw.
    private static func closing<T>(_ database: any StoreDatabase, _ body: () async throws -> T) async throws -> T {
        let value: T
        do {
            value = try await body()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        return value
    }
}
