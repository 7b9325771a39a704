import Performa
import PerformaReports

struct TreeView: Sendable {
    struct Tab: Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    struct Entry: Sendable {
        var key: String
        var title: String
        var href: String
        var level: Int
    }

    let page: PageChrome
    let tabs: [Tab]
    let svg: String
    let explanation: String
    /// The same tree as a list, for keyboard and screen-reader users.
    let objectives: [Entry]
}
