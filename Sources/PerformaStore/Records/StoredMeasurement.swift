import Foundation
import Performa

/// One entry in the history of an indicator at a checkpoint. Entries are never changed: a correction is a new
/// entry with the next revision, and the entry with the highest revision is the current value.
public struct StoredMeasurement: Hashable, Sendable, Codable {
    public var id: String
    public var planID: String
    public var indicator: IndicatorKey
    public var at: Day
    /// 1 for the first value, then one more for each correction.
    public var revision: Int
    /// The value as entered (`1.489`, `95%`, `SI`).
    public var text: String
    public var note: String?
    /// Who the value is attributed to (the dirigente); defaults to whoever entered it.
    public var author: String
    /// Who entered it into the store.
    public var recordedBy: String
    public var recordedAt: Date
    /// The time a results file stated, if any.
    public var statedAt: String?
    /// Evidence references given with the value (names of documents).
    public var evidence: [String]?
    /// Invented figures (demo, examples).
    public var illustrative: Bool
    /// The plan version the value was checked against.
    public var planVersion: Int

    /// The domain measurement, as the scorer reads it.
    public var measurement: Performa.Measurement {
        get throws {
            var result = try Performa.Measurement(indicator: indicator, at: at, text: text, note: note, author: author)
            result.recordedAt = statedAt ?? StoreTime.text(recordedAt)
            result.evidence = evidence
            return result
        }
    }
}

/// A value to record.
public struct MeasurementEntry: Hashable, Sendable {
    public var indicator: IndicatorKey
    public var at: Day
    public var text: String
    public var note: String?
    /// Attributed author; the acting user when nil.
    public var author: String?
    public var evidence: [String]?

    public init(indicator: IndicatorKey, at: Day, text: String, note: String? = nil, author: String? = nil, evidence: [String]? = nil) {
        self.indicator = indicator
        self.at = at
        self.text = text
        self.note = note
        self.author = author
        self.evidence = evidence
    }
}

/// What `importResults` did.
public struct ResultsImportOutcome: Hashable, Sendable {
    public var measurementsAppended = 0
    /// Measurements whose series already ended with the same values (a file imported twice adds nothing).
    public var measurementsAlreadyPresent = 0
    public var neutralisationsWritten = 0
    public var overridesWritten = 0
    public var unchanged = 0

    public init() {}
}
