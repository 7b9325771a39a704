import Performa

struct DiagnosticsView: Sendable {
    struct Count: Sendable {
        var label: String
        var count: String
        var css: String
    }

    struct Row: Sendable {
        var code: String
        var severity: String
        var css: String
        var location: String
        var href: String
        var message: String
        var line: String?
    }

    let page: PageChrome
    let filter: CheckpointFilter
    let checkpoint: String
    let summary: [Count]
    let findings: [Row]
    let notes: [Row]
}
