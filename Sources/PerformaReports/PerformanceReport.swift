import Performa

/// The *Relazione sulla Performance* for one year: for every objective the targets, the measured values,
/// the achievement per indicator and rolled up; the deviations with the managers' notes; the OIV's
/// corrections with their reasons (computed and validated both shown); the organization, area, agency and
/// manager results with charts; and the plan validator's open findings. Every figure comes from the
/// `Scorer` and the `PlanValidator`; nothing is recomputed here. Illustrative results are marked on every page.
public struct PerformanceReport: Sendable {
    public let plan: Plan
    public let results: Results
    public let year: Int

    /// `year` defaults to the plan's operational year.
    public init(plan: Plan, results: Results, year: Int? = nil) {
        self.plan = plan
        self.results = results
        self.year = year ?? plan.year
    }

    public var checkpoint: Day { .yearEnd(year) }

    public func render() -> String {
        let card = Scorer(plan: plan).scorecard(results: results, at: checkpoint)
        let findings = PlanValidator().validate(plan)
        var body = HTMLWriter()
        writeSummary(card, to: &body)
        writeObjectives(card, to: &body)
        writeDeviations(card, to: &body)
        writeCorrections(card, to: &body)
        body.section(2, "5. Risultati dei dirigenti", id: "dirigenti", className: "chapter") { w in
            ResultTables.managers(card, plan: plan, level: 3, to: &w)
        }
        body.section(2, "6. Rilievi del validatore sul piano", id: "rilievi", className: "chapter") { w in
            w.paragraph("Controlli di coerenza e di qualità del piano (pesi, target, codici, assegnazioni, risorse, indicatori): \(ResultTables.severityCounts(findings)).")
            if findings.isEmpty {
                w.paragraph("Nessun rilievo aperto.")
            } else {
                w.table(ResultTables.diagnostics(findings, caption: "Rilievi aperti del validatore"))
            }
        }
        ResultTables.calculationNotes(card, heading: "7. Note di calcolo", caption: "Note sul calcolo dei risultati", className: "chapter", to: &body)
        return ResultTables.page(plan: plan, card: card, results: results, title: "Relazione sulla Performance \(year)",
                                 subtitle: "Risultati del \(plan.title) al \(checkpoint.italian) (art. 10 D.Lgs. 150/2009)", body: body)
    }

    // MARK: 1. Summary

    private func writeSummary(_ card: Scorecard, to body: inout HTMLWriter) {
        body.section(2, "1. Sintesi dei risultati", id: "sintesi", className: "chapter") { w in
            w.raw(ResultTables.illustrativeBanner(results))
            w.raw("<p class=\"weight\"><strong>Grado di raggiungimento complessivo dell'ente al \(XMLText.escape(checkpoint.italian)): \(XMLText.escape(DocumentText.score(card.result)))</strong></p>")
            var rows: [HTMLTable.Row] = [.init([.header(card.organization), .text(DocumentText.none), .text(DocumentText.score(card.result))], className: "group")]
            rows += card.areas.map { .init([.header("Area strategica \($0.code) – \($0.title)"), .text(DocumentText.weight($0.weight)), .text(DocumentText.score($0.score))]) }
            rows += card.agencies.map { .init([.header($0.name), .text(DocumentText.none), .text(DocumentText.score($0.score))]) }
            w.table(HTMLTable(
                caption: "Risultati dell'ente, delle aree strategiche e delle aziende speciali al \(checkpoint.italian)",
                columns: [.init("Ambito"), .init("Peso", numeric: true), .init("Grado di raggiungimento", numeric: true)],
                rows: rows
            ))
            if !card.agencies.isEmpty {
                w.paragraph("Le aziende speciali sono rendicontate accanto all'ente, non dentro il suo risultato.", className: "small")
            }
            var bars = [BarChartSVG.Bar(label: "Ente", value: card.result.final, text: DocumentText.score(card.result))]
            bars += card.areas.map { .init(label: "Area \($0.code) – \($0.title)", value: $0.score.final, text: DocumentText.score($0.score)) }
            bars += card.agencies.map { .init(label: $0.name, value: $0.score.final, text: DocumentText.score($0.score)) }
            chart(&w, BarChartSVG(title: "Grado di raggiungimento dell'ente, delle aree e delle aziende speciali", bars: bars),
                  caption: "Ente, aree strategiche e aziende speciali al \(checkpoint.italian).")
            let objectives = card.objectives.filter { $0.level != .operational }
            chart(&w, BarChartSVG(title: "Grado di raggiungimento degli obiettivi strategici e dell'azienda speciale", bars: objectives.map {
                .init(label: "\($0.key) \($0.title)", value: $0.score.final, text: DocumentText.score($0.score), highlighted: $0.score.override != nil)
            }), caption: "Obiettivi strategici e dell'azienda speciale (in rosso quelli corretti dall'OIV).")
        }
    }

