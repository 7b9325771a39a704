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
        let t = String(Substring(PlainText.trimmingSpaces(text)))
        return t.isEmpty || t == "-" || t == "--" || t == "//" || t == "—"
    }

    /// True when the text claims an amount (has a euro sign or digits) but it cannot be read.
    public var isUnreadable: Bool { !isNone && cents == nil }

    public var euros: Double? { cents.map { Double($0) / 100 } }

    static func parseCents(_ raw: String) -> Int64? {
        // The currency words removed one after the other, as `replacingOccurrences` did (a text with one of them
        // inside a longer cluster is unreadable either way); no trimming around: `ItalianNumber.parse` trims.
        var text = raw
        if raw.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") || $0 >= 0x80 }) {
            var bytes = Array(raw.utf8)
            for token in currencyWords { bytes = removing(token, from: bytes) }
            text = String(decoding: bytes, as: UTF8.self)
        }
        guard let value = ItalianNumber.parse(text) else { return nil }
        return cents(euros: value)
    }

    private static let currencyWords: [[UInt8]] = ["€", "EUR", "euro", "Euro"].map { Array($0.utf8) }

    /// Every occurrence of `token`, left to right, taken out. UTF-8 is self-synchronising: a match of the
    /// token's bytes always starts on a scalar, so this removes the same scalars as a scalar search.
    private static func removing(_ token: [UInt8], from scalars: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == token[0], index + token.count <= scalars.count, scalars[index..<index + token.count].elementsEqual(token) {
                index += token.count
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// Euro to cents; nil for a value no amount can have (not finite, beyond ±90 million billion euro).
    public static func cents(euros value: Double) -> Int64? {
        let cents = (value * 100).rounded(.toNearestOrAwayFromZero)
        guard cents.isFinite, abs(cents) < 9.2e18 else { return nil }
        return Int64(cents)
    }
}

extension Amount: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            guard let cents = Amount.cents(euros: number) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "importo fuori scala: \(number)")
            }
            self.init(cents: cents)
        } else {
            self.init(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
