import Foundation
import Testing
@testable import PerformaStore

/// A session answered from memory (`SessionMemo`) must be what a statement would answer at that moment, whoever
/// committed in between: this store, a second store on the same database, or another process. On SQLite the memo
/// follows the WAL-index header; on PostgreSQL the commit feed (`PostgresCommitFeed`), whose writers wait until every
/// server has heard them.
@Suite("Sessions answered from memory")
struct SessionMemoTests {
    @Test("the very next lookup follows every commit: this store's, another store's on the same database, another process's",
          arguments: TestBackend.allCases)
    func followsEveryCommit(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            try await StoreLauncher.withStore(url, logger: TestBackend.logger) { writer in
                try await StoreLauncher.withStore(url, logger: TestBackend.logger) { reader in
                    try await Self.check(writer: writer, reader: reader, url: url, backend: backend)
                }
            }
        }
    }

    private static func check(writer: SQLStore, reader: SQLStore, url: DatabaseURL, backend: TestBackend) async throws {
        let memo = try #require(reader.sessionMemo, "both databases answer known sessions from memory")
        let admin = TestPlans.admin(TestPlans.organization("memoria"))
        _ = try await writer.createOrganization(id: admin.organization, name: "Ente memoria", actor: "installazione")
        let user = try await writer.createUser(admin, NewUser(username: "bianchi", displayName: "Anna Bianchi", role: .manager, passwordHash: "h"))
        let colleague = try await writer.createUser(admin, NewUser(username: "verdi", displayName: "Luca Verdi", role: .viewer, passwordHash: "h"))
        let now = Date()
        let opened = try await writer.createSession(user.context, expiresAt: now.addingTimeInterval(1_800))
        let busy = try await writer.createSession(colleague.context, expiresAt: now.addingTimeInterval(1_800))

        try await withThrowingTaskGroup(of: Void.self) { group in
            // Requests keep coming, as on a server in use: on PostgreSQL they keep the feed's heartbeats fresh, so the
            // memo stays on through each commit below and every check is made against it, not against the database.
            group.addTask {
                while !Task.isCancelled {
                    _ = try await reader.signedIn(token: busy.token, at: now)
                    try await Task.sleep(for: .milliseconds(1))
                }
            }
            defer { group.cancelAll() }
            try await check(opened, user: user, admin: admin, writer: writer, reader: reader, memo: memo, url: url, now: now)
        }
    }

    private static func check(_ opened: SessionToken, user: StoredUser, admin: AccessContext, writer: SQLStore, reader: SQLStore,
                              memo: SessionMemo, url: DatabaseURL, now: Date) async throws {
        // Asked twice with nothing committed in between: the second answer comes from memory, and is the same.
        let first = try await Self.known(opened.token, by: reader, memo: memo, at: now)
        #expect(try await reader.signedIn(token: opened.token, at: now) == first)
        // Expiry is each request's own: a known session is not answered after it expires.
        #expect(try await reader.signedIn(token: opened.token, at: now.addingTimeInterval(1_801)) == nil)
        // An unknown token is never kept.
        #expect(try await reader.signedIn(token: String(opened.token.dropLast()) + "x", at: now) == nil)

        // A commit through the other store: the new name and the raised data version, at once.
        _ = try await Self.known(opened.token, by: reader, memo: memo, at: now)
        var renamed = user
        renamed.displayName = "Anna Bianchi Rossi"
        _ = try await writer.updateUser(admin, renamed, newPasswordHash: nil)
        let afterRename = try #require(try await reader.signedIn(token: opened.token, at: now))
        #expect(afterRename.user.displayName == "Anna Bianchi Rossi")
        #expect(afterRename.dataVersion > first.dataVersion)
        #expect(try await reader.signedIn(token: opened.token, at: now) == afterRename)

        // A logout through the other store.
        _ = try await Self.known(opened.token, by: reader, memo: memo, at: now)
        try await writer.endSession(token: opened.token)
        #expect(try await reader.signedIn(token: opened.token, at: now) == nil)

        // Another process deactivates the user with a statement of its own.
        let again = try await writer.createSession(user.context, expiresAt: now.addingTimeInterval(1_800))
        _ = try await Self.known(again.token, by: reader, memo: memo, at: now)
        switch url {
        case .sqlite(let path):
            try runPython("""
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute("UPDATE users SET active = 0 WHERE username = 'bianchi'")
                db.commit()
                db.close()
                """, argument: path)
        case .postgres(let address):
            // psql does not wait after its commit as Performa's own writers do: the test waits as they would.
            try run("psql", [address.absoluteString, "-q", "-o", "/dev/null", "-c", """
                SELECT set_config('performa.organization_id', '\(admin.organization)', false);                 UPDATE users SET active = false WHERE username = 'bianchi'
                """])
            try await Task.sleep(for: PostgresCommitFeed.window)
        }
        #expect(try await reader.signedIn(token: again.token, at: now) == nil, "another process's commit is seen by the very next lookup")
    }

    /// Looks `token` up until its session is kept in memory (on PostgreSQL the memo is on once the commit feed has
    /// heard a heartbeat, and is emptied by every commit heard), and returns it.
    private static func known(_ token: String, by store: SQLStore, memo: SessionMemo, at now: Date) async throws -> SignedInSession {
        try await polling(every: .milliseconds(5), failure: "la sessione non è mai stata tenuta in memoria") {
            let found = try #require(try await store.signedIn(token: token, at: now))
            return memo.holds(token) ? found : nil
        }
    }

    /// Runs `script` in another process (Python's own SQLite, not this process's).
    private static func runPython(_ script: String, argument: String) throws {
        try run(ProcessInfo.processInfo.environment["PERFORMA_TEST_PYTHON"] ?? "python3", ["-c", script, argument])
    }

    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the other process's statement failed")
    }
}
