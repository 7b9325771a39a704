import Foundation
import Performa

/// An OIV-validated achievement as stored: one per subject and checkpoint; the audit log keeps earlier ones.
///
/// A judgement is tied to the values it judged (`judged`): once a value of its subject changes, it no longer
/// counts in any score (`stands` is false), the computed achievement does, and the subject goes back to the OIV.
public struct StoredOverride: Hashable, Sendable, Codable {
    public var planID: String
    public var override: AchievementOverride
    public var recordedBy: String
    public var recordedAt: Date
    public var rowVersion: Int
    /// Every indicator the subject's achievement is computed from, with the value that counted when the OIV judged.
    public var judged: [JudgedValue]
    /// Where the values that count now differ from those judged; filled when read, empty while the judgement stands.
    public var changes: [ValueChange] = []

    /// The judgement counts: the values it judged are still the ones that count.
    public var stands: Bool { changes.isEmpty }

    enum CodingKeys: String, CodingKey {
        case planID, override, recordedBy, recordedAt, rowVersion, judged
    }
}

/// One indicator's value as a judgement saw it: the measurement that counted then, or none.
public struct JudgedValue: Hashable, Sendable, Codable {
    public var indicator: IndicatorKey
    /// The measurement's id and revision; nil when the indicator had no value.
    public var measurementID: String?
    public var revision: Int?
    /// The value as entered (`1.200`, `95%`); nil when the indicator had no value.
    public var value: String?

    public init(indicator: IndicatorKey, measurementID: String? = nil, revision: Int? = nil, value: String? = nil) {
        self.indicator = indicator
        self.measurementID = measurementID
        self.revision = revision
        self.value = value
    }
}

/// A value that changed after a judgement: what the OIV judged and what counts now (nil: no value).
public struct ValueChange: Hashable, Sendable, Codable {
    public var indicator: IndicatorKey
    public var judged: String?
    public var current: String?
}

/// One judgement to record in a batch (`setOverrides`): the override, the row version read (nil for a new one) and,
/// optionally, the values the judge was shown (`JudgementBasis.token`): when they are no longer the current ones the
/// batch is refused, so that a judgement is never tied to a value its judge did not see.
public struct OverrideWrite: Hashable, Sendable {
    public var override: AchievementOverride
    public var expectedRowVersion: Int?
    public var seen: String?

    public init(_ override: AchievementOverride, expectedRowVersion: Int?, seen: String? = nil) {
        self.override = override
        self.expectedRowVersion = expectedRowVersion
        self.seen = seen
    }
}

/// An indicator declared not assessable, as stored: one per indicator and starting checkpoint.
public struct StoredNeutralisation: Hashable, Sendable, Codable {
    public var planID: String
    public var neutralisation: DeclaredNeutralisation
    public var recordedBy: String
    public var recordedAt: Date
    public var rowVersion: Int
}
