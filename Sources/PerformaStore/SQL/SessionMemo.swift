import Foundation
import Synchronization

/// The sessions found since the last commit to the database, so that a signed-in request whose session is known
/// needs no statement. An entry holds what the lookup returned (the session, its user, the organization's data
/// version); all of it can change only through a commit, and any commit, by any connection of any process, changes
/// the WAL-index header (`WALIndexHeader`). So every entry is stamped with the header as read *before* its lookup
/// was asked, and is used only while the header still reads the same: the answer is then what a statement would
/// give now. The first reading that differs empties the memo.
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
        var stamp: WALIndexHeader.Reading?
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    /// Sessions kept at most; past it the memo starts again empty (a few thousand browsers at once is far beyond an
    /// office's use, and a full memo costs only lookups).
    let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// The session of `token` if it was found at `stamp`, the header still reads `stamp`, and it has not expired at
    /// `now`. A different stamp empties the memo.
    func find(_ token: String, at stamp: WALIndexHeader.Reading, now: Date) -> SignedInSession? {
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
    func remember(_ found: SignedInSession, token: String, at stamp: WALIndexHeader.Reading) {
        let entry = Entry(found: found, expires: StoreTime.milliseconds(found.session.expiresAt))
        state.withLock { state in
            guard state.stamp == stamp else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[token] = entry
        }
    }

    /// How many sessions are kept (for tests).
    var count: Int { state.withLock { $0.entries.count } }
}
