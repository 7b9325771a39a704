import Foundation
import Performa
import Yams

/// Decoding of YAML/JSON files into the domain's Codable types, with errors that name the line and the field
/// in Italian, and a check that refuses fields the format does not know (a misspelt key would otherwise be
/// dropped without a word, and its data lost).
enum FileDecoding {
    static func readText(_ url: URL) throws -> String {
        let data = try InputLimits.data(contentsOf: url) { FileError(file: url.lastPathComponent, message: $0) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(file: url.lastPathComponent, message: "il file non è in codifica UTF-8")
        }
        return text
    }

    static func compose(_ text: String, fileName: String) throws -> Node {
        if text.utf8.count > InputLimits.maximumFileBytes {
            throw FileError(file: fileName, message: "il file è troppo grande (il massimo è \(InputLimits.megabytes(InputLimits.maximumFileBytes)))")
        }
        // Before Yams builds its tree: anchors, aliases and deep nesting would make it explode.
        if let problem = YAMLShape.problem(in: text) {
            throw FileError(file: fileName, line: problem.line, message: problem.message)
        }
        do {
            // Scalars keep their text and no implicit tag: `YAMLDecoder` reads numbers, booleans and nulls from the
            // text either way, and resolving tags (seven regular expressions for every key looked up) was most
            // of the cost of reading a file.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw FileError(file: fileName, message: "il file è vuoto")
            }
            return node
        } catch let error as YamlError {
            throw syntaxError(error, fileName: fileName)
        }
    }

    static func decode<T: Codable>(_ type: T.Type, from text: String, fileName: String) throws -> T {
        let node = try compose(text, fileName: fileName)
        let memo = TargetTextMemo()
        let value: T
        do {
            value = try NodeDecoder.decode(T.self, from: node, userInfo: [TargetTextMemo.userInfoKey: memo])
        } catch let error as DecodingError {
            throw translate(error, root: node, fileName: fileName)
        } catch let error as YamlError {
            throw syntaxError(error, fileName: fileName)
        }
        // Every key of the file must be one the model writes back.
        if let unknown = UnknownKeys.first(in: node, comparedWith: try KeyTree.of(value, userInfo: [TargetTextMemo.userInfoKey: memo])) {
            throw FileError(file: fileName, line: unknown.node.mark?.line, column: unknown.node.mark?.column,
                            field: unknown.path, message: "campo sconosciuto «\(unknown.key)»: controllare il nome (vedi docs/plan-format.md)")
        }
        // Every value within the limits every way in keeps (`ValueLimits`).
        if let problem = FieldLimits.firstProblem(in: value, userInfo: [TargetTextMemo.userInfoKey: memo]) {
            let mark = Self.node(at: problem.path, in: node).mark
            throw FileError(file: fileName, line: mark?.line, column: mark?.column, field: fieldPath(problem.path), message: problem.message)
        }
        return value
    }

    /// Sorted keys, so that the same data gives the same bytes; indented for people (files, the command line), or
    /// `compact` for programs (the API: the Brescia scorecard is 40 KB indented and about half of that without).
    static func json<T: Encodable>(_ value: T, compact: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[TargetTextMemo.userInfoKey] = TargetTextMemo()
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    private static func syntaxError(_ error: YamlError, fileName: String) -> FileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return FileError(file: fileName, line: mark.line, column: mark.column, message: "sintassi YAML non valida (\(problem))")
        case .duplicatedKeysInMapping(let duplicates, _):
            return FileError(file: fileName, message: "chiave ripetuta: \(duplicates.joined(separator: ", "))")
        default:
            return FileError(file: fileName, message: "file non leggibile (\(error))")
        }
    }

    /// The node at a coding path, and the deepest node reached when the path goes further than the file.
    static func node(at path: [CodingKey], in root: Node) -> Node {
        var current = root
        for key in path {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let mapping = current.mapping, let next = mapping[key.stringValue] {
                current = next
            } else {
                break
            }
        }
        return current
    }

    /// `areas[2].objectives[1].weight`, with 1-based indexes as a reader counts them.
    static func fieldPath(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index + 1)]"
            } else if !key.stringValue.hasPrefix("Index ") {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func translate(_ error: DecodingError, root: Node, fileName: String) -> FileError {
        func located(_ path: [CodingKey], _ message: String) -> FileError {
            let mark = node(at: path, in: root).mark
            return FileError(file: fileName, line: mark?.line, column: mark?.column, field: fieldPath(path), message: message)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return located(context.codingPath, "campo obbligatorio mancante: «\(key.stringValue)»")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "valore mancante (atteso \(italianName(type)))")
        case .typeMismatch(let type, let context):
            return located(context.codingPath, "valore non valido: atteso \(italianName(type))")
        case .dataCorrupted(let context):
            let message = context.debugDescription.isEmpty || context.debugDescription.hasPrefix("Cannot") || context.debugDescription.hasPrefix("The given")
                ? "valore non valido" : context.debugDescription
            return located(context.codingPath, message)
        @unknown default:
            return FileError(file: fileName, message: "file non valido")
        }
    }

    private static func italianName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: return "un numero intero"
        case is Double.Type: return "un numero"
        case is Bool.Type: return "true oppure false"
        case is String.Type: return "un testo"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "un elenco" }
            if name.hasPrefix("Dictionary") { return "una tabella di chiavi" }
            return "una struttura (\(name))"
        }
    }
}

/// Finds a key present in a file but absent from the keys the decoded value writes: a key the model does not know.
enum UnknownKeys {
    struct Finding {
        let key: String
        let path: String
        let node: Node
    }

    static func first(in input: Node, comparedWith encoded: KeyTree, path: String = "") -> Finding? {
        switch input {
        case .mapping(let given):
            guard let kept = encoded.mapping else { return nil }
            for (key, value) in given {
                let name = key.string ?? ""
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                guard let counterpart = kept[name] else {
                    if isNull(value) { continue }
                    return Finding(key: name, path: childPath, node: key)
                }
                if let finding = first(in: value, comparedWith: counterpart, path: childPath) { return finding }
            }
            return nil
        case .sequence(let given):
            guard let kept = encoded.sequence else { return nil }
            for (index, pair) in zip(given, kept).enumerated() {
                if let finding = first(in: pair.0, comparedWith: pair.1, path: "\(path)[\(index + 1)]") { return finding }
            }
            return nil
        default:
            return nil
        }
    }

    private static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
