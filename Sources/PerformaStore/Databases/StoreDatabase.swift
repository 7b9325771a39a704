import SQLKit

/// The two databases the store runs on. The store's SQL is the same for both; this says where it is not.
enum DatabaseKind: String, Sendable {
    case sqlite, postgres
}

enum TransactionMode: Sendable {
    case read, write
}

/// A database connection source that runs transactions: the only part of the store that differs at run time
/// between SQLite (one writer, a few readers, one file) and PostgreSQL (a pooled `PostgresClient`).
protocol StoreDatabase: Sendable {
    var kind: DatabaseKind { get }
    /// The address, without secrets.
    var address: String { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws. With an organization,
    /// PostgreSQL's row-level security is scoped to it for the whole transaction.
    func transaction<T: Sendable>(_ mode: TransactionMode, organization: String?, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs one reading statement on its own, in the database's implicit transaction (a single statement is atomic):
    /// one round trip where `transaction` needs three or four. On PostgreSQL no tenant is declared, so row-level
    /// security shows no tenant's rows unless the statement declares one itself (see `BatchedSessionLookup`).
    func readStatement(_ query: SQLQueryString) async throws -> [any SQLRow]
    /// What tells, without a statement, when a commit has been made (`CommitWatch`), so that the store can answer
    /// known sessions from memory (`SessionMemo`); nil where the database gives no such watch.
    func commitWatch() -> (any CommitWatch)?
    /// Returns once a commit this process has just made is seen by every process's session memo (`SessionMemo`), so
    /// that a request that follows the write, to any replica, is answered from after it. Called after every write
    /// that changes what a session lookup reads.
    func commitSettled() async
    func close() async
}
