/// *Il mio personale* (an evaluator's people) and the HR office's list of every scheda of a year: each person
/// with the state of their scheda, the final score when there is one, and the next step with who takes it.
struct StaffListView: Sendable {
    struct Row: Sendable {
        var name: String
        var href: String
        var category: String
        var unit: String
        var state: String
        var points: String
        var next: String
        /// The next step is the viewing user's own.
        var yours: Bool
    }

    struct StateCount: Sendable {
        var state: String
        var count: String
    }

    var page: PageChrome
    var year: Int
    var heading: String
    var intro: String
    var rows: [Row]
    var hasRows: Bool
    var empty: String
    var counts: [StateCount]
    /// Where the HR office uploads the year's staff (the campaign page only).
    var staffUpload: String?
}
