import Foundation
import Performa
import PerformaStore

struct ValidationListView: Sendable {
    struct Row: Sendable {
        var line: ScoreLine
        var measured: String
        var documents: String
        var validatedIndicators: String?
        /// What changed after the judgements of this row that no longer count.
        var changedAfterValidation: String?
        var key: String
        var fieldID: String
        /// The computed achievement can be confirmed with the others selected: it has one and no judgement counts.
        var confirmable: Bool
        /// The values the row shows (`OverrideWrite.seen`) and the row version of its judgement put aside, if any.
        var seen: String
        var rowVersion: String
        var formHref: String
    }

    let page: PageChrome
    let filter: CheckpointFilter
    let checkpoint: String
    let checkpointValue: String
    let rows: [Row]
    let shownCount: String
    let mayValidate: Bool
    let onlyChanged: Bool
    let allHref: String
    let changedHref: String
    let action: String
    let anyConfirmable: Bool
}
