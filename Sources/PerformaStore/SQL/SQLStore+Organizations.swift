import Foundation
import SQLKit

extension SQLStore {
    public func createOrganization(id: String, name: String, actor: String) async throws -> StoredOrganization {
        let context = AccessContext(organization: id, user: actor, role: .admin)
        return try await write(context) { scope in try await scope.insertOrganization(name: name) }
    }

    public func organizationDirectory() async throws -> [StoredOrganization] {
        // The directory is public: no tenant is declared, and PostgreSQL's policy lets every organization row be read.
        try await translatingErrors {
            try await database.transaction(.read, organization: nil) { db in
                try await db.raw("SELECT * FROM organizations ORDER BY organization_id").all().map(Self.organization)
            }
        }
    }

    public func organization(_ context: AccessContext) async throws -> StoredOrganization {
        try await read(context) { scope in try await scope.organizationRow() }
    }

    public func renameOrganization(_ context: AccessContext, to name: String, expectedRowVersion: Int) async throws -> StoredOrganization {
        let name = try Self.organizationName(name)
        return try await write(context) { scope in
            try scope.require([.admin], "rinominare l'ente")
            let before = try await scope.organizationRow()
            guard let row = try await scope.db.raw("""
                UPDATE organizations SET name = \(bind: name), row_version = row_version + 1
                WHERE organization_id = \(bind: scope.organization) AND row_version = \(bind: expectedRowVersion)
                RETURNING *
                """).first() else {
                throw StoreError.staleWrite(subject: "l'ente «\(scope.organization)»", expected: expectedRowVersion, current: before.rowVersion)
            }
            let after = try Self.organization(row)
            try await scope.audit("update", "organization", scope.organization, before: before, after: after)
            return after
        }
    }

    static func organization(_ row: any SQLRow) throws -> StoredOrganization {
        StoredOrganization(id: try row.text("organization_id"), name: try row.text("name"),
                           createdAt: try row.time("created_at"), rowVersion: try row.integer("row_version"))
    }

    static func organizationName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 300 else { throw StoreError.invalid("Il nome dell'ente è obbligatorio (al massimo 300 caratteri).") }
        return trimmed
    }
}

extension Scope {
    func organizationRow() async throws -> StoredOrganization {
        guard let row = try await db.raw("SELECT * FROM organizations WHERE organization_id = \(bind: organization)").first() else {
            throw StoreError.notFound(subject: "l'ente «\(organization)»")
        }
        return try SQLStore.organization(row)
    }

    func organizationExists() async throws -> Bool {
        try await db.raw("SELECT organization_id FROM organizations WHERE organization_id = \(bind: organization)").first() != nil
    }

    func insertOrganization(name: String) async throws -> StoredOrganization {
        let name = try SQLStore.organizationName(name)
        if try await organizationExists() { throw StoreError.alreadyExists(subject: "l'ente «\(organization)»") }
        let created = StoredOrganization(id: organization, name: name, createdAt: now, rowVersion: 1)
        try await db.raw("""
            INSERT INTO organizations (organization_id, name, created_at, row_version)
            VALUES (\(bind: organization), \(bind: name), \(bind: nowText), 1)
            """).run()
        try await audit("create", "organization", organization, before: nil, after: created)
        return created
    }
}
