import Performa

/// The *Monitoraggio al 30/6*: the mid-year values against the 30/6 targets, the achievement the Scorer
/// computes at 30/6, and the indicators at risk for 31/12 under the rule of `MidYearRisk`, which the
/// document states. Illustrative results are marked on every page.
public struct MidYearReport: Sendable {
    public let plan: Plan
    public let results: Results
    public let year: Int

    /// `year` defaults to the plan's operational year.
    public init(plan: Plan, results: Results, year: Int? = nil) {
        self.plan = plan
        self.results = results
        self.year = year ?? plan.year
    }

    public var checkpoint: Day { .midYear(year) }

    /// One monitored indicator: its 30/6 score and the risk assessment.
    public struct Line: Sendable {
        public var key: IndicatorKey
        public var indicator: Indicator
        public var score: IndicatorScore
        public var assessment: MidYearRisk.Assessment
    }

    /// Every indicator of the operational and agency objectives, with its assessment, in plan order.
    public func lines(_ card: Scorecard) -> [Line] {
        let policy = card.policy
        // The Piano's monitoring: the PIAO's measures are followed on the 2.3 page and in the PIAO.
        return PlanIndex(plan, measures: false).indicators.filter { $0.level != .strategic }.compactMap { key, indicator, _ in
            guard let score = card.indicator(key) else { return nil }
            return Line(key: key, indicator: indicator, score: score,
                        assessment: MidYearRisk.assess(indicator: indicator, midYear: score, policy: policy, year: year))
        }
    }

    public func render() -> String {
        let card = Scorer(plan: plan).scorecard(results: results, at: checkpoint)
        let lines = lines(card)
        let atRisk = lines.filter(\.assessment.isAtRisk)
        var body = HTMLWriter()
        body.section(2, "1. Regola di segnalazione del rischio", id: "regola", className: "chapter") { w in
            w.raw(ResultTables.illustrativeBanner(results))
            w.paragraph(MidYearRisk.ruleText(year: year), className: "notice")
            w.paragraph("Gli obiettivi strategici hanno target annuali: al 30/6 il loro risultato è dato dai soli obiettivi operativi.", className: "small")
        }
        body.section(2, "2. Sintesi", id: "sintesi") { w in
            let judged = lines.filter { if case .noMidYearTarget = $0.assessment.outcome { return false }; return $0.assessment.outcome != .neutralised }
            w.table(HTMLTable(
                caption: "Indicatori monitorati al \(checkpoint.italian)",
                columns: [.init("Esito"), .init("Indicatori", numeric: true)],
                rows: [
                    .init([.header("Con target al 30/6"), .text(DocumentText.count(judged.count))]),
                    .init([.header("A rischio per il 31/12"), .text(DocumentText.count(atRisk.count))]),
                    .init([.header("In linea"), .text(DocumentText.count(judged.count - atRisk.count))]),
                    .init([.header("Senza target al 30/6"), .text(DocumentText.count(lines.filter { $0.assessment.outcome == .noMidYearTarget }.count))]),
                    .init([.header("Neutralizzati"), .text(DocumentText.count(lines.filter { $0.assessment.outcome == .neutralised }.count))]),
                ]
            ))
            if atRisk.isEmpty {
                w.paragraph("Nessun indicatore a rischio.")
            } else {
                w.table(HTMLTable(
                    caption: "Indicatori a rischio per il 31/12",
                    columns: [.init("Indicatore"), .init("Target al 30/6"), .init("Valore al 30/6"), .init("Target al 31/12"), .init("Motivo"), .init("Note")],
                    rows: atRisk.map { line in
                        .init([.header("\(line.key) \(line.indicator.title)"), .text(line.score.target?.text ?? DocumentText.none),
                               .text(line.score.measurement?.text ?? DocumentText.none),
                               .text(line.indicator.target(at: .yearEnd(year))?.target.text ?? DocumentText.none),
                               .text(Self.reasons(line.assessment)), .text(ResultTables.note(line.score))], className: "risk-row")
                    }
                ))
            }
            // Objectives with nothing due at 30/6 have no bar to draw.
            let objectives = card.objectives.filter { $0.level != .strategic && $0.score.status != .notApplicable }
            let risky = Set(atRisk.map(\.key.objective))
            w.container("figure", className: "chart") { w in
                w.raw(BarChartSVG(title: "Grado di raggiungimento al 30/6 degli obiettivi operativi", bars: objectives.map {
                    .init(label: "\($0.key) \($0.title)", value: $0.score.final, text: DocumentText.score($0.score), highlighted: risky.contains($0.key))
                }).render())
                w.raw("<figcaption>Obiettivi operativi e dell'azienda speciale al \(XMLText.escape(checkpoint.italian)); in rosso quelli con almeno un indicatore a rischio; non compaiono quelli senza target al 30/6.</figcaption>")
            }
        }
        writeDetail(card, lines: lines, to: &body)
        body.section(2, "4. Dirigenti al 30/6", id: "dirigenti", className: "chapter") { w in
            ResultTables.managers(card, plan: plan, level: 3, to: &w)
        }
        ResultTables.calculationNotes(card, heading: "5. Note di calcolo", caption: "Note sul calcolo dei risultati al 30/6", className: nil, to: &body)
        return ResultTables.page(plan: plan, card: card, results: results, title: "Monitoraggio al 30/6/\(year)",
                                 subtitle: "Stato di avanzamento del \(plan.title) al \(checkpoint.italian)", body: body)
    }

