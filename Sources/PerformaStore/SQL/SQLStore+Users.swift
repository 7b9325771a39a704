import Foundation
import SQLKit

extension SQLStore {
    public func createUser(_ context: AccessContext, _ user: NewUser) async throws -> StoredUser {
        let username = user.username.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, username.count <= 100, !username.contains(where: \.isWhitespace) else {
            throw StoreError.invalid("Nome utente non valido: «\(user.username)» (obbligatorio, senza spazi, al massimo 100 caratteri).")
        }
        guard !user.displayName.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("Il nome per esteso dell'utente è obbligatorio.") }
        guard !user.passwordHash.isEmpty else { throw StoreError.invalid("Manca l'impronta della password dell'utente.") }
        return try await write(context) { scope in
            try scope.require(.manageUsers, "creare utenti")
            if try await scope.db.raw("""
                SELECT user_id FROM users WHERE organization_id = \(bind: scope.organization) AND username = \(bind: username)
                """).first() != nil {
                throw StoreError.alreadyExists(subject: "l'utente «\(username)»")
            }
            let created = StoredUser(organization: scope.organization, id: SortableID.make(), username: username,
                                     displayName: user.displayName, email: user.email, role: user.role, managerID: user.managerID,
                                     active: true, createdAt: scope.now, updatedAt: scope.now, rowVersion: 1)
            try await scope.db.raw("""
                INSERT INTO users (organization_id, user_id, username, display_name, email, role, manager_id, password_hash,
                                   active, created_at, updated_at, row_version)
                VALUES (\(bind: scope.organization), \(bind: created.id), \(bind: username), \(bind: created.displayName), \
                \(bind: created.email), \(bind: created.role.rawValue), \(bind: created.managerID), \(bind: user.passwordHash), \
                \(bind: true), \(bind: scope.nowText), \(bind: scope.nowText), 1)
                """).run()
            try await scope.audit("create", "user", created.id, before: nil, after: created)
            return created
        }
    }

    public func users(_ context: AccessContext) async throws -> [StoredUser] {
        try await read(context) { scope in
            try await scope.db.raw("SELECT * FROM users WHERE organization_id = \(bind: scope.organization) ORDER BY username")
                .all().map(Self.user)
        }
    }

    public func user(_ context: AccessContext, id: String) async throws -> StoredUser {
        try await read(context) { scope in try await scope.userRow(id) }
    }

    public func updateUser(_ context: AccessContext, _ user: StoredUser, newPasswordHash: String?) async throws -> StoredUser {
        try await write(context) { scope in
            let before = try await scope.userRow(user.id)
            if scope.context.role != .admin {
                guard scope.context.user == user.id else { throw StoreError.forbidden(role: scope.context.role, action: "modificare altri utenti") }
                guard user.role == before.role, user.active == before.active, user.managerID == before.managerID, user.username == before.username else {
                    throw StoreError.forbidden(role: scope.context.role, action: "cambiare il proprio ruolo, stato o nome utente")
                }
            }
            if newPasswordHash?.isEmpty == true { throw StoreError.invalid("Manca l'impronta della nuova password.") }
            guard let row = try await scope.db.raw("""
                UPDATE users SET username = \(bind: user.username), display_name = \(bind: user.displayName), email = \(bind: user.email),
                    role = \(bind: user.role.rawValue), manager_id = \(bind: user.managerID), active = \(bind: user.active),
                    reminders = \(bind: user.reminders),
                    password_hash = COALESCE(\(bind: newPasswordHash), password_hash), updated_at = \(bind: scope.nowText),
                    row_version = row_version + 1
                WHERE organization_id = \(bind: scope.organization) AND user_id = \(bind: user.id) AND row_version = \(bind: user.rowVersion)
                RETURNING *
                """).first() else {
                throw StoreError.staleWrite(subject: "l'utente «\(before.username)»", expected: user.rowVersion, current: before.rowVersion)
            }
            let after = try Self.user(row)
            // The audit log never holds a password hash, only the fact that it changed.
            struct Change: Encodable {
                var user: StoredUser
                var passwordChanged: Bool
            }
            try await scope.audit("update", "user", user.id, before: before, after: Change(user: after, passwordChanged: newPasswordHash != nil))
            return after
        }
    }

    public func credentials(organization: String, username: String) async throws -> UserCredentials? {
        let context = AccessContext(organization: organization, user: "accesso", role: .viewer)
        return try await read(context) { scope in
            guard let row = try await scope.db.raw("""
                SELECT * FROM users WHERE organization_id = \(bind: scope.organization) AND username = \(bind: username) AND active = \(bind: true)
                """).first() else { return nil }
            return UserCredentials(user: try Self.user(row), passwordHash: try row.text("password_hash"))
        }
    }

    static func user(_ row: any SQLRow) throws -> StoredUser {
        let roleText = try row.text("role")
        guard let role = Role(rawValue: roleText) else { throw StoreError.database("ruolo sconosciuto nel database: «\(roleText)»") }
        return StoredUser(organization: try row.text("organization_id"), id: try row.text("user_id"), username: try row.text("username"),
                          displayName: try row.text("display_name"), email: try row.optionalText("email"), role: role,
                          managerID: try row.optionalText("manager_id"), active: try row.flag("active"), reminders: try row.flag("reminders"),
                          createdAt: try row.time("created_at"), updatedAt: try row.time("updated_at"), rowVersion: try row.integer("row_version"))
    }
}

extension Scope {
    func userRow(_ id: String) async throws -> StoredUser {
        guard let row = try await db.raw("SELECT * FROM users WHERE organization_id = \(bind: organization) AND user_id = \(bind: id)").first() else {
            throw StoreError.notFound(subject: "l'utente «\(id)»")
        }
        return try SQLStore.user(row)
    }
}
