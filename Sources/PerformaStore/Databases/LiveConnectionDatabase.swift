import Logging
import NIOCore
import PostgresNIO
import SQLKit

/// A pooled PostgreSQL connection as a transaction uses it, refusing to send a statement once the connection has
/// closed. When PostgreSQL restarts in the middle of a transaction, the next statement sent on the dead connection
/// would otherwise never complete (PostgresNIO 1.33 leaves it pending), and the request, and a graceful shutdown
/// after it, would hang; refused at once, the transaction fails as "database not reachable" and the pool
/// reconnects for the next one.
struct LiveConnectionDatabase: SQLDatabase {
    let base: any SQLDatabase
    let connection: PostgresConnection

    /// Thrown instead of sending a statement on a closed connection.
    struct ConnectionLost: Error {}

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        guard !connection.isClosed else { return eventLoop.makeFailedFuture(ConnectionLost()) }
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        guard !connection.isClosed else { throw ConnectionLost() }
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
