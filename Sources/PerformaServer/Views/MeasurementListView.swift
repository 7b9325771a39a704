import Foundation
import Performa
import PerformaStore

struct MeasurementListView: Sendable {
    struct CampaignRow: Sendable {
        var checkpoint: String
        var state: String
        var open: Bool
        /// Reason and time of the last change; nil when the campaign never changed.
        var detail: String?
        var action: String
        /// The confirmation step before closing.
        var closeHref: String
        var rowVersion: String
        var canManage: Bool
        /// The announced dates, in words; nil before the struttura tecnica sets them.
        var schedule: String?
        /// Set when the planned closing has passed and the collection is still open.
        var overdue: String?
        /// The schedule form's values (ISO dates for `<input type="date">`).
        var opensOn: String
        var closesOn: String
        var reminderDays: String
    }

    struct Row: Sendable {
        var objective: String
        var objectiveHref: String
        var number: String
        var title: String
        var target: String
        var value: String
        var line: ScoreLine
        var formHref: String
        var formLabel: String
    }

    let page: PageChrome
    let filter: CheckpointFilter
    let checkpoint: String
    let campaigns: [CampaignRow]
    let rows: [Row]
    let onlyMine: Bool
    let isManager: Bool
    let allHref: String
    let mineHref: String
    let readOnly: Bool
}
