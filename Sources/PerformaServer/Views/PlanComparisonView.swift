/// A past version of a plan beside the current one: the versions in between (who recorded them, why, under which
/// act) and every change, field by field.
struct PlanComparisonView: Sendable {
    struct Step: Sendable {
        var version: String
        var status: String
        var reason: String
        var act: String
        var who: String
        var when: String
    }

    struct Change: Sendable {
        var kind: String
        var subject: String
        var key: String
        var title: String
        var details: [String]
    }

    var page: PageChrome
    var from: String
    var to: String
    var steps: [Step]
    var changes: [Change]
    var same: Bool
}
