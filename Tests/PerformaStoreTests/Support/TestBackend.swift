import Foundation
import Logging
import PostgresKit
import Testing
@testable import PerformaStore

/// The two databases every store test runs against.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    static let postgresVariable = "PERFORMA_TEST_POSTGRES_URL"

    /// The test server's URL. Without it the PostgreSQL half of the suite fails (it is never skipped).
    static func postgresServer() throws -> URL {
        guard let text = ProcessInfo.processInfo.environment[postgresVariable], !text.isEmpty, let url = URL(string: text) else {
            throw MissingPostgres()
        }
        return url
    }

    struct MissingPostgres: Error, CustomStringConvertible {
        var description: String {
            "\(TestBackend.postgresVariable) non è impostata: avviare PostgreSQL con `eval \"$(bash .ci/postgres.sh start)\"` prima di `swift test`."
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "performa.store.tests")
        logger.logLevel = .error
        return logger
    }()

    /// A new, empty database: a SQLite file in a temporary folder, or a new PostgreSQL database. Removed afterwards.
    func withEmptyDatabase<T: Sendable>(_ body: @Sendable (DatabaseURL) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await body(.sqlite(path: folder.appendingPathComponent("performa.sqlite").path))
        case .postgres:
            let server = try Self.postgresServer()
            let name = "performa_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            // template0 accepts no connections, so no other session (autovacuum included) can hold it while it is copied.
            try await Self.administer(server, "CREATE DATABASE \(name) TEMPLATE template0")
            let value: T
            do {
                var components = URLComponents(url: server, resolvingAgainstBaseURL: false)!
                components.path = "/\(name)"
                components.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
                value = try await body(.postgres(components.url!))
            } catch {
                await Self.dropQuietly(server, name)
                throw error
            }
            await Self.dropQuietly(server, name)
            return value
        }
    }

    /// A store on a new, empty database.
    func withStore<T: Sendable>(maximumConnections: Int = 4, _ body: @Sendable (SQLStore) async throws -> T) async throws -> T {
        try await withEmptyDatabase { url in
            try await StoreLauncher.withStore(url, logger: Self.logger, maximumConnections: maximumConnections, body)
        }
    }

    /// Removes a test database. A database left behind costs nothing (the throw-away server is removed at the end),
    /// so a failed drop is reported but does not fail the test that used it.
    private static func dropQuietly(_ server: URL, _ name: String) async {
        do {
            try await administer(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        } catch {
            print("avviso: database di prova \(name) non rimosso: \(error)")
        }
    }

    /// Runs one statement outside any transaction (CREATE/DROP DATABASE refuse to run inside one). On a loaded
    /// machine CREATE and DROP DATABASE can time out waiting for other sessions of the same database (PostgreSQL
    /// waits five seconds for them to exit): the statement is tried again a few times before the error counts.
    private static func administer(_ server: URL, _ statement: String) async throws {
        let configuration = maintenanceConfiguration(server)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: attempt, logger: logger)
                do {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    try await connection.close()
                    return
                } catch {
                    try? await connection.close()
                    throw error
                }
            } catch {
                guard attempt < 4 else { throw AdministrationFailure(statement: statement, error: error) }
                try await Task.sleep(for: .milliseconds(250 * attempt))
            }
        }
    }

    /// A connection to the test server's own database (`server`, PERFORMA_TEST_POSTGRES_URL), outside any test database.
    static func maintenanceConfiguration(_ server: URL) -> PostgresConnection.Configuration {
        PostgresConnection.Configuration(
            host: server.host ?? "127.0.0.1", port: server.port ?? 5432, username: server.user ?? "performa",
            password: server.password, database: String(server.path.dropFirst()), tls: .disable)
    }

    /// A failed CREATE/DROP DATABASE with PostgreSQL's own message (PSQLError hides it from its description).
    struct AdministrationFailure: Error, CustomStringConvertible {
        let statement: String
        let error: any Error
        var description: String { "«\(statement)» non riuscito: \(String(reflecting: error))" }
    }
}
