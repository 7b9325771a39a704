import Foundation
import Performa
import PerformaStore

/// The confirmation step before a collection is closed (`rilevazione-chiusura`).
struct CampaignClosingView: Sendable {
    let page: PageChrome
    let checkpoint: String
    let alreadyClosed: Bool
    /// How many indicators would stay without a value.
    let missing: String
    let action: String
    let rowVersion: String
    let cancelHref: String
}
