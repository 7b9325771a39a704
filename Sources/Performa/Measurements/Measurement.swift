/// A measurement (*rilevazione*): the value of one indicator at one checkpoint, with its note and author.
/// A correction is a new measurement of the same indicator and checkpoint; the last one counts.
public struct Measurement: Hashable, Sendable {
    public var indicator: IndicatorKey
    public var at: Day
    public var value: MeasuredValue
    /// The value as entered, kept for printing.
    public var text: String
    public var note: String?
    public var author: String?
    /// When it was recorded, ISO 8601, as the store or the file gives it.
    public var recordedAt: String?
    /// Evidence documents (names or references).
    public var evidence: [String]?

    public init(indicator: IndicatorKey, at: Day, text: String, note: String? = nil, author: String? = nil) throws(MeasurementError) {
        guard let value = MeasuredValue.parse(text) else { throw .unreadable(text) }
        self.indicator = indicator
        self.at = at
        self.value = value
        self.text = text
        self.note = note
        self.author = author
    }
}

public enum MeasurementError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let text):
            return "Valore non leggibile: «\(text)». Esempi validi: 1.489, 95%, SI, NO, raggiunto, parziale 60%, 475/500, 20/12/2021."
        }
    }
}

extension Measurement: Codable {
    private enum Keys: String, CodingKey { case indicator, at, value, note, author, recordedAt, evidence }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let text: String
        if let string = try? c.decode(String.self, forKey: .value) {
            text = string
        } else if let bool = try? c.decode(Bool.self, forKey: .value) {
            text = bool ? "SI" : "NO"
        } else {
            text = ItalianNumber.format(try c.decode(Double.self, forKey: .value), fractionDigits: 6)
        }
        guard let value = MeasuredValue.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: c, debugDescription: MeasurementError.unreadable(text).description)
        }
        self.indicator = try c.decode(IndicatorKey.self, forKey: .indicator)
        self.at = try c.decode(Day.self, forKey: .at)
        self.value = value
        self.text = text
        self.note = try c.decodeIfPresent(String.self, forKey: .note)
        self.author = try c.decodeIfPresent(String.self, forKey: .author)
        self.recordedAt = try c.decodeIfPresent(String.self, forKey: .recordedAt)
        self.evidence = try c.decodeIfPresent([String].self, forKey: .evidence)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(at, forKey: .at)
        try c.encode(text, forKey: .value)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(author, forKey: .author)
        try c.encodeIfPresent(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(evidence, forKey: .evidence)
    }
}
