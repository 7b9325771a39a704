import Foundation
import PostgresKit
import Testing
@testable import PerformaStore

/// The PostgreSQL pool a server keeps open is sized by the operator; a wrong size is refused before anything opens.
@Suite("performa serve: PostgreSQL connections")
struct ServerConnectionsTests {
    @Test("the server keeps --database-connections (or PERFORMA_DATABASE_CONNECTIONS) connections open, 10 by default, and one that listens")
    func poolSize() async throws {
        // Each count is the pool plus the connection on which the server hears every process's commits, unless the
        // server is told to ask the database for every session.
        for (arguments, environment, expected) in [
            (["--database-connections", "3"], ["PERFORMA_DATABASE_CONNECTIONS": "7"], 3 + 1),
            ([], ["PERFORMA_DATABASE_CONNECTIONS": "5"], 5 + 1),
            ([], ["PERFORMA_DATABASE_CONNECTIONS": ""], 10 + 1),
            (["--database-connections", "4"], ["PERFORMA_SESSION_MEMORY": "0"], 4),
        ] {
            try await TestBackend.postgres.withEmptyDatabase { url in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-serve-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let server = try ServerProcess(["serve", "--port", "0", "--database", Self.address(url)] + arguments, in: folder, environment: environment)
                defer { server.stop() }
                let output = try await server.waitUntilListening()
                try #require(output.contains("in ascolto"), "\(output)")
                // The pool opens its connections in the background: wait for them, then see that no more come.
                var open = try await Self.connections(to: url)
                for _ in 0..<100 where open < expected {
                    try await Task.sleep(for: .milliseconds(100))
                    open = try await Self.connections(to: url)
                }
                try await Task.sleep(for: .milliseconds(500))
                open = try await Self.connections(to: url)
                #expect(open == expected, "\(arguments) \(environment)")
            }
        }
    }

    @Test("0, 201 and a word are refused with exit status 2 and an Italian message")
    func wrongSizes() throws {
        // An unusable SQLite path: if the size were not checked first, the command would fail on it (status 1)
        // instead of starting a server.
        let database = ["--database", "sqlite:/proc/performa-non-esiste/performa.sqlite"]
        for (arguments, environment, quoted) in [
            (["--database-connections", "0"], [String: String](), "--database-connections 0"),
            (["--database-connections", "201"], [:], "--database-connections 201"),
            ([], ["PERFORMA_DATABASE_CONNECTIONS": "tante"], "PERFORMA_DATABASE_CONNECTIONS «tante»"),
        ] {
            let run = try PerformaBinary.run(["serve", "--port", "0"] + database + arguments, environment: environment)
            #expect(run.status == 2, "\(run.errors)")
            #expect(run.errors.contains("Errore: \(quoted) non valido: servono da 1 a 200 connessioni."), "\(run.errors)")
        }
    }

    @Test("PERFORMA_SESSION_MEMORY takes 1 or 0: another value is refused with exit status 2 and an Italian message")
    func wrongSessionMemory() throws {
        let run = try PerformaBinary.run(["serve", "--port", "0", "--database", "sqlite:/proc/performa-non-esiste/performa.sqlite"],
                                         environment: ["PERFORMA_SESSION_MEMORY": "forse"])
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors.contains("Errore: PERFORMA_SESSION_MEMORY «forse» non valido: usare 1 (predefinito) oppure 0."), "\(run.errors)")
    }

    private static func address(_ url: DatabaseURL) -> String {
        guard case .postgres(let address) = url else { return "" }
        return address.absoluteString
    }

    /// Sessions open on `url`'s database, counted from the server's maintenance database.
    private static func connections(to url: DatabaseURL) async throws -> Int {
        guard case .postgres(let address) = url else { return 0 }
        let configuration = TestBackend.maintenanceConfiguration(try TestBackend.postgresServer())
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: TestBackend.logger)
        do {
            let name = String(address.path.dropFirst())
            let rows = try await connection.query("SELECT count(*)::int FROM pg_stat_activity WHERE datname = \(name)", logger: TestBackend.logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            try await connection.close()
            return count
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
