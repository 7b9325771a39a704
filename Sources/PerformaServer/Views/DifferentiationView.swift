import Performa

/// How differentiated the year's ratings are, per SMVP profile and per evaluator: count, mean, standard deviation,
/// share of top ratings and the distribution by bands of ten points. Aggregated: it names evaluators, nobody else.
struct DifferentiationView: Sendable {
    struct Band: Sendable {
        var label: String
        var count: String
    }

    struct Group: Sendable {
        var title: String
        var count: String
        var mean: String
        var deviation: String
        var range: String
        var top: String
        var bands: [Band]
    }

    var page: PageChrome
    var year: Int
    var topFrom: String
    struct Section: Sendable {
        var id: String
        var heading: String
        var column: String
        var groups: [Group]
    }

    var sections: [Section]
    var bandLabels: [String]

    init(page: PageChrome, report: DifferentiationReport, topFrom: Double) {
        self.page = page
        year = report.year
        self.topFrom = ItalianNumber.format(topFrom, fractionDigits: 0)
        sections = [
            Section(id: "per-scheda", heading: "Per scheda del sistema di valutazione", column: "Scheda", groups: report.byProfile.map(Self.group)),
            Section(id: "per-valutatore", heading: "Per valutatore", column: "Valutatore", groups: report.byEvaluator.map(Self.group)),
        ]
        bandLabels = (0..<10).map(RatingDistribution.bandLabel)
    }

    private static func group(_ group: DifferentiationReport.Group) -> Group {
        let d = group.distribution
        func points(_ value: Double?) -> String { value.map { ItalianNumber.format($0, fractionDigits: 2) } ?? "—" }
        return Group(title: group.title, count: String(d.count), mean: points(d.mean), deviation: points(d.standardDeviation),
                     range: d.lowest.map { "\(points($0)) – \(points(d.highest))" } ?? "—",
                     top: d.topShare.map { "\(d.topCount) (\(ItalianNumber.percent($0)))" } ?? "—",
                     bands: d.bands.enumerated().map { Band(label: RatingDistribution.bandLabel($0.offset), count: String($0.element)) })
    }
}
