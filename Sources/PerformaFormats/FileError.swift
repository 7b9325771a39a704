/// An error in a plan or results file, in Italian, naming the file, the line and the field.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Path of the field, 1-based indexes: `areas[2].objectives[1].indicators[3].weight`.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ", riga \(line)" }
        if let field, !field.isEmpty { place += " (campo \(field))" }
        return "\(place): \(message)"
    }
}
