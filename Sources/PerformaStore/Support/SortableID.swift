import Foundation

/// Identifiers made by the application rather than the database, so that inserts are written once for both
/// dialects and need no sequence: 12 hex digits of milliseconds, 4 of a per-process counter, 12 random.
/// They sort by creation time (strictly, within one process), which orders the audit log.
enum SortableID {
    private final class Counter: @unchecked Sendable {
        // Guarded by `lock`.
        private var lastMillisecond: UInt64 = 0
        private var sequence: UInt16 = 0
        private let lock = NSLock()

        func next() -> (UInt64, UInt16) {
            lock.lock()
            defer { lock.unlock() }
            var now = UInt64(max(0, Date().timeIntervalSince1970 * 1_000))
            if now <= lastMillisecond {
                now = lastMillisecond
                if sequence == .max {
                    now += 1
                    sequence = 0
                } else {
                    sequence += 1
                }
            } else {
                sequence = 0
            }
            lastMillisecond = now
            return (now, sequence)
        }
    }

    private static let counter = Counter()

    static func make() -> String {
        let (millisecond, sequence) = counter.next()
        let random = UInt64.random(in: 0..<(1 << 48))
        return hex(millisecond, digits: 12) + hex(UInt64(sequence), digits: 4) + hex(random, digits: 12)
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
