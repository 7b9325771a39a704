import Performa

/// The Piano's *quadro di sintesi*: per strategic area, each strategic objective with its indicators' targets
/// for every year of the plan, and each operational objective with its indicators' year-end targets.
struct ObjectiveSummaryTables {
    let plan: Plan

    func write(to w: inout HTMLWriter) {
        w.section(4, "Quadro di sintesi degli obiettivi e degli indicatori", id: "sintesi") { w in
            let years = Array(plan.span.years)
            for area in plan.areas {
                w.section(5, "\(area.code). Area strategica: \(area.title)", id: HTMLWriter.anchor("sintesi-area-", area.code), inOutline: false) { w in
                    for strategic in area.objectives {
                        let title = "Obiettivo strategico \(strategic.code): \(strategic.title)" + (strategic.subtitle.map { " – \($0)" } ?? "")
                        w.table(HTMLTable(
                            caption: title,
                            columns: [.init("Indicatore")] + years.map { .init(String($0)) },
                            rows: strategic.indicators.map { indicator in
                                .init([.header("Indicatore \(indicator.number): \(indicator.title)")]
                                      + years.map { .text(indicator.target(at: .yearEnd($0))?.target.text ?? DocumentText.none) })
                            }
                        ))
                        for operational in strategic.operationalObjectives {
                            w.table(HTMLTable(
                                caption: "\(operational.code) Obiettivo operativo: \(operational.title)",
                                columns: [.init("Indicatore"), .init(String(plan.year))],
                                rows: operational.indicators.map { indicator in
                                    .init([.header("Indicatore \(indicator.number): \(indicator.title)"),
                                           .text(indicator.target(at: .yearEnd(plan.year))?.target.text ?? DocumentText.none)])
                                }
                            ))
                        }
                    }
                }
            }
        }
    }
}
