import Performa

/// Parts the Relazione and the Monitoraggio share: the warning on illustrative results, the tables of
/// findings and calculation notes, the managers' results, the notes beside a measured value.
enum ResultTables {
    static let illustrativeMarker = "DATI ILLUSTRATIVI – NON REALI"

    /// The prominent warning printed at the top of a document built from illustrative results.
    static func illustrativeBanner(_ results: Results) -> String {
        guard results.illustrative == true else { return "" }
        var text = "ATTENZIONE: i risultati di questo documento sono ILLUSTRATIVI, inventati per mostrare il calcolo; non sono i risultati reali dell'ente."
        if let description = results.description { text += " (\(description))" }
        return "<p class=\"illustrative\" role=\"note\">\(XMLText.escape(text))</p>"
    }

    /// Findings as a table; the line column only when some finding has a line in the plan file.
    static func diagnostics(_ items: [Diagnostic], caption: String) -> HTMLTable {
        let lines = items.contains { $0.line != nil }
        return HTMLTable(
            caption: caption,
            columns: [.init("Gravità"), .init("Codice"), .init("Riferimento"), .init("Descrizione")] + (lines ? [.init("Riga", numeric: true)] : []),
            rows: items.map {
                .init([.text($0.severity.italian), .text($0.code), .header($0.location), .text($0.message)] + (lines ? [.text($0.line.map(String.init) ?? "")] : []))
            }
        )
    }

    /// `3 errori, 12 avvisi, 1 nota`.
    static func severityCounts(_ items: [Diagnostic]) -> String {
        let errors = items.filter { $0.severity == .error }.count
        let warnings = items.filter { $0.severity == .warning }.count
        let infos = items.filter { $0.severity == .info }.count
        return "\(errors) \(errors == 1 ? "errore" : "errori"), \(warnings) \(warnings == 1 ? "avviso" : "avvisi"), \(infos) \(infos == 1 ? "nota" : "note")"
    }

    /// What the report says beside a measured value: the manager's note, why it has no value, the OIV's correction.
    static func note(_ indicator: IndicatorScore) -> String {
        var parts: [String] = []
        if let reason = indicator.reason {
            parts.append(indicator.score.status == .neutralised ? "Neutralizzato: \(reason)" : reason)
        }
        if let note = indicator.measurement?.note {
            parts.append("Nota" + (indicator.measurement?.author.map { " di \($0)" } ?? "") + ": \(note)")
        }
        if let evidence = indicator.measurement?.evidence, !evidence.isEmpty {
            parts.append("Documenti: " + evidence.joined(separator: ", "))
        }
        if let correction = indicator.score.override {
            parts.append("Correzione OIV: \(correction.reason)")
        }
        return parts.joined(separator: " · ")
    }

    /// Each manager's score with the assigned objectives, their weights and achievements, and a chart.
    static func managers(_ card: Scorecard, plan: Plan, level: Int, to w: inout HTMLWriter) {
        guard !card.managers.isEmpty else {
            w.paragraph("Il piano non assegna obiettivi ai dirigenti.")
            return
        }
        let index = PlanIndex(plan)
        w.container("figure", className: "chart") { w in
            w.raw(BarChartSVG(title: "Grado di raggiungimento per dirigente", bars: card.managers.map {
                .init(label: $0.name, value: $0.score.final, text: DocumentText.score($0.score))
            }).render())
            w.raw("<figcaption>Grado di raggiungimento per dirigente al \(XMLText.escape(card.checkpoint.italian)).</figcaption>")
        }
        for manager in card.managers {
            let person = plan.organization.managers.first { $0.id == manager.manager }
            let title = (person.map(DocumentText.managerName) ?? manager.name) + (person.map { " – " + $0.roles.joined(separator: ", ") } ?? "")
            w.section(level, title, id: HTMLWriter.anchor("dirigente-\(card.checkpoint.month)-", manager.manager), className: "together", inOutline: false) { w in
                w.table(HTMLTable(
                    caption: "Obiettivi assegnati a \(manager.name) e grado di raggiungimento",
                    columns: [.init("Obiettivo"), .init("Peso", numeric: true), .init("Grado di raggiungimento", numeric: true)],
                    rows: manager.objectives.map { item in
                        let label = index.entry(item.objective).map(DocumentText.objectiveLabel) ?? item.objective
                        let score = card.objective(item.objective)?.score
                        return .init([.header(label), .text(DocumentText.weight(item.weight)),
                                      .text(score.map(DocumentText.score) ?? DocumentText.percent(item.achievement))])
                    },
                    footer: [.init([.header("Risultato del dirigente"), .text(DocumentText.weight(manager.objectives.reduce(0) { $0 + $1.weight })),
                                    .text(DocumentText.score(manager.score))])]
                ))
            }
        }
    }

