import Foundation
import Performa
import PerformaReports

/// The POLA's monthly chart, as PerformaReports draws it for the Piano. `AgileWorkChartSVG` is internal to that
/// module, so the picture is taken from the rendered Piano (its only `<svg>` labelled "Lavoro agile nel …").
/// When the reports module exposes the chart, this becomes `AgileWorkChartSVG(months:year:).render()`.
enum AgileWorkFigure {
    static func svg(plan: Plan) -> String? {
        guard plan.agileWork?.monthly.isEmpty == false else { return nil }
        let document = PlanDocument(plan: plan).render()
        guard let label = document.range(of: "aria-label=\"Lavoro agile nel "),
              let start = document.range(of: "<svg", options: .backwards, range: document.startIndex..<label.lowerBound),
              let end = document.range(of: "</svg>", range: label.upperBound..<document.endIndex) else { return nil }
        return String(document[start.lowerBound..<end.upperBound])
    }
}
