import Foundation
import Logging
import PostgresNIO

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
            do {
                let store = try await SQLStore.open(database, evidencePolicy: evidencePolicy)
                let value = try await body(store)
                await database.close()
                return value
            } catch {
                await database.close()
                throw error
            }
        case .postgres(let address):
            let configuration = try PostgresConfiguration(address)
            let client = PostgresClient(configuration: configuration.client(maximumConnections: maximumConnections), backgroundLogger: logger)
            let database = PostgresStoreDatabase(client: client, address: url.description)
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
                    store = try await SQLStore.open(database, evidencePolicy: evidencePolicy)
                } catch let error as StoreError {
                    throw error
                } catch {
                    throw StoreError.database("PostgreSQL non utilizzabile a \(url.description): \(DatabaseFailure.message(error))")
                }
                return try await body(store)
            }
        }
    }
}
