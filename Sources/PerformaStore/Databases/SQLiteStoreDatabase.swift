import Foundation
import Logging
import SQLiteKit
import Synchronization

/// The embedded database: one SQLite file in WAL mode, one writer connection (all writes are serialised through
/// it, so they never wait on each other's file locks) and a few read-only connections that read while it writes.
final class SQLiteStoreDatabase: StoreDatabase {
    let kind = DatabaseKind.sqlite
    let path: String
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>
    /// The WAL-index headers handed out, closed with the database.
    private let headers = Mutex<[WALIndexHeader]>([])

    var address: String { DatabaseURL.sqlite(path: path).description }

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.path = path
        self.writer = ConnectionPool([writer])
        self.readers = ConnectionPool(readers)
    }

    /// Opens (creating the file and its folder when missing) with the settings the store relies on.
    static func open(path: String, readers: Int = 2, logger: Logger) async throws -> SQLiteStoreDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.database("impossibile creare la cartella «\(folder.path)» per il database (\(error.localizedDescription))")
        }
        let writer = try await connect(path: path, logger: logger)
        do {
            // WAL: readers never block the writer and a crash never leaves a half-written transaction.
            // synchronous=FULL: an acknowledged commit survives a power cut, not only a process crash.
            try await run(["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"], on: writer)
            var readConnections: [SQLiteConnection] = []
            for _ in 0..<max(1, readers) {
                let reader = try await connect(path: path, logger: logger)
                try await run(["PRAGMA query_only=ON"], on: reader)
                readConnections.append(reader)
            }
            return SQLiteStoreDatabase(path: path, writer: writer, readers: readConnections)
        } catch {
            try? await writer.close()
            throw error
        }
    }

    private static func connect(path: String, logger: Logger) async throws -> SQLiteConnection {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError.database("impossibile aprire il database SQLite «\(path)» (\(error))")
        }
        do {
            // busy_timeout replaces sqlite-nio's wait-forever busy handler: another process holding the file
            // (a command-line import while the server runs) is waited for, but not indefinitely.
            try await run(["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"], on: connection)
        } catch {
            try? await connection.close()
            throw StoreError.database("il file «\(path)» non è un database SQLite utilizzabile (\(error))")
        }
        return connection
    }

    private static func run(_ statements: [String], on connection: SQLiteConnection) async throws {
        for statement in statements {
            try await connection.query(statement, []) { _ in }
        }
    }

    func transaction<T: Sendable>(_ mode: TransactionMode, organization: String?, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await (mode == .write ? writer : readers).with { connection in
            let database = connection.sql(queryLogLevel: .trace)
            // IMMEDIATE takes the write lock at once, so a writer in another process makes this one wait
            // (busy_timeout) instead of failing halfway through.
            try await database.raw(mode == .write ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let value = try await body(database)
                try await database.raw("COMMIT").run()
                return value
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// The header is mapped for each caller (the store, once): the `-shm` file exists once a connection has read in
    /// WAL mode. Any commit, by any connection of any process, changes it.
    func commitWatch() -> (any CommitWatch)? {
        guard let header = WALIndexHeader.mapped(databasePath: path) else { return nil }
        headers.withLock { $0.append(header) }
        return header
    }

    /// Every process maps the same header, which a commit has changed before it returns: nothing to wait for.
    func commitSettled() async {}

    func readStatement(_ query: SQLQueryString) async throws -> [any SQLRow] {
        try await readers.with { connection in try await connection.sql(queryLogLevel: .trace).raw(query).all() }
    }

    /// Runs `body` on the writer outside any transaction (statements that refuse to run inside one: VACUUM INTO).
    func withWriter<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.with { connection in try await body(connection.sql(queryLogLevel: .trace)) }
    }

    /// Why a database file could not be opened, in Italian: most often a read-only disk or folder.
    static func openFailure(path: String, _ error: any Error) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let manager = FileManager.default
        // access(W_OK) also answers "no" on a read-only file system, for root too.
        if manager.fileExists(atPath: folder) && !manager.isWritableFile(atPath: folder)
            || manager.fileExists(atPath: path) && !manager.isWritableFile(atPath: path) {
            return "il database «\(path)» è in sola lettura (disco, cartella o file protetti da scrittura): Performa deve poterci scrivere. Nulla è stato modificato."
        }
        return "impossibile aprire il database «\(path)»: \(DatabaseFailure.message(error))"
    }

    func close() async {
        headers.withLock { headers in headers.forEach { $0.invalidate() } }
        for connection in writer.all + readers.all {
            try? await connection.close()
        }
    }
}
