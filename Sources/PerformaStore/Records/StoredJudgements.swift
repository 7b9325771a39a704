import Foundation
import Performa

/// An OIV-validated achievement as stored: one per subject and checkpoint; the audit log keeps earlier ones.
public struct StoredOverride: Hashable, Sendable, Codable {
    public var planID: String
    public var override: AchievementOverride
    public var recordedBy: String
    public var recordedAt: Date
    public var rowVersion: Int
}

/// An indicator declared not assessable, as stored: one per indicator and starting checkpoint.
public struct StoredNeutralisation: Hashable, Sendable, Codable {
    public var planID: String
    public var neutralisation: DeclaredNeutralisation
    public var recordedBy: String
    public var recordedAt: Date
    public var rowVersion: Int
}
