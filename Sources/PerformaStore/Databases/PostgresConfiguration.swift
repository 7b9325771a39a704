import Foundation
import PostgresNIO

/// Reads a `postgres://user:password@host:port/database?sslmode=…` URL into the configurations PostgresNIO needs.
/// `sslmode` follows libpq: `disable`, `prefer` (the default: TLS when the server offers it, without checking
/// its certificate), `require` (TLS, certificate not checked) and `verify-full` (TLS with a verified certificate).
struct PostgresConfiguration {
    enum Security { case disable, prefer, require }

    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String?
    let security: Security
    let tls: TLSConfiguration

    init(_ url: URL) throws {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false), let host = components.host, !host.isEmpty else {
            throw StoreError.invalid("Indirizzo PostgreSQL senza host: \(DatabaseURL.postgres(url).description)")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch query["sslmode"] ?? "prefer" {
        case "disable": (security, tls) = (.disable, unverified)
        case "prefer", "allow": (security, tls) = (.prefer, unverified)
        case "require": (security, tls) = (.require, unverified)
        case "verify-full", "verify-ca": (security, tls) = (.require, .makeClientConfiguration())
        case let other:
            throw StoreError.invalid("sslmode «\(other)» non riconosciuto: usare disable, prefer, require oppure verify-full.")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user ?? "postgres"
        self.password = components.password
        self.database = path.isEmpty ? nil : path
    }

    func client(maximumConnections: Int) -> PostgresClient.Configuration {
        let clientTLS: PostgresClient.Configuration.TLS
        switch security {
        case .disable: clientTLS = .disable
        case .prefer: clientTLS = .prefer(tls)
        case .require: clientTLS = .require(tls)
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: clientTLS)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(10)
        // No pool timers: every connection is a minimum connection (no idle-timeout timer) and there are no
        // keep-alive pings. With batched session lookups a connection goes idle between almost every two uses, and
        // PostgresNIO 1.33 starts its timers (a `Task.sleep` of 30 and 60 s) at each; they are cancelled when the
        // connection is leased again, yet heaptrack showed their memory held until the sleeps' deadlines: at
        // thousands of requests a second the server grew by tens of MB. A connection that died is found, and
        // replaced, on its next use.
        configuration.options.minimumConnections = maximumConnections
        configuration.options.keepAliveBehavior = nil
        return configuration
    }

    /// One connection of its own, outside the pool (the probe, the commit feed's listener).
    func connection() throws -> PostgresConnection.Configuration {
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch security {
        case .disable: connectionTLS = .disable
        case .prefer: connectionTLS = .prefer(try NIOSSLContext(configuration: tls))
        case .require: connectionTLS = .require(try NIOSSLContext(configuration: tls))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: connectionTLS)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// One connection, made before the pool starts: an unreachable server or a refused login is reported at once,
    /// instead of after the pool has retried for a minute.
    func probe(logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: try self.connection(), id: 0, logger: logger)
        try await connection.close()
    }
}
