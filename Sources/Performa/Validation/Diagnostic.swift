/// A finding about a plan: a stable code (`W-SUM`), a severity, where it is, and an Italian message.
public struct Diagnostic: Codable, Hashable, Sendable, Comparable {
    public enum Severity: String, Codable, Hashable, Sendable, Comparable {
        case error, warning, info

        public var italian: String {
            switch self {
            case .error: return "errore"
            case .warning: return "avviso"
            case .info: return "nota"
            }
        }

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .info: return 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var code: String
    public var severity: Severity
    /// Where: an objective key (`3.2.1`), an indicator key (`3.2.1/2`), `dirigente:ziletti`, `area:2`, `piano`.
    public var location: String
    public var message: String
    /// Line in the plan file, when the plan was read from one.
    public var line: Int?

    public init(code: String, severity: Severity, location: String, message: String, line: Int? = nil) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
        self.line = line
    }

    /// Errors first, then by location in plan order, then by code.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        if a.location != b.location { return ObjectiveCode.precedes(a.location, b.location) }
        return a.code < b.code
    }
}
