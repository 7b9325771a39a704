import PerformaStore
import Synchronization

/// What requests read most, kept between requests: the plans with their measurements and memoised scorecards
/// (`PlanSnapshot`), so that a page or the API neither reads the whole plan nor scores it again on every request,
/// and a year's appraisal data with its computed schede (`AppraisalYear`).
///
/// An entry is keyed by organization and an id (the plan's, the year's) and stamped with the organization's data version it was read at;
/// every writing transaction increments that version in the database (schema version 3), and the session lookup
/// of each request returns the current one (`SignedInUser.dataVersion`). An entry is used only when its stamp
/// equals the request's version, so what a request sees is never older than what it could read from the
/// database — whichever replica made the change. A snapshot read after a concurrent write may be newer than its
/// stamp; that only costs a reload.
final class VersionedCache<Value: Sendable>: Sendable {
    private struct Key: Hashable {
        let organization: String
        let id: String
    }

    private struct Entry {
        let version: Int64
        let value: Value
        var lastUse: UInt64
    }

    private enum Lookup {
        case cached(Value)
        case loading(Task<Value, any Error>)
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Reads under way, shared by the requests that miss at the same version (after a write every
        /// connection misses at once; one read serves them all).
        var loading: [Key: (version: Int64, task: Task<Value, any Error>)] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Entries kept at most; the least recently used goes first.
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// The value as of the request's data version: from the cache, or from `read` (given the entry it replaces,
    /// which a reader may reuse in part).
    func load(_ user: SignedInUser, id: String, read: @escaping @Sendable (Value?) async throws -> Value) async throws -> Value {
        try await load(organization: user.organization, version: user.dataVersion, id: id, read: read)
    }

    /// The value of `id` in `organization` as of data version `version` (what `load(_:id:read:)` does for a request).
    func load(organization: String, version: Int64, id: String, read: @escaping @Sendable (Value?) async throws -> Value) async throws -> Value {
        let key = Key(organization: organization, id: id)
        let found: Lookup = state.withLock { state in
            if var entry = state.entries[key], entry.version == version {
                state.clock += 1
                entry.lastUse = state.clock
                state.entries[key] = entry
                return .cached(entry.value)
            }
            if let loading = state.loading[key], loading.version == version { return .loading(loading.task) }
            let previous = state.entries[key]?.value
            let task = Task { try await read(previous) }
            state.loading[key] = (version, task)
            return .loading(task)
        }
        switch found {
        case .cached(let value):
            return value
        case .loading(let task):
            do {
                let value = try await task.value
                state.withLock { state in keep(value, key: key, version: version, in: &state) }
                return value
            } catch {
                state.withLock { state in
                    if state.loading[key]?.version == version { state.loading[key] = nil }
                }
                throw error
            }
        }
    }

    private func keep(_ value: Value, key: Key, version: Int64, in state: inout State) {
        if state.loading[key]?.version == version { state.loading[key] = nil }
        // Never replace an entry stamped with a later version (a slower request read older data).
        if let existing = state.entries[key], existing.version >= version { return }
        state.clock += 1
        state.entries[key] = Entry(version: version, value: value, lastUse: state.clock)
        if state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            state.entries[oldest] = nil
        }
    }

    /// How many entries are held (for tests and metrics).
    var count: Int { state.withLock { $0.entries.count } }
}
