import Foundation

/// A euro amount as written in the plan (`€ 50.000,00`, `-`, `//`, `€ _____`), with its value in cents
/// when the text states one. The text is kept so that documents print what the plan says.
public struct Amount: Hashable, Sendable {
    public var text: String
    /// Value in euro cents; nil when the text states no amount or cannot be read.
    public var cents: Int64? { Amount.parseCents(text) }

    public init(_ text: String) { self.text = text }

    public init(cents: Int64) { self.text = ItalianNumber.euro(cents: cents) }

    /// True for the plan's ways of saying "no amount": `-`, `//`, empty.
    public var isNone: Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t == "-" || t == "--" || t == "//" || t == "—"
    }

    /// True when the text claims an amount (has a euro sign or digits) but it cannot be read.
    public var isUnreadable: Bool { !isNone && cents == nil }

    public var euros: Double? { cents.map { Double($0) / 100 } }

    static func parseCents(_ raw: String) -> Int64? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        for token in ["€", "EUR", "euro", "Euro"] { text = text.replacingOccurrences(of: token, with: "") }
        text = text.trimmingCharacters(in: .whitespaces)
        guard let value = ItalianNumber.parse(text) else { return nil }
        return Int64((value * 100).rounded(.toNearestOrAwayFromZero))
    }
}

extension Amount: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self.init(cents: Int64((number * 100).rounded(.toNearestOrAwayFromZero)))
        } else {
            self.init(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
