import Foundation
import SQLKit

extension SQLStore {
    public func createSession(_ context: AccessContext, expiresAt: Date) async throws -> SessionToken {
        try await write(context) { scope in
            let user = try await scope.userRow(scope.context.user)
            guard user.active else { throw StoreError.forbidden(role: user.role, action: "accedere con un utente disattivato") }
            var bytes = [UInt8](repeating: 0, count: 32)
            for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max) }
            let secret = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            let expiry = StoreTime.stored(expiresAt)
            try await scope.db.raw("""
                INSERT INTO sessions (organization_id, token_hash, user_id, created_at, expires_at)
                VALUES (\(bind: scope.organization), \(bind: Digest.sha256(secret)), \(bind: user.id), \(bind: scope.nowText), \(bind: StoreTime.text(expiry)))
                """).run()
            let session = StoredSession(organization: scope.organization, userID: user.id, username: user.username, role: user.role,
                                        createdAt: scope.now, expiresAt: expiry)
            try await scope.audit("login", "session", user.id, before: nil, after: ["expiresAt": StoreTime.text(expiry)])
            return SessionToken(token: "\(scope.organization).\(secret)", session: session)
        }
    }

    public func signedIn(token: String, at now: Date) async throws -> SignedInSession? {
        guard let (organization, secret) = Self.splitToken(token) else { return nil }
        // Every request whose session is not known runs this: concurrent lookups share one statement
        // (`LookupBatcher`), none is answered by a statement that started before it was asked.
        func lookUp() async throws -> SignedInSession? {
            try await sessionLookups.lookUp(SessionKey(identity: .init(organization: organization, tokenHash: Digest.sha256(secret)),
                                                       now: StoreTime.text(now)))
        }
        // A session found since the last commit is answered from memory (`SessionMemo`).
        guard let sessionMemo else { return try await lookUp() }
        return try await sessionMemo.signedIn(token, at: now, lookUp: lookUp)
    }

    /// The sessions `keys` name, in one statement and without an explicit transaction: each key's session if it
    /// exists, has not expired at the key's time and its user is active; nil otherwise.
    static func signedIn(_ keys: [SessionKey], on database: any StoreDatabase) async throws -> [SignedInSession?] {
        // Each organization and token once: a browser's parallel requests, or an API client's, share one session.
        let organizations = Array(Set(keys.map(\.identity.organization))).sorted()
        let hashes = Array(Set(keys.map(\.identity.tokenHash))).sorted()
        // The earliest time of the batch; each key is then held to its own.
        let earliest = keys.map(\.now).min() ?? ""
        // On SQLite `u.active = 1` is written out, not bound: with a bound value there SQLite compiled the statement
        // a second time at its first step (`sqlite3_stmt_status(…, SQLITE_STMTSTATUS_REPREPARE)`), on every batch.
        let query: SQLQueryString = database.kind == .postgres
            ? "SELECT * FROM performa_signed_in_all(\(bind: organizations), \(bind: hashes), \(bind: earliest))"
            : """
                SELECT u.*, s.token_hash AS session_token_hash, s.created_at AS session_created_at,
                       s.expires_at AS session_expires_at, o.data_version
                FROM sessions s
                JOIN users u ON u.organization_id = s.organization_id AND u.user_id = s.user_id
                JOIN organizations o ON o.organization_id = s.organization_id
                WHERE s.organization_id IN (\(binds: organizations)) AND s.token_hash IN (\(binds: hashes))
                  AND s.expires_at > \(bind: earliest) AND u.active = 1
                """
        var found: [SessionKey.Identity: (session: SignedInSession, expires: String)] = [:]
        for row in try await database.readStatement(query) {
            let user = try Self.user(row), expires = try row.text("session_expires_at")
            let session = StoredSession(organization: user.organization, userID: user.id, username: user.username, role: user.role,
                                        createdAt: try row.time("session_created_at"), expiresAt: try StoreTime.date(expires))
            let signedIn = SignedInSession(session: session, user: user, dataVersion: try row.decode(column: "data_version", as: Int64.self))
            found[SessionKey.Identity(organization: user.organization, tokenHash: try row.text("session_token_hash"))] = (signedIn, expires)
        }
        return keys.map { key in
            // Stored times are fixed-width text, so text order is time order (as in the statement's own comparison).
            found[key.identity].flatMap { $0.expires > key.now ? $0.session : nil }
        }
    }

    public func endSession(token: String) async throws {
        guard let (organization, secret) = Self.splitToken(token) else { return }
        let hash = Digest.sha256(secret)
        let lookup = AccessContext(organization: organization, user: "sessione", role: .viewer)
        guard let owner = try await read(lookup, { scope in
            try await scope.db.raw("""
                SELECT s.user_id, u.role FROM sessions s JOIN users u ON u.organization_id = s.organization_id AND u.user_id = s.user_id
                WHERE s.organization_id = \(bind: scope.organization) AND s.token_hash = \(bind: hash)
                """).first().map { (try $0.text("user_id"), Role(rawValue: try $0.text("role")) ?? .viewer) }
        }) else { return }
        try await write(AccessContext(organization: organization, user: owner.0, role: owner.1)) { scope in
            try await scope.db.raw("DELETE FROM sessions WHERE organization_id = \(bind: scope.organization) AND token_hash = \(bind: hash)").run()
            try await scope.audit("logout", "session", owner.0, before: nil, after: nil)
        }
    }

    public func endSessions(_ context: AccessContext, userID: String) async throws -> Int {
        try await write(context) { scope in
            if scope.context.role != .admin && scope.context.user != userID {
                throw StoreError.forbidden(role: scope.context.role, action: "chiudere le sessioni di altri utenti")
            }
            let removed = try await scope.db.raw("""
                DELETE FROM sessions WHERE organization_id = \(bind: scope.organization) AND user_id = \(bind: userID)
                RETURNING user_id
                """).all().count
            if removed > 0 { try await scope.audit("logout", "session", userID, before: ["count": removed], after: nil) }
            return removed
        }
    }

    public func purgeExpiredSessions(_ context: AccessContext, before now: Date) async throws -> Int {
        try await write(context) { scope in
            try scope.require([.admin], "eliminare le sessioni scadute")
            let removed = try await scope.db.raw("""
                DELETE FROM sessions WHERE organization_id = \(bind: scope.organization) AND expires_at <= \(bind: StoreTime.text(now))
                RETURNING user_id
                """).all().count
            if removed > 0 { try await scope.audit("purge", "session", "scadute", before: ["count": removed], after: nil) }
            return removed
        }
    }

    /// `ORGANIZATION.SECRET`: the secret is base64url, so the last dot separates them.
    static func splitToken(_ token: String) -> (String, String)? {
        guard let dot = token.lastIndex(of: "."), dot != token.startIndex else { return nil }
        let organization = String(token[..<dot]), secret = String(token[token.index(after: dot)...])
        guard secret.count >= 40, (try? checkOrganization(organization)) != nil else { return nil }
        return (organization, secret)
    }
}
