import Foundation
import Performa

/// The collection of measurements at one checkpoint (30/6, 31/12): open until the struttura tecnica closes it;
/// reopening needs a reason. While closed, no value or evidence can be added for that checkpoint.
public struct Campaign: Hashable, Sendable, Codable {
    public var planID: String
    public var checkpoint: Day
    public var state: CampaignState
    public var reason: String?
    public var changedBy: String?
    public var changedAt: Date?
    /// 0 for a checkpoint whose state was never changed (open by default).
    public var rowVersion: Int

    public var acceptsMeasurements: Bool { state != .closed }
}

public enum CampaignState: String, Codable, Hashable, Sendable, CaseIterable {
    case open, closed, reopened

    public var italian: String {
        switch self {
        case .open: return "aperta"
        case .closed: return "chiusa"
        case .reopened: return "riaperta"
        }
    }
}
