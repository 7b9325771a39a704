import Synchronization

/// Runs many concurrent lookups as few batched ones, never answering from the past: a lookup joins the batch that
/// starts next, never one already running, so its answer reflects the database as it was when the lookup was
/// asked or later — exactly what a statement of its own would give.
///
/// One batch runs at a time. Whoever asks while nothing runs leads: it runs its own lookup at once (alone, on an
/// idle server: no delay). Whoever asks while a batch runs waits; when the batch ends, its leader hands the
/// waiters to the first of them, which runs them as the next batch (at most `limit`), and so on. Under load many
/// requests share one database call. Each call runs in a task of its own (so that a cancelled leader fails no one
/// else); nothing waits on a timer.
final class LookupBatcher<Request: Sendable, Answer: Sendable>: Sendable {
    /// Answers `requests` in the same order, in one call.
    typealias Run = @Sendable (_ requests: [Request]) async throws -> [Answer]

    private enum Turn: Sendable {
        case answered(Answer)
        case failed(any Error)
        case lead(others: [Waiter])
    }

    private struct Waiter: Sendable {
        let request: Request
        let continuation: CheckedContinuation<Turn, Never>
    }

    private struct State: Sendable {
        var running = false
        var waiting: [Waiter] = []
    }

    private let state = Mutex(State())
    private let limit: Int
    private let run: Run

    init(limit: Int, run: @escaping Run) {
        precondition(limit > 0)
        self.limit = limit
        self.run = run
    }

    /// Lookups waiting for the next batch.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    func lookUp(_ request: Request) async throws -> Answer {
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leads = state.withLock { state in
                if state.running {
                    state.waiting.append(Waiter(request: request, continuation: continuation))
                    return false
                }
                state.running = true
                return true
            }
            if leads { continuation.resume(returning: .lead(others: [])) }
        }
        switch turn {
        case .answered(let answer): return answer
        case .failed(let error): throw error
        case .lead(let others): return try await lead(request, others: others)
        }
    }

    /// Runs one batch: `request` and `others`, then hands whoever waited meanwhile to the next leader.
    private func lead(_ request: Request, others: [Waiter]) async throws -> Answer {
        let outcome: Result<[Answer], any Error>
        let requests = [request] + others.map(\.request), run = self.run
        do {
            // In a task of its own: the leader's cancellation (its client went away) must not fail the others' lookups.
            let answers = try await Task { try await run(requests) }.value
            precondition(answers.count == others.count + 1, "a batched lookup must answer every request")
            outcome = .success(answers)
        } catch {
            outcome = .failure(error)
        }
        let next = state.withLock { state -> [Waiter] in
            let next = Array(state.waiting.prefix(limit))
            state.waiting.removeFirst(next.count)
            if next.isEmpty { state.running = false }
            return next
        }
        if let leader = next.first { leader.continuation.resume(returning: .lead(others: Array(next.dropFirst()))) }
        switch outcome {
        case .success(let answers):
            for (waiter, answer) in zip(others, answers.dropFirst()) { waiter.continuation.resume(returning: .answered(answer)) }
            return answers[0]
        case .failure(let error):
            for waiter in others { waiter.continuation.resume(returning: .failed(error)) }
            throw error
        }
    }
}
