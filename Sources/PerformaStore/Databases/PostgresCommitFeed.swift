import Dispatch
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// On PostgreSQL, what `SessionMemo` needs to answer a known session from memory: word of every commit that changes
/// what a session lookup reads, from any process, and proof that the word is current.
///
/// - Triggers on `sessions`, `users` and `organizations` (schema 12, `CommitNotifications`) send a notification on
///   `channel` with every commit that changes them; each server listens on a connection of its own. Every
///   notification changes the stamp, which empties the memo.
/// - A notification arrives *after* its commit. Two rules keep "a request that follows a write, to any replica, is
///   answered from after it":
///   - the stamp is given only while this process has heard, less than `window` ago by its send time, a heartbeat
///     it sent itself on the same channel. PostgreSQL delivers notifications in commit order, so every commit made
///     before that heartbeat was sent was heard before it;
///   - every write waits `window` after its commit before it returns (`commitSettled`). A request that follows it
///     comes later still: if the stamp is given then, its heartbeat was sent after the commit, which was heard.
/// - Heartbeats go out about every `period` while requests ask for them, none when the server is idle. A lost
///   connection stops them, so the memo turns itself off within `window`; the stamp changes at every new
///   connection, since notifications may have been missed in between.
final class PostgresCommitFeed: CommitWatch {
    static let channel = "performa_commits"
    /// How recent the latest heartbeat heard must be; also how long every write waits after its commit.
    static let window = Duration.milliseconds(20)
    /// Heartbeats go out this often while requests want them (a quarter of the window: a late one or two still
    /// leave the memo on).
    static let period = Duration.milliseconds(5)
    /// The first word of every process's heartbeats (other processes' are neither heard as commits nor as proof).
    static let heartbeatWord = "heartbeat"

    private static let windowNanos = UInt64(TimeAmount(window).nanoseconds)
    private static let periodNanos = UInt64(TimeAmount(period).nanoseconds)
    /// With no heartbeat wanted for this long, the feed looks for demand less often.
    private static let idleAfterNanos: UInt64 = 1_000_000_000
    private static let idlePoll = Duration.milliseconds(50)

    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    /// `heartbeat <random> `: this process's heartbeats, told apart from every other's.
    private let heartbeatPrefix = "\(heartbeatWord) \(UInt64.random(in: .min ... .max)) "
    /// Raised by every commit heard, and at every new connection.
    private let stamp = Atomic<UInt64>(0)
    /// The send time (`now()`) of the latest own heartbeat heard on the current connection; 0 while there is none.
    private let heardSentAt = Atomic<UInt64>(0)
    /// Set by requests that found the latest heartbeat getting old; taken by the heartbeat loop.
    private let wanted = Atomic<Bool>(false)

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    func read() -> CommitStamp? {
        // The send time first: a heartbeat heard means every commit before it raised the stamp already.
        let sentAt = heardSentAt.load(ordering: .acquiring)
        let age = Self.now() &- sentAt
        if age >= Self.periodNanos / 2, !wanted.load(ordering: .relaxed) { wanted.store(true, ordering: .relaxed) }
        guard sentAt != 0, age < Self.windowNanos else { return nil }
        return CommitStamp(word0: stamp.load(ordering: .acquiring))
    }

    /// Listens until the task is cancelled, connecting again a second after a failure.
    func run() async {
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                await listen(on: connection)
                try? await connection.close()
                if !Task.isCancelled {
                    logger.warning("avvisi di PostgreSQL interrotti (connessione chiusa): le sessioni si leggono dal database finché non riprendono")
                }
            } catch where !Task.isCancelled {
                logger.warning("avvisi di PostgreSQL non disponibili: le sessioni si leggono dal database",
                               metadata: ["errore": "\(String(reflecting: error))"])
            } catch {}
            heardSentAt.store(0, ordering: .releasing)
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Listens on `connection` until it closes, or until the task is cancelled (which closes it).
    ///
    /// Notifications are heard, and heartbeats sent, on the connection's event loop, not in tasks: a process whose
    /// task pool is busy with long work (the test suite's first minute did it) would otherwise hear its heartbeats
    /// late and keep its memo off.
    private func listen(on connection: PostgresConnection) async {
        // The LISTEN goes out before any heartbeat on this connection, so a heartbeat heard means it is in force.
        let listening = connection.addListener(channel: Self.channel) { [self] _, notification in hear(notification.payload) }
        defer { listening.stop() }
        // Commits made before this LISTEN may not have been heard: no stamp given so far holds.
        stamp.wrappingAdd(1, ordering: .releasing)
        logger.info("avvisi di PostgreSQL attivi: le sessioni già lette si servono dalla memoria")
        beat(on: connection, lastSent: 0)
        await withTaskCancellationHandler {
            try? await connection.closeFuture.get()
        } onCancel: {
            _ = connection.close() as EventLoopFuture<Void>
        }
    }

    /// Notifications are heard one at a time, in the order PostgreSQL committed them.
    private func hear(_ payload: String) {
        if payload.hasPrefix(heartbeatPrefix) {
            if let sentAt = UInt64(payload.dropFirst(heartbeatPrefix.count)) { heardSentAt.store(sentAt, ordering: .releasing) }
        } else if !payload.hasPrefix(Self.heartbeatWord) {
            stamp.wrappingAdd(1, ordering: .releasing)
        }
    }

    /// Sends a heartbeat if requests want one, then comes back after `period`, or after `idlePoll` when none was
    /// wanted for a second; stops when the connection does.
    private func beat(on connection: PostgresConnection, lastSent: UInt64) {
        let wants = wanted.exchange(false, ordering: .relaxed)
        let sent = wants ? Self.now() : lastSent
        let done = wants
            ? connection.query("SELECT pg_notify(\(Self.channel), \(heartbeatPrefix + String(sent)))", logger: logger).map { _ in }
            : connection.eventLoop.makeSucceededVoidFuture()
        done.whenComplete { [self] result in
            guard case .success = result, !connection.isClosed else { return }
            let delay = Self.now() &- sent < Self.idleAfterNanos ? Self.period : Self.idlePoll
            connection.eventLoop.scheduleTask(in: TimeAmount(delay)) { self.beat(on: connection, lastSent: sent) }
        }
    }

    /// Monotonic nanoseconds, never 0.
    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
