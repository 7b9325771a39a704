import Foundation
import Testing
@testable import PerformaStore

/// A session answered from memory (SQLite's `SessionMemo`) must be what a statement would answer at that moment,
/// whoever committed in between: this store, a second store on the same file, or another process.
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
        #expect((reader.sessionMemo != nil) == (backend == .sqlite), "SQLite answers known sessions from memory; PostgreSQL always asks")
        let admin = TestPlans.admin(TestPlans.organization("memoria"))
        _ = try await writer.createOrganization(id: admin.organization, name: "Ente memoria", actor: "installazione")
        let user = try await writer.createUser(admin, NewUser(username: "bianchi", displayName: "Anna Bianchi", role: .manager, passwordHash: "h"))
        let now = Date()
        let opened = try await writer.createSession(user.context, expiresAt: now.addingTimeInterval(1_800))

        // Asked twice with nothing committed in between: the second answer comes from memory, and is the same.
        let first = try #require(try await reader.signedIn(token: opened.token, at: now))
        #expect(try await reader.signedIn(token: opened.token, at: now) == first)
        if backend == .sqlite { #expect(reader.sessionMemo?.memo.count == 1) }
        // Expiry is each request's own: a known session is not answered after it expires.
        #expect(try await reader.signedIn(token: opened.token, at: now.addingTimeInterval(1_801)) == nil)
        // An unknown token is never kept.
        #expect(try await reader.signedIn(token: String(opened.token.dropLast()) + "x", at: now) == nil)

        // A commit through the other store: the new name and the raised data version, at once.
        var renamed = user
        renamed.displayName = "Anna Bianchi Rossi"
        _ = try await writer.updateUser(admin, renamed, newPasswordHash: nil)
        let afterRename = try #require(try await reader.signedIn(token: opened.token, at: now))
        #expect(afterRename.user.displayName == "Anna Bianchi Rossi")
        #expect(afterRename.dataVersion > first.dataVersion)
        #expect(try await reader.signedIn(token: opened.token, at: now) == afterRename)

        // A logout through the other store.
        try await writer.endSession(token: opened.token)
        #expect(try await reader.signedIn(token: opened.token, at: now) == nil)

        // Another process deactivates the user with a statement of its own (SQLite only: the file is on this machine).
        guard case .sqlite(let path) = url else { return }
        let again = try await writer.createSession(user.context, expiresAt: now.addingTimeInterval(1_800))
        #expect(try await reader.signedIn(token: again.token, at: now) != nil)
        #expect(try await reader.signedIn(token: again.token, at: now) != nil)
        try runPython("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE users SET active = 0 WHERE username = 'bianchi'")
            db.commit()
            db.close()
            """, argument: path)
        #expect(try await reader.signedIn(token: again.token, at: now) == nil, "another process's commit is seen by the very next lookup")
    }

    /// Runs `script` in another process (Python's own SQLite, not this process's).
    private static func runPython(_ script: String, argument: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["PERFORMA_TEST_PYTHON"] ?? "python3", "-c", script, argument]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the other process's statement failed")
    }
}
