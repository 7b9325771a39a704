import Foundation
import Performa
import Yams

/// A target or a baseline in one cell. Normally its text, which the target parser reads on import, as the
/// plan file does. A target whose kind is given explicitly in the plan (because the parser's reading is
/// not what the plan means) is written as the plan file's mapping in JSON (`{"kind":"milestone",…}`),
/// so that the explicit reading survives the round trip.
enum TargetCell {
    static func text(_ target: Target?) -> String? {
        guard let target else { return nil }
        guard target.isExplicit else { return target.text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(target) else { return target.text }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a cell: a `{…}` mapping (JSON or YAML flow style) is an explicit target, anything else its text.
    static func target(from text: String) throws -> Target {
        guard text.trimmingCharacters(in: .whitespaces).hasPrefix("{") else { return Target(parsing: text) }
        return try YAMLDecoder().decode(Target.self, from: text)
    }
}
