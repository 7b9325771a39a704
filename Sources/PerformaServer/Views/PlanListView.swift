import PerformaStore

struct PlanListView: Sendable {
    struct Item: Sendable {
        var title: String
        var year: String
        var status: String
        var version: String
        var href: String
    }

    let page: PageChrome
    let plans: [Item]
    let empty: Bool
}
