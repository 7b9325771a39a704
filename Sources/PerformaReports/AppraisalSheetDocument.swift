import Performa

/// One person's *scheda di valutazione* as a print-ready document to sign (from the browser's print, or
/// `ChromiumPDF`): who is appraised and by whom, each component with weight and score, the individual objectives,
/// the behaviours with rating and comment, the final score, every step of the computation, the workflow's record
/// (colloquio, delivery, review) and the signature boxes of the evaluator and the person.
public struct AppraisalSheetDocument: Sendable {
    public var appraisal: Appraisal
    public var person: Person
    public var smvp: SMVP
    public var organizationName: String
    public var evaluatorName: String?
    /// The workflow's facts as printed (`Colloquio` → `12/01/2022: …`), in order.
    public var record: [(label: String, value: String)]

    public init(appraisal: Appraisal, person: Person, smvp: SMVP, organizationName: String, evaluatorName: String?,
                record: [(label: String, value: String)] = []) {
        self.appraisal = appraisal
        self.person = person
        self.smvp = smvp
        self.organizationName = organizationName
        self.evaluatorName = evaluatorName
        self.record = record
    }

    public func render() -> String {
        let title = "Scheda di valutazione \(appraisal.year)"
        let profile = appraisal.profile.flatMap { id in smvp.profiles.first { $0.id == id } }
        var body = HTMLWriter()
        body.section(2, "Dati della persona", id: "persona") { w in
            w.labelled("Valutato", "\(person.name) (\(person.id))")
            w.labelled("Categoria", [person.category.italian, person.area?.italian].compactMap { $0 }.joined(separator: " · "))
            w.labelled("Struttura", person.unit)
            if let profile { w.labelled("Scheda", profile.title) }
            w.labelled("Valutatore", evaluatorName ?? appraisal.evaluator ?? "non individuato")
            w.labelled("Mesi di servizio nell'anno", String(appraisal.serviceMonths))
            if person.partTime < 1 { w.labelled("Part-time", ItalianNumber.percent(person.partTime)) }
            w.labelled("Sistema di valutazione", [smvp.title, smvp.adoptedBy].compactMap { $0 }.joined(separator: ", "))
        }
        if let reason = appraisal.notAppraised {
            body.paragraph("Non valutabile per il \(appraisal.year): \(reason)")
        }
        body.section(2, "Componenti della valutazione", id: "componenti") { w in
            w.table(HTMLTable(
                caption: "Componenti e pesi",
                columns: [HTMLTable.Column("Componente"), HTMLTable.Column("Peso", numeric: true), HTMLTable.Column("Risultato", numeric: true), HTMLTable.Column("Fonte")],
                rows: appraisal.components.map { component in
                    HTMLTable.Row([.header(component.title), .text(DocumentText.weight(component.weight), className: "num"),
                                   .text(DocumentText.score(component.score), className: "num"), .text(component.source)])
                },
                footer: [HTMLTable.Row([.header("Valutazione finale", colspan: 2), .text(finalText, className: "num"), .text("")])]))
        }
        let objectives = appraisal.objectives.filter { $0.level == .operational }
        if !objectives.isEmpty {
            body.section(2, "Obiettivi individuali o di gruppo", id: "obiettivi") { w in
                for objective in objectives {
                    let indicators = appraisal.indicators.filter { $0.key.objective == objective.key }
                    w.table(HTMLTable(
                        caption: "\(objective.code) \(objective.title) – peso \(DocumentText.weight(objective.weight)), raggiungimento \(DocumentText.score(objective.score))",
                        columns: [HTMLTable.Column("Indicatore"), HTMLTable.Column("Target"), HTMLTable.Column("Rilevato"), HTMLTable.Column("Raggiungimento", numeric: true)],
                        rows: indicators.map { indicator in
                            HTMLTable.Row([.header(indicator.title), .text(indicator.target?.text ?? "—"), .text(indicator.measurement?.text ?? "non rilevato"),
                                           .text(DocumentText.score(indicator.score), className: "num")])
                        }))
                }
            }
        }
        body.section(2, "Comportamenti organizzativi", id: "comportamenti") { w in
            w.table(HTMLTable(
                caption: "Comportamenti valutati sulla scala \(smvp.scale.minimum)–\(smvp.scale.maximum)",
                columns: [HTMLTable.Column("Comportamento"), HTMLTable.Column("Peso", numeric: true), HTMLTable.Column("Valutazione"), HTMLTable.Column("Commento")],
                rows: appraisal.behaviours.map { behaviour in
                    HTMLTable.Row([.header(behaviour.title), .text(DocumentText.weight(behaviour.weight), className: "num"),
                                   .text(behaviour.rating.map { [String($0), behaviour.label].compactMap { $0 }.joined(separator: " – ") } ?? "non valutato"),
                                   .text(behaviour.comment ?? "")])
                }))
        }
        body.section(2, "Come è calcolata", id: "calcolo") { w in
            w.list(appraisal.steps.map { "\($0.title): \($0.text)" })
        }
        if !record.isEmpty {
            body.section(2, "Iter della valutazione", id: "iter") { w in
                for fact in record { w.labelled(fact.label, fact.value) }
            }
        }
        body.section(2, "Firme", id: "firme") { w in
            w.container(className: "firme") { w in
                w.paragraph("Data ____________________   Firma del valutatore ________________________________")
                w.paragraph("Data ____________________   Firma del valutato, per presa visione ________________________________")
            }
        }
        let marker = smvp.illustrative == true ? ResultTables.illustrativeMarker : nil
        return DocumentPage(
            title: "\(organizationName) – \(title) – \(person.name)",
            runningHeader: "\(organizationName) – \(title) – \(person.name)",
            marker: marker,
            cover: "<p class=\"ente\">\(XMLText.escape(organizationName))</p><h1>\(XMLText.escape(title))</h1><p class=\"sub\">\(XMLText.escape(person.name))</p>"
                + (marker.map { "<p class=\"illustrativo\">\(XMLText.escape($0)): sistema di valutazione, personale e valutazioni inventati.</p>" } ?? ""),
            indexTitle: "Indice",
            body: body
        ).render()
    }

    private var finalText: String {
        appraisal.points.map { "\(ItalianNumber.format($0, fractionDigits: 2)) punti su 100" } ?? "non calcolabile"
    }
}
