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
        let context = try await administrator(store, organization)
        if role == .manager && (managerID ?? "").isEmpty {
            throw StoreError.invalid("Un utente dirigente ha bisogno dell'identificativo del dirigente nel piano (--manager-id), da cui dipendono gli obiettivi assegnati.")
        }
        if role == .manager, let managerID {
            // The manager id links the user to the objectives assigned in the plans: a typo would leave them none.
            var known: Set<String> = []
            for info in try await store.plans(context) {
                known.formUnion(try await store.plan(context, id: info.planID, version: nil).plan.organization.managers.map(\.id))
            }
            guard known.contains(managerID) else {
                throw StoreError.invalid("Il dirigente «\(managerID)» non compare nei piani dell'ente «\(organization)» (dirigenti: \(known.sorted().joined(separator: ", "))).")
            }
        }
        if role != .manager && managerID != nil {
            throw StoreError.invalid("L'identificativo del dirigente (--manager-id) vale solo per il ruolo manager.")
        }
        if let email, email.lowercased().hasSuffix(DemoData.emailDomain) {
            throw StoreError.invalid("Il dominio \(DemoData.emailDomain) è riservato agli utenti dimostrativi.")
        }
        try PasswordPolicy.check(password: password, username: username)
        let hash = try await PasswordHasher.hash(password, cost: cost)
        return try await store.createUser(context, NewUser(username: username, displayName: displayName, email: email, role: role,
                                                           managerID: managerID, passwordHash: hash))
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
