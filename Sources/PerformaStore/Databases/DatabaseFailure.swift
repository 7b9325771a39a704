import PostgresNIO
import SQLiteNIO

/// The few database errors the store treats specially, recognised in both dialects.
enum DatabaseFailure {
    /// A primary-key or unique constraint refused a row: two writers raced for the same revision or key.
    case duplicateKey
    /// The SQLite file stayed locked by another process beyond the busy timeout.
    case busy
    /// The disk holding the database is full (SQLite) or PostgreSQL ran out of space.
    case diskFull
    /// The database cannot be written: a read-only file or disk, or a read-only PostgreSQL (a standby).
    case readOnly
    /// The disk refused a read or write (a failing or vanished device).
    case diskError
    /// The connection to PostgreSQL is gone (server restarted or unreachable); the pool reconnects by itself.
    case unreachable
    /// Any other error of a database driver, or data in the database that does not decode.
    case other
    /// Not a database error at all (the store's own, a caller's): passed on unchanged.
    case notDatabase

    init(_ error: any Error) {
        if let error = error as? SQLiteError {
            switch error.reason {
            case .constraintPrimaryKeyFailed, .constraintUniqueFailed: self = .duplicateKey
            case .busy, .busyTimeout, .locked: self = .busy
            case .full: self = .diskFull
            case .readOnly, .readonlyCantLock, .readonlyDirectory, .readonlyInRecovery, .readonlyInRollback, .readonlyBackingMoved: self = .readOnly
            case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync: self = .diskError
            default: self = .other
            }
        } else if let error = error as? PSQLError {
            switch (error.code, error.serverInfo?[.sqlState]) {
            case (_, "23505"): self = .duplicateKey
            case (_, "53100"): self = .diskFull
            case (_, "25006"): self = .readOnly
            // admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting.
            case (_, "57P01"), (_, "57P02"), (_, "57P03"): self = .unreachable
            case (.serverClosedConnection, _), (.connectionError, _), (.uncleanShutdown, _), (.clientClosedConnection, _): self = .unreachable
            default: self = .other
            }
        } else if error is LiveConnectionDatabase.ConnectionLost {
            self = .unreachable
        } else if error is PostgresDecodingError || error is DecodingError || error is PostgresError {
            self = .other
        } else {
            self = .notDatabase
        }
    }

    /// A readable description of any database error, for `StoreError.database`.
    static func message(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            let detail = [error.serverInfo?[.message], error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: " — ")
            if !detail.isEmpty { return detail }
            // PSQLError keeps its details out of its description on purpose; the cause of a failed connection is safe.
            return error.underlying.map { "\(error.code): \(String(describing: $0))" } ?? "\(error.code)"
        }
        return String(describing: error)
    }
}
