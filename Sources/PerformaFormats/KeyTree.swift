/// The keys a value writes when encoded, as a tree: what the check for unknown fields compares a file with.
/// Built by a small `Encoder` that keeps keys only — the same keys `YAMLEncoder` would write (`encodeIfPresent`
/// of nil writes none, `encodeNil` writes one) without producing YAML text and parsing it again, which cost
/// more than reading the file.
final class KeyTree {
    /// The keys written, when the value was written as a mapping.
    private(set) var mapping: [String: KeyTree]?
    /// The elements written, when the value was written as a sequence.
    private(set) var sequence: [KeyTree]?

    static func of<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: Any] = [:]) throws -> KeyTree {
        let tree = KeyTree()
        try value.encode(to: KeyTreeEncoder(tree: tree, codingPath: [], userInfo: userInfo))
        return tree
    }

    fileprivate func child(forKey key: String) -> KeyTree {
        becomeMapping()
        if let child = mapping?[key] { return child }
        let child = KeyTree()
        mapping?[key] = child
        return child
    }

    fileprivate func appendChild() -> KeyTree {
        becomeSequence()
        let child = KeyTree()
        sequence?.append(child)
        return child
    }

    fileprivate func becomeMapping() {
        if mapping == nil { mapping = [:] }
    }

    fileprivate func becomeSequence() {
        if sequence == nil { sequence = [] }
    }
}

private struct KeyTreeEncoder: Encoder {
    let tree: KeyTree
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.becomeMapping()
        return KeyedEncodingContainer(KeyedContainer<Key>(tree: tree, codingPath: codingPath, userInfo: userInfo))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.becomeSequence()
        return UnkeyedContainer(tree: tree, codingPath: codingPath, userInfo: userInfo)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(tree: tree, codingPath: codingPath, userInfo: userInfo) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: KeyTree
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    mutating func encodeNil(forKey key: Key) throws { _ = tree.child(forKey: key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: KeyTreeEncoder(tree: tree.child(forKey: key.stringValue), codingPath: codingPath + [key], userInfo: userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyTreeEncoder(tree: tree.child(forKey: key.stringValue), codingPath: codingPath + [key], userInfo: userInfo).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        KeyTreeEncoder(tree: tree.child(forKey: key.stringValue), codingPath: codingPath + [key], userInfo: userInfo).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { KeyTreeEncoder(tree: tree.child(forKey: "super"), codingPath: codingPath, userInfo: userInfo) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        KeyTreeEncoder(tree: tree.child(forKey: key.stringValue), codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let tree: KeyTree
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    var count: Int { tree.sequence?.count ?? 0 }

    mutating func encodeNil() throws { _ = tree.appendChild() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: KeyTreeEncoder(tree: tree.appendChild(), codingPath: codingPath, userInfo: userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyTreeEncoder(tree: tree.appendChild(), codingPath: codingPath, userInfo: userInfo).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        KeyTreeEncoder(tree: tree.appendChild(), codingPath: codingPath, userInfo: userInfo).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { KeyTreeEncoder(tree: tree.appendChild(), codingPath: codingPath, userInfo: userInfo) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let tree: KeyTree
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws {}
    mutating func encode(_ value: String) throws {}
    mutating func encode(_ value: Double) throws {}
    mutating func encode(_ value: Float) throws {}
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
    /// A value of its own (a struct written as one value) writes its keys in this place.
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: KeyTreeEncoder(tree: tree, codingPath: codingPath, userInfo: userInfo)) }
}
