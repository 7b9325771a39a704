import Foundation

/// Limits failed logins: after `limit` failures within `window` for the same account, or from the same address,
/// further attempts are refused until the oldest failure leaves the window. Kept in memory: each replica counts
/// its own attempts, which bounds a guesser to `limit` × replicas tries per window.
///
/// An attempt reserves its place before the slow password check (`admit`) and counts as a failure until it ends:
/// otherwise many attempts sent at once would all pass the check before the first failure was recorded, and the
/// limit would not hold under concurrency.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]
    private var running: [String: Int] = [:]

    /// An admitted attempt: it holds its place until `recordFailure` or `recordSuccess` ends it.
    struct Ticket: Sendable {
        fileprivate let keys: [String]
    }

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    enum Admission: Sendable {
        case admitted(Ticket)
        /// Seconds to wait before another attempt.
        case wait(Int)
    }

    /// Admits an attempt with these keys (account, address) when, for each key, the failures in the window and the
    /// attempts still running stay below the limit.
    func admit(_ keys: [String], now: Date = Date()) -> Admission {
        prune(now)
        let waits = keys.compactMap { key -> TimeInterval? in
            let recent = failures[key] ?? []
            guard recent.count + running[key, default: 0] >= limit else { return nil }
            // Only attempts still running fill the quota: one of them ends within a second or two.
            guard recent.count >= limit, let oldest = recent.first else { return 1 }
            return oldest.addingTimeInterval(window).timeIntervalSince(now)
        }
        if let wait = waits.max() { return .wait(max(1, Int(wait.rounded(.up)))) }
        for key in keys { running[key, default: 0] += 1 }
        return .admitted(Ticket(keys: keys))
    }

    func recordFailure(_ ticket: Ticket, now: Date = Date()) {
        end(ticket)
        for key in ticket.keys { failures[key, default: []].append(now) }
    }

    /// A successful login clears its account's failures (not its address's: one good password on an address
    /// must not reset the count of a guesser trying other accounts from it).
    func recordSuccess(_ ticket: Ticket, account: String) {
        end(ticket)
        failures[account] = nil
    }

    /// An attempt that ended without a verdict on the password (an error before the check).
    func abandon(_ ticket: Ticket) { end(ticket) }

    private func end(_ ticket: Ticket) {
        for key in ticket.keys {
            let left = running[key, default: 0] - 1
            running[key] = left > 0 ? left : nil
        }
    }

    private func prune(_ now: Date) {
        let horizon = now.addingTimeInterval(-window)
        for (key, times) in failures {
            let recent = times.filter { $0 > horizon }
            failures[key] = recent.isEmpty ? nil : recent
        }
    }
}
