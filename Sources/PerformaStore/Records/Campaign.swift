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
    /// The announced schedule, nil until the struttura tecnica sets it: the opening notice goes to the managers on
    /// `opensOn`, the reminder `reminderDays` before `closesOn`. Closing stays an act of the struttura tecnica
    /// (a late value can still arrive the day after); the pages say when the planned closing has passed.
    public var schedule: CampaignSchedule?

    public init(planID: String, checkpoint: Day, state: CampaignState = .open, reason: String? = nil, changedBy: String? = nil, changedAt: Date? = nil,
                rowVersion: Int = 0, schedule: CampaignSchedule? = nil) {
        self.planID = planID
        self.checkpoint = checkpoint
        self.state = state
        self.reason = reason
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.rowVersion = rowVersion
        self.schedule = schedule
    }

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

/// When a collection opens and is planned to close, and how many days before the closing the reminder goes out.
public struct CampaignSchedule: Hashable, Sendable, Codable {
    public var opensOn: Day
    public var closesOn: Day
    public var reminderDays: Int

    public static let reminderDaysRange = 0...60

    public init(opensOn: Day, closesOn: Day, reminderDays: Int) {
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.reminderDays = reminderDays
    }

    /// The day the reminder is due (never before the opening).
    public var remindOn: Day { max(opensOn, closesOn.adding(days: -reminderDays)) }

    /// Why this schedule cannot be kept, in Italian; nil when it is sound.
    public var problem: String? {
        if closesOn < opensOn { return "La chiusura prevista (\(closesOn.italian)) precede l'apertura (\(opensOn.italian))." }
        if !Self.reminderDaysRange.contains(reminderDays) {
            return "I giorni di preavviso del promemoria devono essere tra \(Self.reminderDaysRange.lowerBound) e \(Self.reminderDaysRange.upperBound)."
        }
        return nil
    }
}
