/// File form of targets: a plain string is parsed; a mapping states the kind explicitly.
///
///     target: "Almeno 100"                                  # parsed
///     target: {text: "100,00 %", kind: milestone}           # explicit
///     target: {text: "…", kind: atLeast, value: 20, unit: "visite"}
extension Target: Codable {
    private enum Keys: String, CodingKey { case text }

    public init(from decoder: Decoder) throws {
        let memo = TargetTextMemo.of(decoder.userInfo)
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(text: text, kind: memo?.kind(of: text) ?? TargetParser.parse(text), isExplicit: false)
            return
        }
        if let single = try? decoder.singleValueContainer(), let number = try? single.decode(Double.self) {
            let text = ItalianNumber.format(number, fractionDigits: 6)
            self.init(text: text, kind: memo?.kind(of: text) ?? TargetParser.parse(text), isExplicit: false)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        let text = try container.decode(String.self, forKey: .text)
        self.init(text: text, kind: try TargetKind(from: decoder), isExplicit: true)
    }

    public func encode(to encoder: Encoder) throws {
        if !isExplicit && (TargetTextMemo.of(encoder.userInfo)?.kind(of: text) ?? TargetParser.parse(text)) == kind {
            var single = encoder.singleValueContainer()
            try single.encode(text)
            return
        }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(text, forKey: .text)
        try kind.encode(to: encoder)
    }
}

/// What a collection campaign needs of a stored target (`IndicatorTarget`'s coding): its day, and whether it asks
/// for a value — read without parsing the target's text, which is most of the cost of decoding a plan.
public struct TargetCheckpoint: Decodable, Sendable {
    public let at: Day
    public let asksForValue: Bool

    private enum Keys: String, CodingKey { case at, target }

    private struct Applicability: Decodable {
        let applies: Bool
        init(from decoder: Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
                applies = !TargetParser.isNotApplicable(text)
            } else if let single = try? decoder.singleValueContainer(), (try? single.decode(Double.self)) != nil {
                applies = true
            } else {
                applies = try TargetKind(from: decoder) != .notApplicable
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        at = try container.decode(Day.self, forKey: .at)
        asksForValue = try container.decode(Applicability.self, forKey: .target).applies
    }
}

extension TargetKind: Codable {
    private enum Keys: String, CodingKey {
        case kind, value, unit, per, channels, parts, label, numerator, denominator, date
    }

    private enum Name: String, Codable {
        case notApplicable, yesNo, atLeast, atMost, percentAtLeast, percentAtMost, change, rate, compound, milestone, ratio, deadline
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(Name.self, forKey: .kind) {
        case .notApplicable: self = .notApplicable
        case .yesNo: self = .yesNo(try c.decodeIfPresent(Bool.self, forKey: .value) ?? true)
        case .atLeast: self = .atLeast(try c.decode(Double.self, forKey: .value), unit: try c.decodeIfPresent(String.self, forKey: .unit))
        case .atMost: self = .atMost(try c.decode(Double.self, forKey: .value), unit: try c.decodeIfPresent(String.self, forKey: .unit))
        case .percentAtLeast: self = .percentAtLeast(try c.decode(Double.self, forKey: .value))
        case .percentAtMost: self = .percentAtMost(try c.decode(Double.self, forKey: .value))
        case .change: self = .change(try c.decode(Double.self, forKey: .value))
        case .rate:
            self = .rate(try c.decode(Double.self, forKey: .value), per: try c.decode(String.self, forKey: .per),
                         channels: try c.decodeIfPresent(Int.self, forKey: .channels) ?? 1)
        case .compound: self = .compound(try c.decode([TargetKind].self, forKey: .parts))
        case .milestone: self = .milestone(try c.decodeIfPresent(String.self, forKey: .label) ?? "")
        case .ratio:
            self = .ratio(numerator: try c.decode(String.self, forKey: .numerator), denominator: try c.decode(String.self, forKey: .denominator),
                          atLeastPercent: try c.decode(Double.self, forKey: .value))
        case .deadline: self = .deadline(try c.decode(Day.self, forKey: .date))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .notApplicable: try c.encode(Name.notApplicable, forKey: .kind)
        case .yesNo(let v):
            try c.encode(Name.yesNo, forKey: .kind)
            try c.encode(v, forKey: .value)
        case .atLeast(let v, let unit):
            try c.encode(Name.atLeast, forKey: .kind)
            try c.encode(v, forKey: .value)
            try c.encodeIfPresent(unit, forKey: .unit)
        case .atMost(let v, let unit):
            try c.encode(Name.atMost, forKey: .kind)
            try c.encode(v, forKey: .value)
            try c.encodeIfPresent(unit, forKey: .unit)
        case .percentAtLeast(let v):
            try c.encode(Name.percentAtLeast, forKey: .kind)
            try c.encode(v, forKey: .value)
        case .percentAtMost(let v):
            try c.encode(Name.percentAtMost, forKey: .kind)
            try c.encode(v, forKey: .value)
        case .change(let v):
            try c.encode(Name.change, forKey: .kind)
            try c.encode(v, forKey: .value)
        case .rate(let v, let per, let channels):
            try c.encode(Name.rate, forKey: .kind)
            try c.encode(v, forKey: .value)
            try c.encode(per, forKey: .per)
            try c.encode(channels, forKey: .channels)
        case .compound(let parts):
            try c.encode(Name.compound, forKey: .kind)
            try c.encode(parts, forKey: .parts)
        case .milestone(let label):
            try c.encode(Name.milestone, forKey: .kind)
            try c.encode(label, forKey: .label)
        case .ratio(let n, let d, let p):
            try c.encode(Name.ratio, forKey: .kind)
            try c.encode(n, forKey: .numerator)
            try c.encode(d, forKey: .denominator)
            try c.encode(p, forKey: .value)
        case .deadline(let day):
            try c.encode(Name.deadline, forKey: .kind)
            try c.encode(day, forKey: .date)
        }
    }
}
