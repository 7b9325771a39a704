#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SQLite's WAL-index header, read straight from the `-shm` file that every connection to the database shares, in
/// this process or any other. SQLite rewrites the header at the end of every commit (its change counter, the last
/// frame, the checksums), so two equal readings mean that no transaction committed in between: the test a request
/// can make for the price of a few memory loads instead of a statement on the database's thread pool.
///
/// The layout is SQLite's WAL-index format (sqlite.org, "WAL-mode File Format", section "The WAL-Index Header"):
/// 48 bytes kept twice at the start of the file, the first copy written last; version 3007000, an "initialised"
/// byte at offset 12. Anything else (another format, a database not in WAL mode, no `-shm` file) gives no reader,
/// and the store then asks the database on every request, as before.
final class WALIndexHeader: CommitWatch, @unchecked Sendable {

    /// The header's size, and the format version SQLite writes into its first word.
    private static let headerBytes = 48
    private static let formatVersion: UInt32 = 3_007_000

    /// Mapped read-only and shared, so every commit of every process shows here at once. Never written, unmapped
    /// in `deinit`: the unchecked Sendable is about this pointer only.
    private let base: UnsafeRawPointer
    private let length: Int
    /// Set when the database is closed: a closed database answers nothing, from memory either.
    private let closed = Atomic(false)

    private init(base: UnsafeRawPointer, length: Int) {
        self.base = base
        self.length = length
    }

    /// The header of the database at `databasePath`, mapped from `databasePath-shm`; nil when that file is missing,
    /// too small, or not in the format this reader knows.
    static func mapped(databasePath: String) -> WALIndexHeader? {
        let descriptor = open(databasePath + "-shm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= 2 * headerBytes else { return nil }
        let length = min(Int(status.st_size), Int(getpagesize()))
        guard let mapped = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else { return nil }
        let header = WALIndexHeader(base: UnsafeRawPointer(mapped), length: length)
        return header.read() == nil ? nil : header
    }

    /// Called when the database closes, before its connections do: from then on `read()` answers nil and touches no
    /// memory. While this process keeps a connection open, no other process truncates the file (SQLite resets it only
    /// when it finds no other process attached), so the mapped page stays readable.
    func invalidate() {
        closed.store(true, ordering: .releasing)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// The first copy of the header as it is now, as six words (the format version, the change counter, the last
    /// frame, its checksum, the salts, the header's checksum); nil while SQLite has not initialised it (or
    /// reinitialises it after a crash), and once the database is closed.
    func read() -> CommitStamp? {
        guard !closed.load(ordering: .acquiring) else { return nil }
        // Loads from memory another process writes: the fence keeps them before whatever this request reads next.
        func word(_ index: Int) -> UInt64 { base.load(fromByteOffset: index * 8, as: UInt64.self) }
        let reading = CommitStamp(word0: word(0), word1: word(1), word2: word(2), word3: word(3), word4: word(4), word5: word(5))
        atomicMemoryFence(ordering: .acquiring)
        // The version in native byte order (the file is never shared between machines); byte 12 is "initialised".
        let version = base.load(fromByteOffset: 0, as: UInt32.self)
        let initialised = base.load(fromByteOffset: 12, as: UInt8.self)
        guard version == Self.formatVersion, initialised == 1 else { return nil }
        return reading
    }
}
