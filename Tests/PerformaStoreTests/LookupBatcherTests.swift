import Synchronization
import Testing
@testable import PerformaStore

/// The batcher behind every request's session lookup: concurrent lookups share calls, each gets its own answer,
/// and no lookup is answered by a call that started before it was asked.
@Suite("Batched lookups")
struct LookupBatcherTests {
    /// What the batcher's calls saw: the requests of each call and when it started.
    final class Calls: Sendable {
        let batches = Mutex<[(start: ContinuousClock.Instant, requests: [Int])]>([])
    }

    @Test("concurrent lookups share calls of at most the limit; each answer is its own; no call started before a lookup was asked")
    func batching() async throws {
        let calls = Calls()
        let batcher = LookupBatcher<Int, Int>(limit: 8) { requests in
            calls.batches.withLock { $0.append((ContinuousClock.now, requests)) }
            try await Task.sleep(for: .milliseconds(5))
            return requests.map { $0 * 3 }
        }
        let asked = try await withThrowingTaskGroup(of: (Int, ContinuousClock.Instant, Int).self) { group in
            for request in 0..<100 {
                group.addTask {
                    let instant = ContinuousClock.now
                    return (request, instant, try await batcher.lookUp(request))
                }
            }
            var asked: [Int: ContinuousClock.Instant] = [:]
            for try await (request, instant, answer) in group {
                #expect(answer == request * 3)
                asked[request] = instant
            }
            return asked
        }
        let batches = calls.batches.withLock { $0 }
        #expect(batches.flatMap(\.requests).sorted() == Array(0..<100), "every lookup ran exactly once")
        #expect(batches.count < 100 && batches.contains { $0.requests.count > 1 }, "\(batches.map(\.requests.count))")
        #expect(batches.allSatisfy { $0.requests.count <= 8 })
        for batch in batches {
            for request in batch.requests {
                #expect(try #require(asked[request]) <= batch.start, "lookup \(request) answered by a call started before it was asked")
            }
        }
        // Idle again: a single lookup runs at once, alone.
        #expect(try await batcher.lookUp(7) == 21)
        #expect(calls.batches.withLock { $0.last?.requests } == [7])
    }

    @Test("a failed call fails every lookup of its batch, and the next lookups run again")
    func failures() async throws {
        struct Refused: Error {}
        let failing = Mutex(true)
        let batcher = LookupBatcher<Int, Int>(limit: 4) { requests in
            try await Task.sleep(for: .milliseconds(2))
            if failing.withLock({ $0 }) { throw Refused() }
            return requests
        }
        let failures = await withTaskGroup(of: Bool.self) { group in
            for request in 0..<20 {
                group.addTask { (try? await batcher.lookUp(request)) == nil }
            }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(failures == 20)
        failing.withLock { $0 = false }
        #expect(try await batcher.lookUp(5) == 5)
    }

    @Test("a leader whose own request is cancelled still answers the lookups that joined its batch")
    func cancelledLeader() async throws {
        // Each call waits until the test opens its gate.
        let gates = Mutex<[CheckedContinuation<Void, Never>]>([])
        let batcher = LookupBatcher<Int, Int>(limit: 8) { requests in
            await withCheckedContinuation { continuation in gates.withLock { $0.append(continuation) } }
            try Task.checkCancellation()
            return requests.map { $0 + 100 }
        }
        func callsWaiting(_ count: Int) async throws {
            while gates.withLock({ $0.count }) < count { try await Task.sleep(for: .milliseconds(1)) }
        }
        let first = Task { try await batcher.lookUp(0) }
        try await callsWaiting(1)
        // 1, 2 and 3 arrive while the first call runs: the next batch is theirs, led by the first of them.
        let leader = Task { try await batcher.lookUp(1) }
        while batcher.waitingCount < 1 { try await Task.sleep(for: .milliseconds(1)) }
        let others = [2, 3].map { request in Task { try await batcher.lookUp(request) } }
        while batcher.waitingCount < 3 { try await Task.sleep(for: .milliseconds(1)) }
        gates.withLock { $0.removeFirst() }.resume()
        #expect(try await first.value == 100)
        try await callsWaiting(1)
        leader.cancel()
        gates.withLock { $0.removeFirst() }.resume()
        for (request, task) in zip([2, 3], others) { #expect(try await task.value == request + 100) }
        #expect(try await leader.value == 101)
    }
}