    static func reasons(_ assessment: MidYearRisk.Assessment) -> String {
        if case .atRisk(let reasons) = assessment.outcome { return reasons.map(MidYearRisk.text).joined(separator: "; ") }
        return ""
    }

    static func outcome(_ assessment: MidYearRisk.Assessment) -> String {
        switch assessment.outcome {
        case .onTrack: return "In linea"
        case .atRisk: return "A rischio: " + reasons(assessment)
        case .noMidYearTarget: return "Nessun target al 30/6"
        case .neutralised: return "Neutralizzato"
        }
    }

    private func writeDetail(_ card: Scorecard, lines: [Line], to body: inout HTMLWriter) {
        body.section(2, "3. Dettaglio per obiettivo", id: "dettaglio", className: "chapter") { w in
            for area in plan.areas {
                w.section(3, "Area strategica \(area.code) – \(area.title)", id: HTMLWriter.anchor("monitoraggio-area-", area.code)) { w in
                    for strategic in area.objectives {
                        let score = card.objective(strategic.code)?.score
                        w.heading(4, "Obiettivo strategico \(strategic.code) – \(strategic.title)", id: HTMLWriter.anchor("monitoraggio-", strategic.code), inOutline: false)
                        if let score { w.labelled("Risultato al 30/6 (obiettivi operativi):", DocumentText.score(score)) }
                        for operational in strategic.operationalObjectives {
                            writeObjective(operational.code, heading: "Obiettivo operativo \(operational.code) – \(operational.title)", card: card, lines: lines, level: 5, to: &w)
                        }
                    }
                }
            }
            for group in plan.specialAgencyObjectives ?? [] {
                let agency = plan.organization.specialAgencies?.first { $0.id == group.agency }
                let prefix = agency?.code ?? group.agency
                w.section(3, agency?.name ?? group.agency, id: HTMLWriter.anchor("monitoraggio-agenzia-", group.agency)) { w in
                    for objective in group.objectives {
                        let key = "\(prefix).\(objective.code)"
                        writeObjective(key, heading: "Obiettivo operativo \(objective.code) (\(key)) – \(objective.title)", card: card, lines: lines, level: 4, to: &w)
                    }
                }
            }
        }
    }

    private func writeObjective(_ key: String, heading: String, card: Scorecard, lines: [Line], level: Int, to w: inout HTMLWriter) {
        let own = lines.filter { $0.key.objective == key }
        w.section(level, heading, id: HTMLWriter.anchor("monitoraggio-", key), className: "together", inOutline: false) { w in
            if let score = card.objective(key)?.score { w.labelled("Risultato al 30/6:", DocumentText.score(score)) }
            w.table(HTMLTable(
                caption: "Indicatori dell'obiettivo \(key) al \(checkpoint.italian)",
                columns: [.init("N."), .init("Indicatore"), .init("Target al 30/6"), .init("Valore al 30/6"), .init("Grado di raggiungimento al 30/6", numeric: true),
                          .init("Target al 31/12"), .init("Proiezione al 31/12", numeric: true), .init("Esito"), .init("Note")],
                rows: own.map { line in
                    let outcome: HTMLTable.Cell
                    switch line.assessment.outcome {
                    case .atRisk: outcome = .html("<span class=\"badge risk\">A rischio</span> " + XMLText.escape(Self.reasons(line.assessment)))
                    case .onTrack: outcome = .html("<span class=\"badge on-track\">In linea</span>")
                    case .noMidYearTarget, .neutralised: outcome = .html("<span class=\"badge neutral\">\(XMLText.escape(Self.outcome(line.assessment)))</span>")
                    }
                    return .init([
                        .header(String(line.indicator.number)),
                        .text(line.indicator.title),
                        .text(line.score.target?.text ?? DocumentText.none),
                        .text(line.score.measurement?.text ?? DocumentText.none),
                        .text(line.score.target?.kind.isApplicable == true ? DocumentText.score(line.score.score) : DocumentText.none),
                        .text(line.indicator.target(at: .yearEnd(year))?.target.text ?? DocumentText.none),
                        .text(line.assessment.projected.map { ItalianNumber.format($0) } ?? DocumentText.none),
                        outcome,
                        .text(ResultTables.note(line.score)),
                    ], className: line.assessment.isAtRisk ? "risk-row" : nil)
                }
            ))
        }
    }
}
