@testable import PerformaServer
import Synchronization
import Testing

/// The plan cache's eviction policy (docs/operations.md, *Caching*): at most `capacity` entries, the least recently
/// used out first, an entry used only at the data version it was read at. What keeps a server that has served
/// 1.000 organizations within its memory (docs/performance.md, cold start).
@Suite("Plan cache: capacity and eviction")
struct VersionedCacheTests {
    /// Counts the reads the cache could not spare.
    final class Reads: Sendable {
        let names = Mutex<[String]>([])
        func read(_ id: String, version: Int64) -> @Sendable (String?) async throws -> String {
            { _ in
                self.names.withLock { $0.append(id) }
                return "\(id)@\(version)"
            }
        }
    }

    @Test("the least recently used entry goes when the cache is full; a new data version reads again")
    func eviction() async throws {
        let cache = VersionedCache<String>(capacity: 2)
        let reads = Reads()
        func load(_ id: String, organization: String = "ente", version: Int64 = 1) async throws -> String {
            try await cache.load(organization: organization, version: version, id: id, read: reads.read(id, version: version))
        }
        #expect(try await load("a") == "a@1")
        _ = try await load("b")
        _ = try await load("a")          // a hit: a is now the most recently used
        _ = try await load("c")          // full: b, the least recently used, goes
        #expect(cache.count == 2)
        _ = try await load("a")          // still there
        #expect(reads.names.withLock { $0 } == ["a", "b", "c"])
        _ = try await load("b")          // read again, and c (least recently used now) goes
        #expect(reads.names.withLock { $0 } == ["a", "b", "c", "b"])
        #expect(try await load("a", version: 2) == "a@2")
        // The same id in another organization is another entry.
        _ = try await load("a", organization: "altro-ente", version: 2)
        #expect(reads.names.withLock { $0 }.count == 6 && cache.count == 2)
    }

    @Test("a thousand organizations pass through a cache of 64 entries: it never holds more")
    func bounded() async throws {
        let cache = VersionedCache<String>(capacity: 64)
        let reads = Reads()
        for n in 0..<1_000 {
            _ = try await cache.load(organization: "ente-\(n)", version: 1, id: "piano", read: reads.read("piano-\(n)", version: 1))
            #expect(cache.count <= 64)
        }
        #expect(cache.count == 64 && reads.names.withLock { $0.count } == 1_000)
    }
}
