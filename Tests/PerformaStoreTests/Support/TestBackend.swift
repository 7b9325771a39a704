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
            try await Self.administer(server, "CREATE DATABASE \(name)")
            do {
                var components = URLComponents(url: server, resolvingAgainstBaseURL: false)!
                components.path = "/\(name)"
                components.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
                let value = try await body(.postgres(components.url!))
                try await Self.administer(server, "DROP DATABASE \(name) WITH (FORCE)")
                return value
            } catch {
                try? await Self.administer(server, "DROP DATABASE \(name) WITH (FORCE)")
                throw error
            }
        }
    }

    /// A store on a new, empty database.
    func withStore<T: Sendable>(maximumConnections: Int = 4, _ body: @Sendable (SQLStore) async throws -> T) async throws -> T {
        try await withEmptyDatabase { url in
            try await StoreLauncher.withStore(url, logger: Self.logger, maximumConnections: maximumConnections, body)
        }
    }

    /// Runs one statement outside any transaction (CREATE/DROP DATABASE refuse to run inside one).
    private static func administer(_ server: URL, _ statement: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: server.host ?? "127.0.0.1", port: server.port ?? 5432, username: server.user ?? "performa",
            password: server.password, database: String(server.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
