import Foundation

/// Limits failed logins: after `limit` failures within `window` for the same account, or from the same address,
/// further attempts are refused until the oldest failure leaves the window. Kept in memory: each replica counts
/// its own attempts, which bounds a guesser to `limit` × replicas tries per window.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before another attempt with any of these keys; nil when attempts are allowed.
    func retryAfter(_ keys: [String], now: Date = Date()) -> Int? {
        prune(now)
        let waits = keys.compactMap { key -> TimeInterval? in
            guard let times = failures[key], times.count >= limit, let oldest = times.first else { return nil }
            return oldest.addingTimeInterval(window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    func recordFailure(_ keys: [String], now: Date = Date()) {
        for key in keys { failures[key, default: []].append(now) }
    }

    /// A successful login clears its account's failures (not its address's: one good password on an address
    /// must not reset the count of a guesser trying other accounts from it).
    func recordSuccess(_ key: String) {
        failures[key] = nil
    }

    private func prune(_ now: Date) {
        let horizon = now.addingTimeInterval(-window)
        for (key, times) in failures {
            let recent = times.filter { $0 > horizon }
            failures[key] = recent.isEmpty ? nil : recent
        }
    }
}
