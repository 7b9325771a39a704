import Foundation
import PostgresKit
import Testing
@testable import PerformaStore

/// The PostgreSQL commit feed's rules (`PostgresCommitFeed`): no stamp without a heartbeat of its own heard lately,
/// a new stamp for every commit heard, none for other processes' heartbeats, and none once it stops listening.
@Suite("PostgreSQL commit feed")
struct CommitFeedTests {
    @Test("a stamp only while its own heartbeats come back; every commit notified changes it, another server's heartbeat does not")
    func rules() async throws {
        try await TestBackend.postgres.withEmptyDatabase { url in
            guard case .postgres(let address) = url else { return }
            try await StoreLauncher.withStore(url, logger: TestBackend.logger, use: .command) { _ in }  // the schema, triggers included
            let configuration = try PostgresConfiguration(address).connection()
            let feed = PostgresCommitFeed(configuration: configuration, logger: TestBackend.logger)
            #expect(feed.read() == nil, "no stamp before the feed has heard itself")

            let other = try await PostgresConnection.connect(configuration: configuration, id: 9, logger: TestBackend.logger)
            do {
                try await Self.check(feed, other: other)
            } catch {
                try? await other.close()
                throw error
            }
            try await other.close()
        }
    }

    private static func check(_ feed: PostgresCommitFeed, other: PostgresConnection) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await feed.run() }
            let first = try await Self.stamp(of: feed)

            // Another server's heartbeat is neither a commit nor proof for this one.
            try await other.query("SELECT pg_notify(\(PostgresCommitFeed.channel), \("\(PostgresCommitFeed.heartbeatWord) 42 1"))",
                                  logger: TestBackend.logger)
            try await Task.sleep(for: PostgresCommitFeed.window)
            #expect(try await Self.stamp(of: feed) == first)

            // A notification from the schema's triggers (here sent by hand, as they do) is a commit.
            try await other.query("SELECT pg_notify(\(PostgresCommitFeed.channel), 'commit')", logger: TestBackend.logger)
            try await Task.sleep(for: PostgresCommitFeed.window)
            let second = try await Self.stamp(of: feed)
            #expect(second != first)

            // So is a real commit through a trigger: the organization's data version raised.
            try await other.query("UPDATE organizations SET data_version = data_version + 1", logger: TestBackend.logger)
            try await Task.sleep(for: PostgresCommitFeed.window)
            #expect(try await Self.stamp(of: feed) != second)

            // Once the feed stops listening, no stamp: the memo turns itself off.
            group.cancelAll()
        }
        #expect(feed.read() == nil)
    }

    /// Reads the feed until it gives a stamp (its first heartbeat heard: reading asks for one).
    private static func stamp(of feed: PostgresCommitFeed) async throws -> CommitStamp {
        try await polling(every: .milliseconds(1), failure: "il flusso dei commit non ha mai dato un timbro") { feed.read() }
    }
}
