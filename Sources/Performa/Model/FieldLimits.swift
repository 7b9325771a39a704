/// Applies `ValueLimits` to every field of a plan or of results (or of any record of them): each text against its
/// kind's length and the control-character rule, each weight or share against 0–100, an OIV's achievement against
/// its scale, every other number against the largest plausible one. The walk is an `Encoder`, so a field added to
/// the model later is checked without being listed here; a field's kind is told by its key.
public enum FieldLimits {
    /// The first field out of its limits: where it is (the coding path, with `intValue` for positions in a list)
    /// and an Italian message.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var path: [any CodingKey]
        public var message: String

        /// `areas[2].objectives[1].weight`, 1-based as a reader counts.
        public var field: String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index + 1)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }

        public var description: String { field.isEmpty ? message : "\(field): \(message)" }
    }

    /// Keys whose numbers are weights or shares in percent.
    static let weightKeys: Set<String> = ["weight", "ownIndicators", "operationalObjectives", "relevance"]
    /// Keys whose numbers are an OIV's validated achievement.
    static let achievementKeys: Set<String> = ["achievement"]
    /// Keys whose texts are titles, codes, names or identifiers.
    static let titleKeys: Set<String> = ["id", "code", "title", "subtitle", "name", "shortName", "printedTitle", "label", "key"]
    /// Keys whose texts are running text.
    static let chapterKeys: Set<String> = ["text", "description"]

    /// The first field of `value` out of its limits; nil when every field is within them.
    /// - Parameter userInfo: handed to the values' `encode(to:)`; a `TargetTextMemo` there spares parsing target texts
    ///   again (a target's encoding compares its kind with its text's reading).
    public static func firstProblem<T: Encodable>(in value: T, userInfo: [CodingUserInfoKey: Any] = [:]) -> Problem? {
        do {
            try value.encode(to: LimitEncoder(codingPath: [], userInfo: userInfo))
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return Problem(path: [], message: "valore non valido")
        }
    }

    /// The last named key of a path: `weight` for `areas[1].objectives[2].weight`, `targets` for `targets[3]`.
    static func name(of path: [any CodingKey]) -> String? {
        path.last { $0.intValue == nil }?.stringValue
    }

    static func check(_ text: String, at path: [any CodingKey]) throws {
        let name = name(of: path) ?? ""
        let kind: ValueLimits.TextKind = titleKeys.contains(name) ? .title : chapterKeys.contains(name) ? .chapter : .note
        if let message = ValueLimits.textProblem(text, kind) { throw Problem(path: path, message: message) }
    }

    static func check(_ number: Double, at path: [any CodingKey]) throws {
        let name = name(of: path) ?? ""
        let message = weightKeys.contains(name) ? ValueLimits.weightProblem(number)
            : achievementKeys.contains(name) ? ValueLimits.achievementProblem(number)
            : number.isFinite ? ValueLimits.numberProblem(number) : "numero non valido: sono ammessi solo numeri finiti"
        if let message { throw Problem(path: path, message: message) }
    }
}

/// The position of an element in a list, as a coding key.
private struct PositionKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

private struct LimitEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(LimitKeyedContainer<Key>(codingPath: codingPath, userInfo: userInfo))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { LimitUnkeyedContainer(codingPath: codingPath, userInfo: userInfo) }
    func singleValueContainer() -> any SingleValueEncodingContainer { LimitSingleValueContainer(codingPath: codingPath, userInfo: userInfo) }
}

private struct LimitKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { try FieldLimits.check(value, at: codingPath + [key]) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try FieldLimits.check(value, at: codingPath + [key]) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: LimitEncoder(codingPath: codingPath + [key], userInfo: userInfo))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(LimitKeyedContainer<NestedKey>(codingPath: codingPath + [key], userInfo: userInfo))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { LimitUnkeyedContainer(codingPath: codingPath + [key], userInfo: userInfo) }
    mutating func superEncoder() -> any Encoder { LimitEncoder(codingPath: codingPath, userInfo: userInfo) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { LimitEncoder(codingPath: codingPath + [key], userInfo: userInfo) }
}

private struct LimitUnkeyedContainer: UnkeyedEncodingContainer {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    var count = 0

    init(codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    private mutating func nextPath() -> [any CodingKey] {
        defer { count += 1 }
        return codingPath + [PositionKey(count)]
    }

    mutating func encodeNil() throws { count += 1 }
    mutating func encode(_ value: String) throws { try FieldLimits.check(value, at: nextPath()) }
    mutating func encode(_ value: Double) throws { try FieldLimits.check(value, at: nextPath()) }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: LimitEncoder(codingPath: nextPath(), userInfo: userInfo)) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(LimitKeyedContainer<NestedKey>(codingPath: nextPath(), userInfo: userInfo))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { LimitUnkeyedContainer(codingPath: nextPath(), userInfo: userInfo) }
    mutating func superEncoder() -> any Encoder { LimitEncoder(codingPath: nextPath(), userInfo: userInfo) }
}

private struct LimitSingleValueContainer: SingleValueEncodingContainer {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws {}
    mutating func encode(_ value: String) throws { try FieldLimits.check(value, at: codingPath) }
    mutating func encode(_ value: Double) throws { try FieldLimits.check(value, at: codingPath) }
    mutating func encode(_ value: Float) throws { try FieldLimits.check(Double(value), at: codingPath) }
    mutating func encode(_ value: Int) throws {}
    mutating func encode(_ value: Int8) throws {}
    mutating func encode(_ value: Int16) throws {}
    mutating func encode(_ value: Int32) throws {}
    mutating func encode(_ value: Int64) throws {}
    mutating func encode(_ value: UInt) throws {}
    mutating func encode(_ value: UInt8) throws {}
    mutating func encode(_ value: UInt16) throws {}
    mutating func encode(_ value: UInt32) throws {}
    mutating func encode(_ value: UInt64) throws {}
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: LimitEncoder(codingPath: codingPath, userInfo: userInfo)) }
}
