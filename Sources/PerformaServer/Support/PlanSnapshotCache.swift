import PerformaStore
import Synchronization

/// The plans requests read most, kept with their measurements and memoised scorecards so that a page or the API
/// neither reads the whole plan nor scores it again on every request.
///
/// An entry is keyed by organization and plan and stamped with the organization's data version it was read at;
/// every writing transaction increments that version in the database (schema version 3), and the session lookup
/// of each request returns the current one (`SignedInUser.dataVersion`). An entry is used only when its stamp
/// equals the request's version, so what a request sees is never older than what it could read from the
/// database — whichever replica made the change. A snapshot read after a concurrent write may be newer than its
/// stamp; that only costs a reload.
final class PlanSnapshotCache: Sendable {
    private struct Key: Hashable {
        let organization: String
        let plan: String
    }

    private struct Entry {
        let version: Int64
        let snapshot: PlanSnapshot
        var lastUse: UInt64
    }

    private enum Lookup {
        case cached(PlanSnapshot)
        case loading(Task<PlanSnapshot, any Error>)
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Reads under way, shared by the requests that miss at the same version (after a write every
        /// connection misses at once; one read serves them all).
        var loading: [Key: (version: Int64, task: Task<PlanSnapshot, any Error>)] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Plans kept at most; the least recently used goes first.
    let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// The plan and its results as of the request's data version: from the cache, or read from the store.
    func load(_ store: any PerformaStore, _ user: SignedInUser, planID: String) async throws -> PlanSnapshot {
        let key = Key(organization: user.organization, plan: planID)
        let version = user.dataVersion
        let found: Lookup = state.withLock { state in
            if var entry = state.entries[key], entry.version == version {
                state.clock += 1
                entry.lastUse = state.clock
                state.entries[key] = entry
                return .cached(entry.snapshot)
            }
            if let loading = state.loading[key], loading.version == version { return .loading(loading.task) }
            let context = user, previous = state.entries[key]?.snapshot
            let task = Task { try await PlanSnapshot.read(store, context, planID: planID, previous: previous) }
            state.loading[key] = (version, task)
            return .loading(task)
        }
        switch found {
        case .cached(let snapshot):
            return snapshot
        case .loading(let task):
            do {
                let snapshot = try await task.value
                state.withLock { state in keep(snapshot, key: key, version: version, in: &state) }
                return snapshot
            } catch {
                state.withLock { state in
                    if state.loading[key]?.version == version { state.loading[key] = nil }
                }
                throw error
            }
        }
    }

    private func keep(_ snapshot: PlanSnapshot, key: Key, version: Int64, in state: inout State) {
        if state.loading[key]?.version == version { state.loading[key] = nil }
        // Never replace an entry stamped with a later version (a slower request read older data).
        if let existing = state.entries[key], existing.version >= version { return }
        state.clock += 1
        state.entries[key] = Entry(version: version, snapshot: snapshot, lastUse: state.clock)
        if state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            state.entries[oldest] = nil
        }
    }

    /// How many plans are held (for tests and metrics).
    var count: Int { state.withLock { $0.entries.count } }
}