    private func chart(_ w: inout HTMLWriter, _ chart: BarChartSVG, caption: String) {
        w.container("figure", className: "chart") { w in
            w.raw(chart.render())
            w.raw("<figcaption>\(XMLText.escape(caption))</figcaption>")
        }
    }

    // MARK: 2. Objectives

    private func writeObjectives(_ card: Scorecard, to body: inout HTMLWriter) {
        body.section(2, "2. Risultati per obiettivo", id: "obiettivi", className: "chapter") { w in
            for area in plan.areas {
                let areaScore = card.area(area.code)
                w.section(3, "Area strategica \(area.code) – \(area.title)", id: HTMLWriter.anchor("relazione-area-", area.code)) { w in
                    if let areaScore { w.labelled("Grado di raggiungimento dell'area:", DocumentText.score(areaScore.score)) }
                    for strategic in area.objectives {
                        writeStrategic(strategic, card: card, to: &w)
                        for operational in strategic.operationalObjectives {
                            writeObjective(key: operational.code, heading: "Obiettivo operativo \(operational.code) – \(operational.title)",
                                           indicators: operational.indicators, card: card, level: 5, to: &w)
                        }
                    }
                }
            }
            for group in plan.specialAgencyObjectives ?? [] {
                let agency = plan.organization.specialAgencies?.first { $0.id == group.agency }
                let prefix = agency?.code ?? group.agency
                w.section(3, agency?.name ?? group.agency, id: HTMLWriter.anchor("relazione-agenzia-", group.agency)) { w in
                    if let score = card.agencies.first(where: { $0.id == group.agency })?.score {
                        w.labelled("Grado di raggiungimento dell'azienda speciale:", DocumentText.score(score))
                    }
                    for objective in group.objectives {
                        let key = "\(prefix).\(objective.code)"
                        writeObjective(key: key, heading: "Obiettivo operativo \(objective.code) (\(key)) – \(objective.title)",
                                       indicators: objective.indicators, card: card, level: 4, to: &w)
                    }
                }
            }
            if plan.piao != nil { writePIAO(card, to: &w) }
        }
    }

    /// The PIAO's public value (2.1) and prevention measures (2.3), measured and validated like the objectives but
    /// outside the organization's result.
    private func writePIAO(_ card: Scorecard, to w: inout HTMLWriter) {
        let scores = PIAOScores(plan: plan, scorecard: card)
        if !scores.publicValue.isEmpty {
            w.section(3, "Valore pubblico (PIAO, sottosezione 2.1)", id: "relazione-valore-pubblico") { w in
                w.table(HTMLTable(
                    caption: "Obiettivi di valore pubblico: media del grado di raggiungimento degli obiettivi collegati",
                    columns: [.init("Valore pubblico"), .init("Obiettivi collegati"), .init("Grado di raggiungimento", numeric: true)],
                    rows: scores.publicValue.map {
                        .init([.header("\($0.objective.code) \($0.objective.title)"),
                               .text($0.parts.map { "\($0.key) (\(DocumentText.percent($0.achievement)))" }.joined(separator: ", ")),
                               .text(DocumentText.score($0.score))])
                    }))
            }
        }
        guard !scores.measures.isEmpty else { return }
        w.section(3, "Misure di prevenzione della corruzione (PIAO, sottosezione 2.3)", id: "relazione-misure") { w in
            w.paragraph("Le misure sono rilevate nelle stesse campagne degli indicatori e validate dall'OIV; non concorrono al risultato dell'ente.")
            for scored in scores.measures {
                let measure = scored.measure
                if let objective = measure.objective {
                    w.labelled("\(measure.key) \(measure.title):", "coincide con l'obiettivo \(objective), risultato \(scored.score.map(DocumentText.score) ?? DocumentText.none)")
                } else {
                    writeObjective(key: measure.key, heading: "Misura \(measure.key) – \(measure.title)", indicators: measure.indicators ?? [],
                                   card: card, level: 4, to: &w)
                }
            }
        }
    }

    private func writeStrategic(_ objective: StrategicObjective, card: Scorecard, to w: inout HTMLWriter) {
        let score = card.objective(objective.code)
        w.section(4, "Obiettivo strategico \(objective.code) – \(objective.title)", id: HTMLWriter.anchor("relazione-", objective.code), className: "together", inOutline: false) { w in
            if let score {
                var parts = ["Peso nell'area \(DocumentText.weight(objective.weight))"]
                parts.append("indicatori propri \(DocumentText.percent(score.ownIndicators)) (quota \(DocumentText.weight(objective.split?.ownIndicators)))")
                parts.append("obiettivi operativi \(DocumentText.percent(score.operationalObjectives)) (quota \(DocumentText.weight(objective.split?.operationalObjectives)))")
                w.raw("<p class=\"weight\"><strong>Risultato: \(XMLText.escape(DocumentText.score(score.score)))</strong> – \(XMLText.escape(parts.joined(separator: "; ")))</p>")
            }
            if !objective.indicators.isEmpty {
                w.table(indicatorTable(objective.code, objective.indicators, card: card, caption: "Indicatori dell'obiettivo strategico \(objective.code) – anno \(year)"))
            }
        }
    }

