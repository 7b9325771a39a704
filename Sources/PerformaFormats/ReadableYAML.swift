import Foundation
import Performa
import Yams

/// YAML as a person writes it, for plan and results files that are read and edited by hand (as the Brescia file
/// is): accented letters as they are (`Attività`, not `Attivit\xE0`) and numbers in plain decimals (`50`, `12.5`),
/// where Yams' encoder writes every Double in scientific notation (`5e+1`) and escapes everything outside ASCII.
enum ReadableYAML {
    static func text<T: Encodable>(_ value: T) throws -> String {
        // Yams' own encoder decides the layout and which strings need quotes; its floats are then rewritten.
        let encoded = try YAMLEncoder().encode(value, userInfo: [TargetTextMemo.userInfoKey: TargetTextMemo()])
        guard let node = try Yams.compose(yaml: encoded) else { return encoded }
        return try Yams.serialize(node: plain(node), allowUnicode: true)
    }

    /// The node with every number written in plain decimals; quoted strings are never numbers.
    static func plain(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            // Plain scalars that read as numbers are numbers: Yams quotes any string that would look like one.
            guard scalar.style == .plain, let number = Double(scalar.string), number.isFinite else { return node }
            return .scalar(Node.Scalar(decimal(number), Tag(.float), .plain))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { (plain($0.key), plain($0.value)) }, mapping.tag, mapping.style))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(plain), sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }

    /// `50`, `12.5`, `0.333333333333333`: whole numbers without a decimal point, others as Swift's shortest text
    /// that reads back to the same Double.
    static func decimal(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
