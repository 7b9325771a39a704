import SQLKit

/// Schema version 9: single sign-on with OpenID Connect. `users.fiscal_code` is the *codice fiscale* a user is
/// matched by when the provider gives one (SPID/CIE through a broker), unique within the organization when present;
/// `sign_on_requests` holds each started sign-on until its callback takes it (once) or it expires, so that any
/// replica can complete it. Behind the tenant wall like every table of tenant data.
enum SignOnIdentity {
    static let migration = Migration(version: 9, name: "accesso unico (OpenID Connect)") { database, dialect in
        try await dialect.run([
            "ALTER TABLE users ADD COLUMN fiscal_code TEXT",
            "CREATE UNIQUE INDEX users_fiscal_code ON users (organization_id, fiscal_code)",
            """
            CREATE TABLE sign_on_requests (
                organization_id TEXT NOT NULL REFERENCES organizations (organization_id),
                state_hash TEXT NOT NULL,
                nonce TEXT NOT NULL,
                code_verifier TEXT NOT NULL,
                target TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                PRIMARY KEY (organization_id, state_hash)
            )
            """,
        ] + dialect.tenantWall("sign_on_requests"), on: database)
    }
}
