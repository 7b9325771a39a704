import Performa

/// The *Piano della Performance* as print-ready HTML, laid out in the seed's order: premessa, presentazione
/// dell'ente, scenario socio-economico, indirizzi strategici, pianificazione (albero della performance in its
/// two colourings, the summary tables, one *scheda* per objective, the special agencies' sheets, the
/// assignment to the managers) and the POLA as an annex. Everything comes from the plan; no I/O.
public struct PlanDocument: Sendable {
    public let plan: Plan

    public init(plan: Plan) { self.plan = plan }

    /// Narrative sections the outline prints in their own place; any other section of the plan is printed
    /// under "Altri contenuti del piano" so that nothing is lost.
    static let placedSections: Set<String> = [
        "premessa", "mission", "organi", "struttura", "risorse-umane", "articolazione-territoriale",
        "bilancio", "partecipazioni", "indirizzi-strategici", "albero", "assegnazione",
    ]

    public var title: String { plan.title }

    public func render() -> String {
        var body = HTMLWriter()
        if let premessa = section("premessa") {
            body.section(2, "Premessa", id: "premessa", className: "chapter") { $0.narrative(premessa.text) }
        }
        PlanPresentationChapter(plan: plan).write(to: &body)
        ScenarioChapter(plan: plan).write(to: &body)
        writeStrategy(to: &body)
        writePlanning(to: &body, level: 2, number: "4", heading: "4. Pianificazione")
        writeOtherSections(to: &body)
        if let agileWork = plan.agileWork {
            AgileWorkChapter(plan: plan, agileWork: agileWork).write(to: &body)
        }
        let subtitle = "Piano triennale \(plan.span.from)-\(plan.span.to) – obiettivi operativi \(plan.year) (art. 10 D.Lgs. 150/2009)"
        return DocumentPage(
            title: "\(DocumentText.organization(plan)) – \(plan.title)",
            runningHeader: "\(DocumentText.organization(plan)) – \(plan.title)",
            marker: plan.status == .draft ? "BOZZA" : nil,
            cover: DocumentText.cover(plan: plan, title: plan.title, subtitle: subtitle),
            indexDepth: 4,
            body: body
        ).render()
    }

    private func section(_ key: String) -> NarrativeSection? { plan.sections?.first { $0.key == key } }

    /// 3. Indirizzi strategici e programmi operativi, with the programming documents the plan derives from.
    private func writeStrategy(to body: inout HTMLWriter) {
        body.section(2, "3. Indirizzi strategici e programmi operativi", id: "indirizzi-strategici", className: "chapter") { w in
            if let text = section("indirizzi-strategici") { w.narrative(text.text) }
            if let links = plan.links, !links.isEmpty {
                w.table(HTMLTable(
                    caption: "Documenti di programmazione collegati",
                    columns: [.init("Documento"), .init("Atto di approvazione"), .init("Data")],
                    rows: links.map { .init([.header($0.title), .text($0.act ?? DocumentText.none), .text($0.date?.italian ?? DocumentText.none)]) }
                ))
            }
            if let acts = plan.acts, !acts.isEmpty {
                w.table(HTMLTable(
                    caption: "Atti del ciclo della performance",
                    columns: [.init("Atto"), .init("Organo"), .init("Numero"), .init("Data"), .init("Nota")],
                    rows: acts.map {
                        .init([.header(DocumentText.actKind($0.kind)), .text($0.body ?? DocumentText.none), .text($0.number ?? DocumentText.none),
                               .text($0.date?.italian ?? DocumentText.none), .text($0.note ?? "")])
                    }
                ))
            }
            w.table(HTMLTable(
                caption: "Aree strategiche",
                columns: [.init("Area"), .init("Titolo"), .init("Obiettivi strategici", numeric: true), .init("Peso nell'ente", numeric: true)],
                rows: plan.areas.map {
                    .init([.header($0.code), .text($0.title), .text(DocumentText.count($0.objectives.count)), .text(DocumentText.weight($0.weight))])
                }
            ))
        }
    }

    /// 4. Pianificazione: the tree, the summary tables and the sheets, the agencies, the assignments. The PIAO prints
    /// the same chapter as its subsection 2.2, one heading level down.
    func writePlanning(to body: inout HTMLWriter, level: Int, number chapter: String, heading: String) {
        body.section(level, heading, id: "pianificazione", className: "chapter") { w in
            w.section(level + 1, "\(chapter).1 Albero della performance", id: "albero") { w in
                if let text = section("albero") { w.narrative(text.text) }
                figure(&w, .byArea, caption: "Panoramica degli obiettivi per aree strategiche")
                figure(&w, .byManager, caption: "Obiettivi per dirigente: gli obiettivi trasversali mostrano più colori")
            }
            w.section(level + 1, "\(chapter).2 Schede obiettivi strategici ed operativi", id: "schede", className: "page") { w in
                ObjectiveSummaryTables(plan: plan).write(to: &w)
                let sheets = ObjectiveSheets(plan: plan)
                for area in plan.areas {
                    let id = HTMLWriter.anchor("area-", area.code)
                    w.section(level + 2, "Area strategica \(area.code) – \(area.title)", id: id, className: "page") { w in
                        if let weight = area.weight { w.labelled("Peso dell'area nell'ente:", DocumentText.weight(weight)) }
                        for strategic in area.objectives {
                            sheets.writeStrategic(strategic, area: area, to: &w)
                            for operational in strategic.operationalObjectives {
                                sheets.writeOperational(operational, key: operational.code, parent: strategic, to: &w)
                            }
                        }
                    }
                }
            }
            var number = 3
            for group in plan.specialAgencyObjectives ?? [] {
                let agency = plan.organization.specialAgencies?.first { $0.id == group.agency }
                let name = agency?.name ?? group.agency
                let prefix = agency?.code ?? group.agency
                w.section(level + 1, "\(chapter).\(number) Schede obiettivi \(name)", id: HTMLWriter.anchor("agenzia-", group.agency), className: "page") { w in
                    if let director = agency?.director, let manager = plan.organization.managers.first(where: { $0.id == director }) {
                        w.labelled("Direttore:", DocumentText.managerName(manager))
                    }
                    let sheets = ObjectiveSheets(plan: plan)
                    for objective in group.objectives {
                        sheets.writeOperational(objective, key: "\(prefix).\(objective.code)", parent: nil, to: &w)
                    }
                }
                number += 1
            }
            w.section(level + 1, "\(chapter).\(number) Assegnazione obiettivi ai Dirigenti", id: "assegnazione", className: "page") { w in
                if let text = section("assegnazione") { w.narrative(text.text) }
                AssignmentTable(plan: plan).write(to: &w)
            }
        }
    }

    private func figure(_ w: inout HTMLWriter, _ colouring: PerformanceTreeSVG.Colouring, caption: String) {
        w.container("figure", className: "tree") { w in
            w.raw(PerformanceTreeSVG(plan: plan, colouring: colouring, layout: .stacked).render())
            w.raw("<figcaption>\(XMLText.escape(caption))</figcaption>")
        }
    }

    private func writeOtherSections(to body: inout HTMLWriter) {
        let others = (plan.sections ?? []).filter { !Self.placedSections.contains($0.key) }
        guard !others.isEmpty else { return }
        body.section(2, "Altri contenuti del piano", id: "altri-contenuti", className: "chapter") { w in
            for section in others {
                w.section(3, section.title, id: HTMLWriter.anchor("sezione-", section.key)) { $0.narrative(section.text) }
            }
        }
    }
}
