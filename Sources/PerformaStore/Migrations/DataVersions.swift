/// Schema version 3: each organization's data version, a counter that every writing transaction of the
/// organization increments before it commits. Readers compare it with the version they cached from (the server's
/// plan and scorecard cache): equal means nothing of the organization changed, on any replica.
enum DataVersions {
    static let migration = Migration(version: 3, name: "versione dei dati per ente") { database, dialect in
        try await dialect.run(["ALTER TABLE organizations ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0"], on: database)
    }
}
