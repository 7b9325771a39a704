import Foundation
import Performa
import SQLKit

extension SQLStore {
    /// The actor written into the audit log for what happens before anyone is signed in.
    static let signOnActor = "accesso-unico"

    public func beginSignOn(organization: String, _ pending: PendingSignOn) async throws {
        let context = AccessContext(organization: organization, user: Self.signOnActor, role: .viewer)
        // Nothing any cache depends on: the organization's data version stays.
        try await write(context, changingData: false) { scope in
            try await scope.db.raw("""
                INSERT INTO sign_on_requests (organization_id, state_hash, nonce, code_verifier, target, expires_at)
                VALUES (\(bind: scope.organization), \(bind: Digest.sha256(pending.state)), \(bind: pending.nonce), \
                \(bind: pending.codeVerifier), \(bind: pending.target), \(bind: StoreTime.text(StoreTime.stored(pending.expiresAt))))
                """).run()
        }
    }

    public func takeSignOn(organization: String, state: String, at now: Date) async throws -> PendingSignOn? {
        let context = AccessContext(organization: organization, user: Self.signOnActor, role: .viewer)
        return try await write(context, changingData: false) { scope in
            let nowText = StoreTime.text(now)
            // DELETE … RETURNING: of two callbacks with the same state, only one gets the row.
            let row = try await scope.db.raw("""
                DELETE FROM sign_on_requests WHERE organization_id = \(bind: scope.organization) AND state_hash = \(bind: Digest.sha256(state))
                RETURNING nonce, code_verifier, target, expires_at
                """).first()
            try await scope.db.raw("""
                DELETE FROM sign_on_requests WHERE organization_id = \(bind: scope.organization) AND expires_at <= \(bind: nowText)
                """).run()
            guard let row, try row.text("expires_at") > nowText else { return nil }
            return PendingSignOn(state: state, nonce: try row.text("nonce"), codeVerifier: try row.text("code_verifier"),
                                 target: try row.text("target"), expiresAt: try row.time("expires_at"))
        }
    }

    public func signOnUser(organization: String, by kind: SignOnIdentityKind, value: String) async throws -> StoredUser? {
        let context = AccessContext(organization: organization, user: Self.signOnActor, role: .viewer)
        return try await read(context) { scope in
            let rows: [any SQLRow]
            switch kind {
            case .email:
                let email = value.trimmingCharacters(in: .whitespaces).lowercased()
                guard !email.isEmpty else { return nil }
                rows = try await scope.db.raw("""
                    SELECT * FROM users WHERE organization_id = \(bind: scope.organization) AND LOWER(email) = \(bind: email)
                    """).all()
            case .fiscalCode:
                guard let code = FiscalCode(value) else { return nil }
                rows = try await scope.db.raw("""
                    SELECT * FROM users WHERE organization_id = \(bind: scope.organization) AND fiscal_code = \(bind: code.text)
                    """).all()
            }
            // Two users with the same e-mail cannot tell who signed in: no one is chosen.
            guard rows.count <= 1 else {
                throw StoreError.invalid("Più utenti dell'ente hanno l'indirizzo «\(value)»: l'accesso unico non può scegliere tra loro.")
            }
            return try rows.first.map(Self.user)
        }
    }

    public func fiscalCode(_ context: AccessContext, userID: String) async throws -> String? {
        try await read(context) { scope in
            guard let row = try await scope.db.raw("""
                SELECT fiscal_code FROM users WHERE organization_id = \(bind: scope.organization) AND user_id = \(bind: userID)
                """).first() else { throw StoreError.notFound(subject: "l'utente «\(userID)»") }
            return try row.optionalText("fiscal_code")
        }
    }

    public func setFiscalCode(_ context: AccessContext, userID: String, fiscalCode: String?) async throws {
        let code: String?
        if let fiscalCode, !fiscalCode.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let valid = FiscalCode(fiscalCode) else {
                throw StoreError.invalid("Codice fiscale non valido: \(FiscalCode.problem(fiscalCode) ?? fiscalCode).")
            }
            code = valid.text
        } else {
            code = nil
        }
        try await write(context) { scope in
            try scope.require(.manageUsers, "registrare il codice fiscale di un utente")
            guard let row = try await scope.db.raw("""
                SELECT fiscal_code FROM users WHERE organization_id = \(bind: scope.organization) AND user_id = \(bind: userID)
                """).first() else { throw StoreError.notFound(subject: "l'utente «\(userID)»") }
            let before = try row.optionalText("fiscal_code")
            if let code, try await scope.db.raw("""
                SELECT user_id FROM users WHERE organization_id = \(bind: scope.organization) AND fiscal_code = \(bind: code) AND user_id <> \(bind: userID)
                """).first() != nil {
                throw StoreError.alreadyExists(subject: "un altro utente con il codice fiscale \(code)")
            }
            try await scope.db.raw("""
                UPDATE users SET fiscal_code = \(bind: code), updated_at = \(bind: scope.nowText), row_version = row_version + 1
                WHERE organization_id = \(bind: scope.organization) AND user_id = \(bind: userID)
                """).run()
            try await scope.audit("update", "user", userID, before: ["fiscalCode": before], after: ["fiscalCode": code])
        }
    }

    public func recordSignOn(_ context: AccessContext, issuer: String, subject: String, matchedBy: SignOnIdentityKind, value: String) async throws {
        try await write(context, changingData: false) { scope in
            try await scope.audit("login", "sign-on", scope.context.user, before: nil,
                                  after: ["issuer": issuer, "subject": subject, "matchedBy": matchedBy.rawValue, "value": value])
        }
    }

    public func recordSignOnRefusal(organization: String, reason: String, identity: String?) async throws {
        let context = AccessContext(organization: organization, user: Self.signOnActor, role: .viewer)
        try await write(context, changingData: false) { scope in
            try await scope.audit("login-refused", "sign-on", identity ?? "-", before: nil, after: ["reason": reason, "identity": identity])
        }
    }
}
