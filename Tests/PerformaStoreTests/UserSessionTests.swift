import Foundation
import Testing
@testable import PerformaStore

@Suite("Users and sessions")
struct UserSessionTests {
    @Test("users: unique names, credentials for login, self-service limits, no password hash in the audit log", arguments: TestBackend.allCases)
    func users(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = TestPlans.admin(TestPlans.organization("utenti"))
            _ = try await store.createOrganization(id: admin.organization, name: "Ente utenti", actor: "installazione")
            let rossi = try await store.createUser(admin, NewUser(username: "rossi", displayName: "Mario Rossi", email: "rossi@example.org",
                                                                  role: .manager, managerID: "rossi", passwordHash: "$2b$12$primo"))
            await #expect(throws: StoreError.alreadyExists(subject: "l'utente «rossi»")) {
                try await store.createUser(admin, NewUser(username: "rossi", displayName: "Altro", role: .viewer, passwordHash: "h"))
            }
            await #expect(throws: StoreError.self) {
                try await store.createUser(admin, NewUser(username: "con spazio", displayName: "X", role: .viewer, passwordHash: "h"))
            }
            let login = try #require(try await store.credentials(organization: admin.organization, username: "rossi"))
            #expect(login.user == rossi && login.passwordHash == "$2b$12$primo")

            // A user changes their own password and name, but not their role.
            var selfEdit = rossi
            selfEdit.displayName = "Mario Rossi (Area 1)"
            let edited = try await store.updateUser(rossi.context, selfEdit, newPasswordHash: "$2b$12$secondo")
            #expect(edited.rowVersion == 2 && edited.displayName == "Mario Rossi (Area 1)")
            #expect(try await store.credentials(organization: admin.organization, username: "rossi")?.passwordHash == "$2b$12$secondo")
            var promotion = edited
            promotion.role = .admin
            await #expect(throws: StoreError.self) { try await store.updateUser(rossi.context, promotion, newPasswordHash: nil) }
            let audit = try await store.auditLog(admin, AuditQuery(entity: "user", entityKey: rossi.id))
            #expect(audit.map(\.action) == ["update", "create"])
            #expect(audit.allSatisfy { !($0.after ?? "").contains("$2b$") && !($0.before ?? "").contains("$2b$") })
            #expect(audit.first?.after?.contains("\"passwordChanged\":true") == true)

            // A deactivated user cannot log in.
            var inactive = edited
            inactive.active = false
            _ = try await store.updateUser(admin, inactive, newPasswordHash: nil)
            #expect(try await store.credentials(organization: admin.organization, username: "rossi") == nil)
        }
    }

    @Test("sessions: only the token's hash is stored; expiry, logout and deactivation end them", arguments: TestBackend.allCases)
    func sessions(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = TestPlans.admin(TestPlans.organization("sessioni"))
            _ = try await store.createOrganization(id: admin.organization, name: "Ente sessioni", actor: "installazione")
            let user = try await store.createUser(admin, NewUser(username: "oiv", displayName: "Presidente OIV", role: .oiv, passwordHash: "h"))
            let now = Date()
            let opened = try await store.createSession(user.context, expiresAt: now.addingTimeInterval(1_800))
            #expect(opened.token.hasPrefix("\(admin.organization)."))
            let found = try #require(try await store.session(token: opened.token, at: now))
            #expect(found.context == user.context && found.username == "oiv")
            #expect(try await store.session(token: opened.token, at: now.addingTimeInterval(1_801)) == nil)
            #expect(try await store.session(token: opened.token + "x", at: now) == nil)
            #expect(try await store.session(token: "nessun-punto", at: now) == nil)
            let secret = String(opened.token.split(separator: ".").last!)
            let stored = try await store.database.transaction(.read, organization: admin.organization) { db in
                try await db.raw("SELECT token_hash FROM sessions WHERE organization_id = \(bind: admin.organization)").all().map { try $0.text("token_hash") }
            }
            #expect(stored == [Digest.sha256(secret)])

            try await store.endSession(token: opened.token)
            #expect(try await store.session(token: opened.token, at: now) == nil)

            let second = try await store.createSession(user.context, expiresAt: now.addingTimeInterval(60))
            let third = try await store.createSession(user.context, expiresAt: now.addingTimeInterval(7_200))
            #expect(try await store.purgeExpiredSessions(admin, before: now.addingTimeInterval(120)) == 1)
            #expect(try await store.session(token: second.token, at: now) == nil)
            var inactive = user
            inactive.active = false
            _ = try await store.updateUser(admin, inactive, newPasswordHash: nil)
            #expect(try await store.session(token: third.token, at: now) == nil)
            #expect(try await store.auditLog(admin, AuditQuery(entity: "session")).map(\.action) == ["purge", "login", "login", "logout", "login"])
        }
    }

    @Test("concurrent session lookups, batched, each get their own answer; after logout no lookup finds the session", arguments: TestBackend.allCases)
    func concurrentLookups(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let now = Date()
            var tokens: [String] = []
            for name in ["lotti-uno", "lotti-due"] {
                let admin = TestPlans.admin(TestPlans.organization(name))
                _ = try await store.createOrganization(id: admin.organization, name: "Ente \(name)", actor: "installazione")
                for username in ["rossi", "bianchi"] {
                    let user = try await store.createUser(admin, NewUser(username: username, displayName: username, role: .viewer, passwordHash: "h"))
                    tokens.append(try await store.createSession(user.context, expiresAt: now.addingTimeInterval(60)).token)
                }
            }
            // Each lookup alone, one after the other: the answers the batched ones must give.
            let times = [now, now.addingTimeInterval(59), now.addingTimeInterval(61)]
            var expected: [String: String?] = [:]
            func label(_ token: String, _ time: Date) -> String { "\(token)@\(time.timeIntervalSince(now))" }
            for token in tokens + [tokens[0] + "x", "nessun-punto"] {
                for time in times { expected[label(token, time)] = try await store.signedIn(token: token, at: time)?.user.id }
            }
            #expect(expected.values.compactMap { $0 }.count == 8, "four sessions, valid at two of the three times")
            let answers = try await withThrowingTaskGroup(of: (String, String?).self) { group in
                for round in 0..<5 {
                    for key in expected.keys.sorted() {
                        let token = String(key[..<key.lastIndex(of: "@")!]), time = times.first { label(token, $0) == key }!
                        group.addTask { (key, try await store.signedIn(token: token, at: time.addingTimeInterval(Double(round) / 1_000))?.user.id) }
                    }
                }
                return try await group.reduce(into: [(String, String?)]()) { $0.append($1) }
            }
            #expect(answers.count == expected.count * 5)
            for (key, user) in answers { #expect(user == expected[key]!, "\(key)") }

            // Lookups keep running while the session ends; every lookup asked after the logout returned misses it.
            let ended = tokens[1]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 { group.addTask { _ = try await store.signedIn(token: ended, at: now) } }
                try await store.endSession(token: ended)
                for _ in 0..<40 {
                    group.addTask {
                        let found = try await store.signedIn(token: ended, at: now)
                        #expect(found == nil)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.signedIn(token: tokens[0], at: now) != nil)
        }
    }
}

