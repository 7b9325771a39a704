import Performa

/// The year and checkpoint selector of the pages that show results (a GET form: works without JavaScript).
struct CheckpointFilter: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var action: String
    var years: [Option]
    var periods: [Option]
    var label: String

    init(snapshot: PlanSnapshot, selected: Day, action: String) {
        self.action = action
        let years = Set(snapshot.checkpoints.map(\.year)).sorted()
        self.years = years.map { Option(value: String($0), label: String($0), selected: $0 == selected.year) }
        periods = [
            Option(value: "06-30", label: "30 giugno (monitoraggio intermedio)", selected: selected.month == 6),
            Option(value: "12-31", label: "31 dicembre (consuntivo)", selected: selected.month != 6),
        ]
        label = Display.checkpoint(selected)
    }
}
