import Foundation
import Performa

struct ManagersView: Sendable {
    struct Manager: Sendable {
        var anchor: String
        var name: String
        var roles: String
        var line: ScoreLine
        var objectives: [ScoreLine]
        var total: String
        var totalWarning: String?
    }

    struct ValueLine: Sendable {
        var code: String
        var title: String
        var href: String
        var relevance: String
        var value: String
        var achievement: String
        var earned: String
    }

    struct Valorization: Sendable {
        var fund: String
        var error: String?
        var shown: Bool
        var noRelevance: Bool
        var lines: [ValueLine]
        var totalValue: String
        var totalEarned: String
        var action: String
        var checkpointValue: String
    }

    let page: PageChrome
    let filter: CheckpointFilter
    let checkpoint: String
    let managers: [Manager]
    let valorization: Valorization?
}
