import Foundation
import PerformaStore

/// Creating users and changing passwords outside demo mode (`performa user`): the password rules, bcrypt, and the
/// store's own checks, in the one place both the command line and the tests go through.
public enum UserAccounts {
    /// A user as `performa user list` shows it: never the password hash.
    public struct Listed: Sendable, Hashable {
        public var user: StoredUser
        /// Created by `performa serve --demo`: refused at login outside demo mode.
        public var demo: Bool
    }

    /// Creates an active user of an existing organization after checking the password rules.
    public static func add(
        _ store: any PerformaStore, organization: String, username: String, displayName: String, role: Role,
        managerID: String? = nil, email: String? = nil, password: String, cost: UInt8
    ) async throws -> StoredUser {
        try await add(store, context: try await administrator(store, organization), username: username, displayName: displayName, role: role,
                      managerID: managerID, email: email, password: password, cost: cost)
    }

    /// Creates a user as `context` (an administrator: the store refuses anyone else), from the command line or the browser.
    static func add(
        _ store: any PerformaStore, context: AccessContext, username: String, displayName: String, role: Role,
        managerID: String?, email: String?, password: String, cost: UInt8
    ) async throws -> StoredUser {
        try await checkLinks(store, context, role: role, managerID: managerID, email: email)
        try PasswordPolicy.check(password: password, username: username)
        let hash = try await PasswordHasher.hash(password, cost: cost)
        return try await store.createUser(context, NewUser(username: username, displayName: displayName, email: email, role: role,
                                                           managerID: managerID, passwordHash: hash))
    }

    /// Saves an administrator's changes to a user (name, e-mail, role, manager, active) after the same checks as a
    /// creation; an administrator cannot deactivate or demote themselves (the organization would be left without one).
    static func update(_ store: any PerformaStore, context: AccessContext, _ user: StoredUser) async throws -> StoredUser {
        if user.id == context.user && (!user.active || user.role != .admin) {
            throw StoreError.invalid("Non si può disattivare il proprio utente né togliergli il ruolo di amministratore: lo fa un altro amministratore.")
        }
        guard !user.displayName.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("Il nome per esteso dell'utente è obbligatorio.") }
        try await checkLinks(store, context, role: user.role, managerID: user.managerID, email: user.email)
        return try await store.updateUser(context, user, newPasswordHash: nil)
    }

    /// A new temporary password for a user, returned once to be handed over; every session of the user ends.
    static func resetPassword(_ store: any PerformaStore, context: AccessContext, _ user: StoredUser, cost: UInt8) async throws -> (user: StoredUser, password: String) {
        let password = temporaryPassword(for: user.username)
        let updated = try await store.updateUser(context, user, newPasswordHash: try await PasswordHasher.hash(password, cost: cost))
        _ = try await store.endSessions(context, userID: user.id)
        return (updated, password)
    }

    /// Sixteen letters and digits in groups of four (`k7pm-4wqz-r2xd-9hcn`), without look-alike characters, so that it
    /// can be read out or copied by hand; about 80 bits, within the password rules.
    static func temporaryPassword(for username: String) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        while true {
            let characters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let password = stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
            if PasswordPolicy.problems(password: password, username: username).isEmpty { return password }
        }
    }

    /// A manager user needs the id of a manager of the organization's plans (their assigned objectives follow from
    /// it), other roles none; the demo's e-mail domain is reserved.
    private static func checkLinks(_ store: any PerformaStore, _ context: AccessContext, role: Role, managerID: String?, email: String?) async throws {
        if role == .manager && (managerID ?? "").isEmpty {
            throw StoreError.invalid("Un utente dirigente ha bisogno del dirigente del piano a cui corrisponde (nel modulo «Dirigente del piano», da riga di comando --manager-id): da lui dipendono gli obiettivi assegnati.")
        }
        if role == .manager, let managerID {
            // The manager id links the user to the objectives assigned in the plans: a typo would leave them none.
            let known = try await managerIDs(store, context)
            guard known.contains(managerID) else {
                throw StoreError.invalid("Il dirigente «\(managerID)» non compare nei piani dell'ente «\(context.organization)» (dirigenti: \(known.sorted().joined(separator: ", "))).")
            }
        }
        if role != .manager && managerID != nil {
            throw StoreError.invalid("Il dirigente del piano (--manager-id) si indica solo per il ruolo dirigente.")
        }
        if let email, email.lowercased().hasSuffix(DemoData.emailDomain) {
            throw StoreError.invalid("Il dominio \(DemoData.emailDomain) è riservato agli utenti dimostrativi.")
        }
    }

    /// The managers named in the organization's plans (current versions).
    static func managerIDs(_ store: any PerformaStore, _ context: AccessContext) async throws -> Set<String> {
        var known: Set<String> = []
        for info in try await store.plans(context) {
            known.formUnion(try await store.plan(context, id: info.planID, version: nil).plan.organization.managers.map(\.id))
        }
        return known
    }

    /// Sets a new password (the rules apply) for a user of the organization and ends the user's open sessions, so
    /// that whoever had the old password loses access too. Returns the user and how many sessions were ended.
    public static func changePassword(_ store: any PerformaStore, organization: String, username: String, password: String,
                                      cost: UInt8) async throws -> (user: StoredUser, endedSessions: Int) {
        let context = try await administrator(store, organization)
        guard let user = try await store.users(context).first(where: { $0.username == username }) else {
            throw StoreError.notFound(subject: "l'utente «\(username)» dell'ente «\(organization)»")
        }
        try PasswordPolicy.check(password: password, username: username)
        let hash = try await PasswordHasher.hash(password, cost: cost)
        let updated = try await store.updateUser(context, user, newPasswordHash: hash)
        return (updated, try await store.endSessions(context, userID: user.id))
    }

    /// Every user of the organization, by user name.
    public static func list(_ store: any PerformaStore, organization: String) async throws -> [Listed] {
        let context = try await administrator(store, organization)
        return try await store.users(context).map { Listed(user: $0, demo: DemoData.isDemoAccount($0)) }
    }

    /// The command line acts as an administrator of an organization that must already exist (created by `performa import`).
    private static func administrator(_ store: any PerformaStore, _ organization: String) async throws -> AccessContext {
        guard try await store.organizationDirectory().contains(where: { $0.id == organization }) else {
            throw StoreError.invalid("L'ente «\(organization)» non esiste: si crea importando il suo piano con «performa import».")
        }
        return .commandLine(organization: organization)
    }
}