    private func writeObjective(key: String, heading: String, indicators: [Indicator], card: Scorecard, level: Int, to w: inout HTMLWriter) {
        w.section(level, heading, id: HTMLWriter.anchor("relazione-", key), className: "together", inOutline: false) { w in
            if let score = card.objective(key) {
                w.raw("<p class=\"weight\"><strong>Risultato: \(XMLText.escape(DocumentText.score(score.score)))</strong> – peso \(XMLText.escape(DocumentText.weight(score.weight)))</p>")
            }
            w.table(indicatorTable(key, indicators, card: card, caption: "Indicatori dell'obiettivo \(key) al \(checkpoint.italian)"))
        }
    }

    private func indicatorTable(_ key: String, _ indicators: [Indicator], card: Scorecard, caption: String) -> HTMLTable {
        HTMLTable(
            caption: caption,
            columns: [.init("N."), .init("Indicatore"), .init("Target"), .init("Valore rilevato"), .init("Grado di raggiungimento", numeric: true),
                      .init("Peso", numeric: true), .init("Note")],
            rows: indicators.map { indicator in
                let scored = card.indicator(IndicatorKey(objective: key, number: indicator.number))
                return .init([
                    .header(String(indicator.number)),
                    .text(indicator.title),
                    .text(scored?.target?.text ?? DocumentText.none),
                    .text(scored?.measurement?.text ?? DocumentText.none),
                    .text(scored.map { DocumentText.score($0.score) } ?? DocumentText.none),
                    .text(DocumentText.weight(scored?.weight)),
                    .text(scored.map(ResultTables.note) ?? ""),
                ], className: scored?.score.override != nil ? "corrected-row" : nil)
            }
        )
    }

    // MARK: 3–4. Deviations and corrections

    private func writeDeviations(_ card: Scorecard, to body: inout HTMLWriter) {
        let deviations = card.indicators.filter { indicator in
            switch indicator.score.status {
            case .notApplicable, .neutralised: return false
            default: return (indicator.score.percent ?? 0) < 100
            }
        }
        body.section(2, "3. Scostamenti e note dei dirigenti", id: "scostamenti", className: "chapter") { w in
            w.paragraph("Indicatori che al \(checkpoint.italian) non raggiungono il 100% del target, o non hanno un valore valido, con le note dei dirigenti.")
            if deviations.isEmpty {
                w.paragraph("Nessuno scostamento.")
                return
            }
            w.table(HTMLTable(
                caption: "Scostamenti al \(checkpoint.italian)",
                columns: [.init("Indicatore"), .init("Target"), .init("Valore rilevato"), .init("Grado di raggiungimento", numeric: true), .init("Note del dirigente")],
                rows: deviations.map {
                    .init([.header("\($0.key) \($0.title)"), .text($0.target?.text ?? DocumentText.none), .text($0.measurement?.text ?? DocumentText.none),
                           .text(DocumentText.score($0.score)), .text(ResultTables.note($0).isEmpty ? "Nessuna nota" : ResultTables.note($0))])
                }
            ))
        }
    }

    private func writeCorrections(_ card: Scorecard, to body: inout HTMLWriter) {
        let corrected: [(String, Score)] = card.indicators.filter { $0.score.override != nil }.map { ("Indicatore \($0.key) \($0.title)", $0.score) }
            + card.objectives.filter { $0.score.override != nil }.map { ("Obiettivo \($0.key) \($0.title)", $0.score) }
        let neutralised = card.indicators.filter { $0.score.status == .neutralised }
        body.section(2, "4. Correzioni dell'OIV e neutralizzazioni", id: "correzioni", className: "chapter") { w in
            if corrected.isEmpty {
                w.paragraph("Nessuna correzione dell'OIV.")
            } else {
                w.table(HTMLTable(
                    caption: "Gradi di raggiungimento validati dall'OIV",
                    columns: [.init("Oggetto"), .init("Calcolato", numeric: true), .init("Validato", numeric: true), .init("Motivazione"), .init("Da"), .init("Data")],
                    rows: corrected.map { label, score in
                        .init([.header(label), .text(DocumentText.percent(score.computed)), .text(DocumentText.percent(score.final)),
                               .text(score.override?.reason ?? ""), .text(score.override?.by ?? ""), .text(score.override?.on?.italian ?? "")])
                    }
                ))
            }
            if !neutralised.isEmpty {
                w.table(HTMLTable(
                    caption: "Indicatori neutralizzati (esclusi dal calcolo, pesi ri-normalizzati)",
                    columns: [.init("Indicatore"), .init("Motivazione")],
                    rows: neutralised.map { .init([.header("\($0.key) \($0.title)"), .text($0.reason ?? "")]) }
                ))
            }
        }
    }
}
