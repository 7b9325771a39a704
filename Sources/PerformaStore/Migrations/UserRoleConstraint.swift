import SQLKit

/// Widens the CHECK constraint on `users.role` to a new list of roles. PostgreSQL replaces the constraint; SQLite
/// cannot change one, so `users` is rebuilt with the columns it has at that schema version (`extraColumns`, added
/// by the migrations between, with the indexes they made). Dropping the table would make the open sessions point
/// nowhere, so they are ended first (everyone signs in again after the update).
enum UserRoleConstraint {
    static func allow(_ roles: String, extraColumns: [(name: String, definition: String)] = [], indexes: [String] = [],
                      dialect: SchemaDialect) -> [String] {
        if dialect.kind == .postgres {
            return [
                "ALTER TABLE users DROP CONSTRAINT users_role_check",
                "ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (\(roles)))",
            ]
        }
        let columns = ["organization_id", "user_id", "username", "display_name", "email", "role", "manager_id", "password_hash", "active",
                       "created_at", "updated_at", "row_version"] + extraColumns.map(\.name)
        let list = columns.joined(separator: ", ")
        return [
            "DELETE FROM sessions",
            """
            CREATE TABLE users_roles (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                user_id TEXT NOT NULL,
                username TEXT NOT NULL,
                display_name TEXT NOT NULL,
                email TEXT,
                role TEXT NOT NULL CHECK (role IN (\(roles))),
                manager_id TEXT,
                password_hash TEXT NOT NULL,
                active BOOLEAN NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                row_version BIGINT NOT NULL,\(extraColumns.map { "\n    \($0.name) \($0.definition)," }.joined())
                PRIMARY KEY (organization_id, user_id),
                UNIQUE (organization_id, username)
            )
            """,
            "INSERT INTO users_roles (\(list)) SELECT \(list) FROM users",
            "DROP TABLE users",
            "ALTER TABLE users_roles RENAME TO users",
        ] + indexes
    }
}
