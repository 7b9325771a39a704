import Foundation

/// Where the store lives: `sqlite:./data/performa.sqlite` (the embedded default) or `postgres://user@host:port/db`.
/// Read from `--database` or `PERFORMA_DATABASE_URL`.
public enum DatabaseURL: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(URL)

    public static let defaultSQLite = DatabaseURL.sqlite(path: "./data/performa.sqlite")
    public static let environmentVariable = "PERFORMA_DATABASE_URL"

    /// Parses a database URL; the error message is Italian and says what is accepted.
    public init(parsing text: String) throws(DatabaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw DatabaseURLError(text: text) }
            self = .sqlite(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://"),
                  let url = URL(string: trimmed), url.host != nil {
            self = .postgres(url)
        } else {
            throw DatabaseURLError(text: text)
        }
    }

    /// `--database` wins, then `PERFORMA_DATABASE_URL`, then the embedded SQLite file.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(DatabaseURLError) -> DatabaseURL {
        if let option { return try DatabaseURL(parsing: option) }
        if let value = environment[environmentVariable], !value.isEmpty { return try DatabaseURL(parsing: value) }
        return .defaultSQLite
    }

    /// The URL without its password, safe to print and log.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

public struct DatabaseURLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "Indirizzo del database non valido: «\(text)». Usare sqlite:PERCORSO (es. sqlite:./data/performa.sqlite) oppure postgres://utente@host:porta/database."
    }
}
