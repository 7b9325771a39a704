import Foundation
import Yams

/// Decodes a Codable value from a composed YAML tree (Yams' `Node`), with the same results and the same
/// `DecodingError`s as Yams' `YAMLDecoder` on the files Performa reads (scalars are built by Yams' own
/// `ScalarConstructible` types, so numbers, booleans and nulls read exactly as before).
///
/// Why not `YAMLDecoder`: it finds a key by scanning the mapping and building a `Node` for every key it compares,
/// and copies the mapping for every container; on a plan of 300 indicators that was about 60% of reading the
/// file (`perf-probe import-national`). Here each mapping is hashed once into a dictionary. Anchors and aliases
/// need no support: `YAMLShape` refuses them before the tree is built.
struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    init(_ node: Node, codingPath: [any CodingKey] = [], userInfo: [CodingUserInfoKey: Any] = [:]) {
        self.node = node
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    static func decode<T: Decodable>(_ type: T.Type, from node: Node, userInfo: [CodingUserInfoKey: Any] = [:]) throws -> T {
        try NodeDecoder(node, userInfo: userInfo).decodeValue(type)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(expecting: Node.Mapping.self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(expecting: Node.Sequence.self) }
        return UnkeyedContainer(decoder: self, elements: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    func child(_ node: Node, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node, codingPath: codingPath + [key], userInfo: userInfo)
    }

    var isNull: Bool { node.null != nil }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        guard let constructible = type as? any ScalarConstructible.Type else { return try T(from: self) }
        guard case .scalar(let scalar) = node else { throw mismatch(expecting: Node.Scalar.self) }
        guard let value = constructible.construct(from: scalar) as? T else { throw mismatch(expecting: type) }
        return value
    }

    func mismatch(expecting type: Any.Type) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(node) instead."))
    }

    /// The key of the element at `index` of a sequence, as Yams names it (`Index 3`; `FileDecoding.fieldPath` skips it).
    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { return nil }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    /// The mapping's values by key text, and the keys in file order.
    let values: [String: Node]
    let keyOrder: [String]

    init(decoder: NodeDecoder, mapping: Node.Mapping) {
        self.decoder = decoder
        var values: [String: Node] = [:], order: [String] = []
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let name = key.string, values[name] == nil else { continue }
            values[name] = value
            order.append(name)
        }
        self.values = values
        keyOrder = order
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { keyOrder.compactMap(Key.init(stringValue:)) }
    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    private func child(_ key: Key) throws -> NodeDecoder {
        guard let node = values[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return decoder.child(node, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [Node]
    var currentIndex = 0

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The decoder of the current element; the index moves on only when `body` succeeds.
    private mutating func next<T>(_ type: T.Type, _ body: (NodeDecoder) throws -> T) throws -> T {
        let key = NodeDecoder.IndexKey(currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(codingPath: codingPath + [key], debugDescription: "Unkeyed container is at end."))
        }
        let value = try body(decoder.child(elements[currentIndex], key))
        currentIndex += 1
        return value
    }

    /// Consumes the current element only when it is null.
    mutating func decodeNil() throws -> Bool {
        guard try next(Bool.self, { $0.isNull }) else {
            currentIndex -= 1
            return false
        }
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decodeValue(type) } }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { try $0.container(keyedBy: type) }
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { try $0.unkeyedContainer() }
    }
    mutating func superDecoder() throws -> any Decoder { try next((any Decoder).self) { $0 } }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.isNull }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
