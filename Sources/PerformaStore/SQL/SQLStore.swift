import Foundation
import Logging
import SQLKit

/// The store, written once against SQLKit for SQLite and PostgreSQL. Its operations live in the extensions beside
/// this file, one per kind of data; this file holds the transaction discipline they all follow.
public final class SQLStore: PerformaStore {
    let database: any StoreDatabase
    public let evidencePolicy: EvidencePolicy
    /// The session lookups of concurrent requests, batched.
    let sessionLookups: LookupBatcher<SessionKey, SignedInSession?>
    /// The sessions found since the last commit, answered from memory (`SessionMemo`); nil where the database gives
    /// no way to tell when there was a commit (then every signed-in request asks it).
    let sessionMemo: SessionMemo?

    /// Where the data is (without secrets): `sqlite:./data/performa.sqlite`, `postgres://performa@host/db`.
    public var address: String { database.address }

    init(database: any StoreDatabase, evidencePolicy: EvidencePolicy = .standard, sessionMemory: Bool = true) {
        self.database = database
        self.evidencePolicy = evidencePolicy
        self.sessionLookups = LookupBatcher(limit: Self.sessionBatchLimit) { keys in
            try await Self.translatingErrors { try await Self.signedIn(keys, on: database) }
        }
        self.sessionMemo = sessionMemory ? database.commitWatch().map { SessionMemo(watch: $0) } : nil
    }

    /// At most this many session lookups share one statement (a few dozen binds; PostgreSQL and SQLite take far more).
    static let sessionBatchLimit = 64

    /// Brings the schema up to date, then returns the store.
    static func open(_ database: any StoreDatabase, evidencePolicy: EvidencePolicy = .standard, sessionMemory: Bool = true) async throws -> SQLStore {
        try await Migrator(database: database).migrate()
        return SQLStore(database: database, evidencePolicy: evidencePolicy, sessionMemory: sessionMemory)
    }

    /// The schema version of the database.
    public func schemaVersion() async throws -> Int {
        try await Migrator(database: database).version()
    }

    /// A read-only transaction of one organization.
    func read<T: Sendable>(_ context: AccessContext, _ body: @Sendable (Scope) async throws -> T) async throws -> T {
        try Self.checkOrganization(context.organization)
        return try await translatingErrors {
            try await database.transaction(.read, organization: context.organization) { db in
                try await body(Scope(db: db, context: context, now: StoreTime.now()))
            }
        }
    }

    /// A writing transaction of one organization: everything in `body`, audit entries included, or nothing.
    /// With `retryingConflicts`, a duplicate key raised by a concurrent writer re-runs the whole transaction
    /// (for appends that do not depend on what the caller read, so that concurrent appends never fail).
    /// Without `changingData`, the organization's data version stays (a write nothing cached depends on: the log of
    /// who read a scheda), so that caches are not thrown away by reads; such a write must not touch what a session
    /// lookup reads either (sessions, users, organizations), since it does not wait for other servers to hear it.
    func write<T: Sendable>(_ context: AccessContext, retryingConflicts: Bool = false, changingData: Bool = true,
                            _ body: @Sendable (Scope) async throws -> T) async throws -> T {
        try Self.checkOrganization(context.organization)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let value = try await translatingErrors {
                    try await database.transaction(.write, organization: context.organization) { db in
                        let value = try await body(Scope(db: db, context: context, now: StoreTime.now()))
                        // Last statement before COMMIT, so the organization's row lock is held only for the commit.
                        if changingData {
                            try await db.raw("""
                                UPDATE organizations SET data_version = data_version + 1 WHERE organization_id = \(bind: context.organization)
                                """).run()
                        }
                        return value
                    }
                }
                // The next request, to this server or another, must find what was just committed.
                if changingData { await database.commitSettled() }
                return value
            } catch StoreError.concurrentWrite where retryingConflicts && attempt < 10 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * attempt))))
            }
        }
    }

    /// Database errors become Italian `StoreError`s; the store's own errors pass through.
    func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        try await Self.translatingErrors(body)
    }

    static func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            switch DatabaseFailure(error) {
            case .duplicateKey: throw StoreError.concurrentWrite
            case .busy: throw StoreError.database("il database è occupato da un'altra operazione oltre il tempo di attesa: riprovare tra poco.")
            case .diskFull: throw StoreError.database("spazio su disco esaurito: nulla è stato salvato. Avvisare l'amministratore del sistema.")
            case .readOnly: throw StoreError.database("il database è in sola lettura (disco o file protetto da scrittura): nulla è stato salvato. Avvisare l'amministratore del sistema.")
            case .diskError: throw StoreError.database("il disco del database ha dato un errore di lettura o scrittura: nulla è stato salvato. Avvisare l'amministratore del sistema.")
            case .unreachable: throw StoreError.database("il database non è raggiungibile in questo momento: nulla è stato salvato. Riprovare tra poco.")
            case .other: throw StoreError.database(DatabaseFailure.message(error))
            case .notDatabase: throw error
            }
        }
    }

    /// Organization ids travel in URLs, session tokens and file names: letters, digits, `-`, `_` and `.` only.
    static func checkOrganization(_ id: String) throws {
        // On bytes: every request's session lookup passes here.
        let bytes = id.utf8
        func allowed(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): return true
            default: return false
            }
        }
        guard (1...64).contains(bytes.count), bytes.allSatisfy(allowed), bytes.first != UInt8(ascii: "."), bytes.first != UInt8(ascii: "-") else {
            throw StoreError.invalid("Identificativo dell'ente non valido: «\(id)». Usare da 1 a 64 caratteri tra lettere, cifre, «-», «_» e «.» (es. cciaa-brescia).")
        }
    }
}
