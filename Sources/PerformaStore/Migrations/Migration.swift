import SQLKit

/// One numbered, forward-only step of the schema. Applied once, in its own transaction, and recorded in
/// `schema_migrations`; never edited after release (a change is a new migration).
struct Migration: Sendable {
    let version: Int
    let name: String
    let apply: @Sendable (any SQLDatabase, SchemaDialect) async throws -> Void

    /// Every migration, in order. The current schema version is the last one's.
    static let all: [Migration] = [InitialSchema.migration, CollectionCampaigns.migration, DataVersions.migration, SessionLookup.migration,
                                   BatchedSessionLookup.migration, JudgedValues.migration, IndividualAppraisal.migration,
                                   MailNotifications.migration, SignOnIdentity.migration, CorruptionPrevention.migration,
                                   MailSenderLookups.migration, CommitNotifications.migration]
    static var latestVersion: Int { all.last?.version ?? 0 }
}