    /// The scoring policy in a few Italian lines, so that a reader knows how the figures were computed.
    /// The closing "Note di calcolo" chapter of a results document: the policy and the scorer's notes.
    static func calculationNotes(_ card: Scorecard, heading: String, caption: String, className: String?, to body: inout HTMLWriter) {
        body.section(2, heading, id: "note-calcolo", className: className) { w in
            w.list(policy(card.policy))
            if !card.notes.isEmpty { w.table(diagnostics(card.notes, caption: caption)) }
        }
    }

    /// A results document (Relazione, Monitoraggio) as a page: running header, illustrative marker and cover.
    static func page(plan: Plan, card: Scorecard, results: Results, title: String, subtitle: String, body: HTMLWriter) -> String {
        let organization = DocumentText.organization(plan)
        return DocumentPage(
            title: "\(organization) – \(title)",
            runningHeader: "\(organization) – \(title) – \(plan.title)",
            marker: card.illustrative ? illustrativeMarker : nil,
            cover: DocumentText.cover(plan: plan, title: title, subtitle: subtitle, extra: [illustrativeBanner(results)]),
            indexTitle: "Indice",
            body: body
        ).render()
    }

    static func policy(_ policy: ScoringPolicy) -> [String] {
        var lines = ["Tetto del grado di raggiungimento per indicatore: \(ItalianNumber.percent(policy.cap))."]
        lines.append(policy.threshold > 0 ? "Soglia minima: sotto \(ItalianNumber.percent(policy.threshold)) l'indicatore vale 0." : "Nessuna soglia minima.")
        switch policy.rule {
        case .ratio: lines.append("Regola lineare: valore rilevato diviso target (o target diviso valore, se minore è meglio).")
        case .progressFromBaseline: lines.append("Regola del progresso: 0% al valore storico di riferimento, 100% al target.")
        }
        switch policy.missingMeasurement {
        case .showAsMissing: lines.append("Rilevazioni mancanti: escluse dal calcolo, con i pesi ri-normalizzati; il risultato è segnato come incompleto.")
        case .scoreZero: lines.append("Rilevazioni mancanti: valgono 0%.")
        case .blockRollUp: lines.append("Rilevazioni mancanti: bloccano il calcolo dei livelli superiori.")
        }
        if !policy.bands.isEmpty {
            let bands = policy.bands.sorted { $0.minimum < $1.minimum }.map { "da \(ItalianNumber.percent($0.minimum)) vale \(ItalianNumber.percent($0.score))" }
            lines.append("Fasce (\(policy.bandMode == .fixed ? "valori fissi" : "interpolate")): " + bands.joined(separator: "; ") + ".")
        }
        lines.append("Il risultato di un obiettivo è la media ponderata dei suoi indicatori; per un obiettivo strategico si combinano gli indicatori propri e gli obiettivi operativi secondo le quote del piano. Una correzione validata dall'OIV sostituisce il valore calcolato, che resta indicato.")
        return lines
    }
}
