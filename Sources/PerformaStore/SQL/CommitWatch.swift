/// How a store tells, without a statement, that nothing a session lookup reads was committed since an earlier
/// reading: on SQLite the WAL-index header (`WALIndexHeader`), on PostgreSQL the commit feed (`PostgresCommitFeed`).
/// `SessionMemo` answers a known session from memory while the stamp stays the same.
protocol CommitWatch: Sendable {
    /// The stamp now: equal stamps mean that nothing a session lookup reads was committed in between. Nil when the
    /// watch cannot tell at the moment (the store then asks the database, and keeps nothing).
    func read() -> CommitStamp?
}

/// A watch's reading: six words, as many as SQLite's WAL-index header needs (the PostgreSQL feed uses the first).
/// One concrete type rather than a generic memo: a generic one, called through a protocol, was not specialised and
/// spent about 0,4 µs of every signed-in request in the runtime's generic metadata lookups (`perf`).
/// (Plain words, not a SIMD vector: an over-aligned value in an async function's frame corrupted the task allocator
/// in release builds.)
struct CommitStamp: Equatable, Sendable {
    var word0: UInt64, word1: UInt64 = 0, word2: UInt64 = 0, word3: UInt64 = 0, word4: UInt64 = 0, word5: UInt64 = 0
}
