/// Identity of an indicator across plan versions: its objective's key and its number, written `1.1.2/1`
/// (agency objectives: `PB.1/2`). Measurements attach to this key.
public struct IndicatorKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var objective: String
    public var number: Int

    public init(objective: String, number: Int) {
        self.objective = objective
        self.number = number
    }

    public init?(parsing text: String) {
        // Stored keys (`1.1.2/1`) are plain ASCII without blanks: split at the last slash, nothing to trim.
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 }) {
            guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")), slash != text.utf8.startIndex,
                  let number = Int(text[text.index(after: slash)...]) else { return nil }
            self.init(objective: String(text[..<slash]), number: number)
            return
        }
        guard let slash = text.lastIndex(of: "/"), let number = Int(text[text.index(after: slash)...].trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        let objective = text[..<slash].trimmingCharacters(in: .whitespaces)
        guard !objective.isEmpty else { return nil }
        self.init(objective: objective, number: number)
    }

    public var description: String { "\(objective)/\(number)" }

    public static func < (lhs: IndicatorKey, rhs: IndicatorKey) -> Bool { lhs.sortKey < rhs.sortKey }

    /// What `<` compares: the objective's code part by part (1.1.2 before 1.1.10), then the number. Making it splits
    /// the code, so a sort of many keys makes each one once rather than at every comparison.
    public var sortKey: SortKey { SortKey(objective: ObjectiveCode.sortKey(objective), number: number) }

    public struct SortKey: Comparable, Sendable {
        let objective: [ObjectiveCode.SortPart]
        let number: Int

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            lhs.objective != rhs.objective ? lhs.objective.lexicographicallyPrecedes(rhs.objective) : lhs.number < rhs.number
        }
    }
}

extension IndicatorKey: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = IndicatorKey(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "indicatore non valido: «\(text)» (atteso OBIETTIVO/N, es. 1.1.2/1)")
        }
        self = key
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Objective codes (`1`, `1.2`, `1.2.10`, `PB.1`) and locations (`1.2.1/3`, `dirigente:rossi`) compared
/// part by part, numbers as numbers and before words: `1.1` < `1.1/2` < `1.1/10` < `1.1.1` < `PB.1` < `piano`.
public enum ObjectiveCode {
    public static func sortKey(_ code: String) -> [SortPart] {
        code.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == ":" }).map { part in
            Int(part).map(SortPart.number) ?? .text(String(part))
        }
    }

    /// Numbers sort before words (case order matters for the synthesized `Comparable`).
    public enum SortPart: Comparable, Sendable {
        case number(Int)
        case text(String)
    }

    public static func precedes(_ a: String, _ b: String) -> Bool {
        sortKey(a).lexicographicallyPrecedes(sortKey(b))
    }

    /// The parent code (`2.4.1` → `2.4`); nil for a top-level code.
    public static func parent(of code: String) -> String? {
        guard let dot = code.lastIndex(of: ".") else { return nil }
        return String(code[..<dot])
    }
}
