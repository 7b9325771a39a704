import Foundation
import Synchronization

/// The sessions found since the last commit to the database, so that a signed-in request whose session is known
/// needs no statement. An entry holds what the lookup returned (the session, its user, the organization's data
/// version); all of it can change only through a commit, and the watch (`CommitWatch`) tells when there was one.
/// So every entry is stamped with the watch as read *before* its lookup was asked, and is used only while the
/// watch still reads the same: the answer is then what a statement would give now. The first reading that differs
/// empties the memo.
///
/// Only sessions that were found are kept (an unknown token is asked of the database every time, so random tokens
/// cannot fill the memory), and expiry is checked against each request's own time.
final class SessionMemo: Sendable {
    private struct Entry {
        let found: SignedInSession
        /// The expiry in `StoreTime.milliseconds`: compared with a request's time in the order the statement compares
        /// their texts, without writing the text.
        let expires: Int64
    }

    private struct State {
        var stamp: CommitStamp?
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    private let watch: any CommitWatch
    /// Sessions kept at most; past it the memo starts again empty (a few thousand browsers at once is far beyond an
    /// office's use, and a full memo costs only lookups).
    let capacity: Int

    init(watch: any CommitWatch, capacity: Int = 10_000) {
        self.watch = watch
        self.capacity = max(1, capacity)
    }

    /// The session of `token` at `now`: from memory when it is known and nothing was committed since it was looked
    /// up, otherwise from `lookUp` (and then kept if the watch could tell).
    func signedIn(_ token: String, at now: Date, lookUp: () async throws -> SignedInSession?) async throws -> SignedInSession? {
        // Read before the lookup is asked, so what the lookup finds is at least as new as the stamp it is kept with.
        guard let stamp = watch.read() else { return try await lookUp() }
        if let known = find(token, at: stamp, now: now) { return known }
        let found = try await lookUp()
        if let found { remember(found, token: token, at: stamp) }
        return found
    }

    /// The session of `token` if it was found at `stamp`, the watch still reads `stamp`, and it has not expired at
    /// `now`. A different stamp empties the memo.
    private func find(_ token: String, at stamp: CommitStamp, now: Date) -> SignedInSession? {
        let now = StoreTime.milliseconds(now)
        return state.withLock { state -> SignedInSession? in
            guard state.stamp == stamp else {
                state = State(stamp: stamp)
                return nil
            }
            guard let entry = state.entries[token], entry.expires > now else { return nil }
            return entry.found
        }
    }

    /// Keeps what a lookup asked at `stamp` found, unless a commit has been seen since (the answer may then be
    /// older than the memo, or newer than its stamp: either way it is not kept).
    private func remember(_ found: SignedInSession, token: String, at stamp: CommitStamp) {
        let entry = Entry(found: found, expires: StoreTime.milliseconds(found.session.expiresAt))
        state.withLock { state in
            guard state.stamp == stamp else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[token] = entry
        }
    }

    /// Whether the session of `token` is kept (for tests).
    func holds(_ token: String) -> Bool {
        state.withLock { $0.entries[token] != nil }
    }
}
