/// How a store tells, without a statement, that nothing it may have read was committed over since an earlier
/// reading: on SQLite the WAL-index header (`WALIndexHeader`), on PostgreSQL the commit feed
/// (`PostgresCommitFeed`). `SessionMemo` answers a known session from memory while the stamp stays the same.
protocol CommitWatch: Sendable {
    associatedtype Stamp: Equatable & Sendable
    /// The stamp now: equal stamps mean that nothing a session lookup reads was committed in between. Nil when the
    /// watch cannot tell at the moment (the store then asks the database, and keeps nothing).
    func read() -> Stamp?
}

extension WALIndexHeader: CommitWatch {}
