import Performa
import PerformaStore

struct DashboardView: Sendable {
    struct AreaBlock: Sendable {
        var line: ScoreLine
        var objectives: [ScoreLine]
    }

    /// Everything but the frame: it depends on the data and the checkpoint only.
    struct Content: Sendable {
        let filter: CheckpointFilter
        let checkpoint: String
        let illustrative: Bool
        let organization: ScoreLine
        /// Set when the validator finds errors in the plan: shown beside the organization's score.
        let planErrors: String?
        let areas: [AreaBlock]
        let agencies: [ScoreLine]
        let managers: [ScoreLine]
        let coverage: String
        let notes: Bool
        let diagnosticsHref: String
    }

    let page: PageChrome
    let dashboard: Content
}
