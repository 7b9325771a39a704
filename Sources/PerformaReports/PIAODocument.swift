import Performa

/// The *Piano Integrato di Attività e Organizzazione* as print-ready HTML, in the order of the DM 132/2022 template:
/// 1 scheda anagrafica; 2 valore pubblico, performance e anticorruzione (2.1, 2.2, 2.3); 3 organizzazione e capitale
/// umano (3.1, 3.2, 3.3); 4 monitoraggio. Subsection 2.2 is the Piano della Performance's planning chapter and 3.2
/// its POLA, printed by the same code as the Piano (`PlanDocument`, `AgileWorkChapter`). A simplified PIAO (fewer
/// than 50 employees) prints only the sections `PIAOKind.dueSections` lists. With results, the achievements of the
/// public-value objectives and the state of each prevention measure at `checkpoint` are added.
public struct PIAODocument: Sendable {
    public let plan: Plan
    public let results: Results?
    public let checkpoint: Day

    public init(plan: Plan, results: Results? = nil, checkpoint: Day? = nil) {
        self.plan = plan
        self.results = results
        self.checkpoint = checkpoint ?? .yearEnd(plan.year)
    }

    private var piao: PIAO { plan.piao ?? PIAO() }
    private var kind: PIAOKind { PIAOKind(plan) }
    private func due(_ section: PIAOSection) -> Bool { kind.dueSections.contains(section) }

    public var title: String { "Piano Integrato di Attività e Organizzazione \(span.from)-\(span.to)" }
    private var span: YearSpan { piao.span ?? plan.span }

    public func render() -> String {
        let scores = results.map { PIAOScores(plan: plan, scorecard: Scorer(plan: plan).scorecard(results: $0, at: checkpoint)) }
        var body = HTMLWriter()
        writeRegistry(to: &body)
        if due(.publicValue) || due(.performance) || due(.risks) {
            body.section(2, "Sezione 2. Valore pubblico, performance e anticorruzione", id: "sezione-2", className: "chapter") { w in
                if due(.publicValue) { writePublicValue(scores, to: &w) }
                if due(.performance) { writePerformance(to: &w) }
                if due(.risks) { writeRisks(scores, to: &w) }
            }
        }
        body.section(2, "Sezione 3. Organizzazione e capitale umano", id: "sezione-3", className: "chapter") { w in
            if due(.organization) { writeOrganization(to: &w) }
            if due(.agileWork) { writeAgileWork(to: &w) }
            if due(.staffing) { writeStaffing(to: &w) }
        }
        if due(.monitoring) { writeMonitoring(to: &body) }
        var markers: [String] = []
        if piao.illustrative == true { markers.append("DATI ILLUSTRATIVI") }
        if plan.status == .draft { markers.append("BOZZA") }
        var extra = ["<p class=\"small\">PIAO \(XMLText.escape(kind.italian)) – DL 80/2021 art. 6, DM 30 giugno 2022 n. 132</p>"]
        if piao.illustrative == true {
            extra.append("<p class=\"small\">Le sezioni del PIAO diverse dalla performance contengono dati illustrativi, non dell'ente.</p>")
        }
        return DocumentPage(
            title: "\(DocumentText.organization(plan)) – \(title)",
            runningHeader: "\(DocumentText.organization(plan)) – PIAO \(span.from)-\(span.to)",
            marker: markers.isEmpty ? nil : markers.joined(separator: " – "),
            cover: DocumentText.cover(plan: plan, title: title, subtitle: "Sottosezione 2.2: \(plan.title)", extra: extra),
            indexDepth: 3,
            body: body
        ).render()
    }

    // MARK: Section 1

    private func writeRegistry(to body: inout HTMLWriter) {
        let registry = piao.registry ?? AdministrationRegistry()
        let organization = plan.organization
        let head = registry.head ?? organization.organs?.flatMap { $0.members ?? [] }.first { $0.role == "Presidente" }?.name
        let rows: [(String, String?)] = [
            ("Denominazione", organization.name),
            ("Natura giuridica", organization.legalNature),
            ("Codice fiscale", registry.fiscalCode),
            ("Codice IPA", registry.ipaCode),
            ("Sede", registry.address),
            ("PEC", registry.pec),
            ("Sito istituzionale", registry.website),
            ("Dipendenti", PIAO.employees(of: plan).map(DocumentText.count)),
            ("Legale rappresentante", head),
            ("Responsabile della prevenzione della corruzione e della trasparenza", registry.rpct),
            ("Tipo di PIAO", kind.italian),
            ("Periodo", "\(span.from)-\(span.to)"),
        ]
        body.section(2, "Sezione 1. Scheda anagrafica dell'amministrazione", id: "sezione-1", className: "chapter") { w in
            w.table(HTMLTable(caption: "Scheda anagrafica", columns: [.init("Voce"), .init("Dato")],
                              rows: rows.map { .init([.header($0.0), .text($0.1 ?? DocumentText.none)]) }, className: "key-value"))
            if let acts = piao.acts, !acts.isEmpty {
                w.table(HTMLTable(
                    caption: "Adozione e aggiornamenti del PIAO",
                    columns: [.init("Atto"), .init("Organo"), .init("Numero"), .init("Data"), .init("Nota")],
                    rows: acts.map {
                        .init([.header(DocumentText.actKind($0.kind)), .text($0.body ?? DocumentText.none), .text($0.number ?? DocumentText.none),
                               .text($0.date?.italian ?? DocumentText.none), .text($0.note ?? "")])
                    }))
            }
        }
    }

    // MARK: Section 2

    private func writePublicValue(_ scores: PIAOScores?, to w: inout HTMLWriter) {
        w.section(3, "2.1 Valore pubblico", id: "valore-pubblico") { w in
            let titles = Dictionary(PlanIndex(plan).entries.map { ($0.key, $0.sheet.title) }, uniquingKeysWith: { first, _ in first })
            for value in piao.publicValue ?? [] {
                w.section(4, "\(value.code) \(value.title)", id: HTMLWriter.anchor("vp-", value.code), inOutline: false) { w in
                    if let outcome = value.outcome { w.labelled("Impatto atteso:", outcome) }
                    if let stakeholders = value.stakeholders, !stakeholders.isEmpty { w.labelled("Portatori di interesse:", stakeholders.joined(separator: "; ")) }
                    if let strategies = value.strategies, !strategies.isEmpty { w.labelled("Strategie:", strategies.joined(separator: "; ")) }
                    if let score = scores?.publicValue.first(where: { $0.objective.code == value.code })?.score {
                        w.labelled("Grado di raggiungimento al \(checkpoint.italian):", DocumentText.score(score))
                    }
                    if let indicators = value.impactIndicators, !indicators.isEmpty {
                        w.table(HTMLTable(
                            caption: "Indicatori di impatto – \(value.code)",
                            columns: [.init("Indicatore"), .init("Quadro di riferimento"), .init("Fonte"), .init("Valore di partenza"), .init("Valore atteso")],
                            rows: indicators.map {
                                .init([.header($0.title), .text($0.framework ?? DocumentText.none), .text($0.source ?? DocumentText.none),
                                       .text($0.baseline ?? DocumentText.none), .text($0.target ?? DocumentText.none)])
                            }))
                    }
                    let achieved = scores?.publicValue.first { $0.objective.code == value.code }?.parts
                    w.table(HTMLTable(
                        caption: "Obiettivi del piano che producono \(value.code)",
                        columns: [.init("Obiettivo"), .init("Titolo")] + (achieved == nil ? [] : [.init("Grado di raggiungimento", numeric: true)]),
                        rows: value.objectives.map { key in
                            let cells: [HTMLTable.Cell] = [.header(key), .text(titles[key] ?? DocumentText.none)]
                            guard let achieved else { return .init(cells) }
                            return .init(cells + [.text(DocumentText.percent(achieved.first { $0.key == key }?.achievement))])
                        }))
                }
            }
        }
    }

    private func writePerformance(to w: inout HTMLWriter) {
        if let flagged = piao.dimensions, !flagged.isEmpty {
            let titles = Dictionary(PlanIndex(plan).entries.map { ($0.key, $0.sheet.title) }, uniquingKeysWith: { first, _ in first })
            w.section(3, "2.2 Performance – obiettivi di semplificazione, digitalizzazione, accessibilità e pari opportunità",
                      id: "dimensioni-piao", inOutline: false) { w in
                w.table(HTMLTable(
                    caption: "Obiettivi che il DM 132/2022 chiede di evidenziare",
                    columns: [.init("Obiettivo"), .init("Titolo")] + PIAODimension.allCases.map { .init($0.italian) },
                    rows: flagged.map { item in
                        .init([.header(item.objective), .text(titles[item.objective] ?? DocumentText.none)]
                              + PIAODimension.allCases.map { .text(item.dimensions.contains($0) ? "sì" : "") })
                    }))
            }
        }
        PlanDocument(plan: plan).writePlanning(to: &w, level: 3, number: "2.2", heading: "2.2 Performance")
    }

    private func writeRisks(_ scores: PIAOScores?, to w: inout HTMLWriter) {
        let register = piao.risks ?? RiskRegister()
        let method = register.ratingMethod
        w.section(3, "2.3 Rischi corruttivi e trasparenza", id: "rischi-corruttivi") { w in
            for section in register.sections ?? [] {
                w.section(4, section.title, id: HTMLWriter.anchor("rischi-", section.key), inOutline: false) { $0.narrative(section.text) }
            }
            w.labelled("Metodo di valutazione del rischio:", method.italian)
            if kind == .simplified {
                w.paragraph("PIAO semplificato: la mappatura riguarda le aree di rischio dell'art. 1, comma 16, della L. 190/2012 e i processi indicati dal RPCT (DM 132/2022, art. 6).")
            }
            w.table(HTMLTable(
                caption: "Mappatura dei processi",
                columns: [.init("Processo"), .init("Descrizione"), .init("Area di rischio"), .init("Unità organizzativa"), .init("Eventi rischiosi", numeric: true)],
                rows: register.processes.map {
                    .init([.header($0.code), .text($0.title), .text($0.area.italian), .text(unitName($0.unit)), .text(DocumentText.count($0.events.count))])
                }))
            w.table(HTMLTable(
                caption: "Registro degli eventi rischiosi e valutazione dell'esposizione",
                columns: [.init("Evento"), .init("Descrizione"), .init("Fattori abilitanti"), .init("Indicatori di esposizione"), .init("Giudizio")],
                rows: register.processes.flatMap(\.events).map { event in
                    let assessment = event.assessment
                    var exposure = (assessment?.exposure ?? []).map { "\($0.indicator.italian): \($0.level.italian)" }
                    if let score = assessment?.numericScore { exposure.append("probabilità \(assessment?.probability ?? 0) × impatto \(assessment?.impact ?? 0) = \(score)") }
                    let rating = assessment?.level(by: method).map(\.italian) ?? DocumentText.none
                    return .init([.header(event.code), .text(event.description), .text((event.factors ?? []).joined(separator: "; ")),
                                  .text(exposure.joined(separator: "; ")),
                                  .text(rating + (assessment?.motivation.map { " – \($0)" } ?? ""))])
                }))
            let measureScores = scores?.measures
            w.table(HTMLTable(
                caption: "Misure di prevenzione",
                columns: [.init("Misura"), .init("Descrizione"), .init("Tipo"), .init("Eventi trattati"), .init("Responsabile"), .init("Tempi"),
                          .init("Indicatori di monitoraggio")] + (measureScores == nil ? [] : [.init("Stato al \(checkpoint.italian)", numeric: true)]),
                rows: register.measures.map { measure in
                    var cells: [HTMLTable.Cell] = [
                        .header(measure.key), .text(measure.title),
                        .text(measure.kind.italian + (measure.type.map { " – \($0)" } ?? "")),
                        .text((measure.risks ?? []).joined(separator: ", ")), .text(managerName(measure.owner)),
                        .text(measure.timing ?? DocumentText.none), .text(monitoring(measure)),
                    ]
                    if let measureScores {
                        let score = measureScores.first { $0.measure.code == measure.code }?.score
                        cells.append(.text(score.map(DocumentText.score) ?? DocumentText.none))
                    }
                    return .init(cells)
                }))
            if let obligations = register.transparency, !obligations.isEmpty {
                w.table(HTMLTable(
                    caption: "Obblighi di pubblicazione (Amministrazione Trasparente)",
                    columns: [.init("Sezione"), .init("Contenuto"), .init("Riferimento"), .init("Ufficio responsabile"), .init("Responsabile"), .init("Aggiornamento")],
                    rows: obligations.map {
                        .init([.header($0.section + ($0.subsection.map { " – \($0)" } ?? "")), .text($0.content), .text($0.reference ?? DocumentText.none),
                               .text(unitName($0.office)), .text(managerName($0.owner)), .text($0.update.italian)])
                    }))
            }
        }
    }

    /// How a measure is monitored: the objective it is, or its indicators with their year-end targets.
    private func monitoring(_ measure: PreventionMeasure) -> String {
        if let objective = measure.objective { return "Obiettivo \(objective) del piano (stessi indicatori)" }
        return (measure.indicators ?? []).map { indicator in
            let target = indicator.target(at: .yearEnd(plan.year))?.target.text ?? DocumentText.none
            return "\(indicator.number). \(indicator.title): \(target)"
        }.joined(separator: "; ")
    }

    // MARK: Section 3

    private func writeOrganization(to w: inout HTMLWriter) {
        w.section(3, "3.1 Struttura organizzativa", id: "struttura-organizzativa") { w in
            if let text = plan.sections?.first(where: { $0.key == "struttura" }) { w.narrative(text.text) }
            w.container("figure", className: "tree") { w in
                w.raw(OrganigramSVG(organization: plan.organization).render())
                w.raw("<figcaption>Organigramma</figcaption>")
            }
        }
    }

    private func writeAgileWork(to w: inout HTMLWriter) {
        guard let agileWork = plan.agileWork else {
            w.section(3, "3.2 Organizzazione del lavoro agile", id: "pola") { $0.paragraph(DocumentText.none) }
            return
        }
        AgileWorkChapter(plan: plan, agileWork: agileWork, heading: (3, "3.2 Organizzazione del lavoro agile – \(agileWork.title)")).write(to: &w)
    }

    private func writeStaffing(to w: inout HTMLWriter) {
        w.section(3, "3.3 Piano triennale dei fabbisogni di personale", id: "fabbisogni") { w in
            guard let staffing = piao.staffing else { w.paragraph(DocumentText.none); return }
            if let note = staffing.note { w.paragraph(note) }
            let start = staffing.startingStaff ?? plan.organization.staff
            if let start {
                let years = Array(span.years)
                let projected = years.map { staffing.projected(from: start, through: $0) }
                w.table(HTMLTable(
                    caption: "Personale per categoria: consistenza al \(start.asOf.italian) e proiezione a fine anno",
                    columns: [.init("Categoria"), .init("Al \(start.asOf.italian)", numeric: true)] + years.map { .init("31/12/\($0)", numeric: true) },
                    rows: start.byCategory.indices.map { i in
                        let category = start.byCategory[i]
                        return .init([.header(category.category), .text(DocumentText.count(category.count))]
                                     + projected.map { year in .text(DocumentText.count(year.first { $0.category == category.category }?.count ?? 0)) })
                    }))
            }
            let movements = staffing.departures.map { ($0, true) } + staffing.hires.map { ($0, false) }
            w.table(HTMLTable(
                caption: "Cessazioni e assunzioni programmate",
                columns: [.init("Anno", numeric: true), .init("Categoria"), .init("Cessazioni", numeric: true), .init("Assunzioni", numeric: true), .init("Modalità")],
                rows: movements.sorted { ($0.0.year, $0.1 ? 0 : 1) < ($1.0.year, $1.1 ? 0 : 1) }.map { move, departure in
                    .init([.text(String(move.year)), .header(move.category), .text(departure ? DocumentText.count(move.count) : ""),
                           .text(departure ? "" : DocumentText.count(move.count)), .text(move.channel ?? "")])
                }))
            if let capacity = staffing.spendingCapacity, !capacity.isEmpty {
                w.table(HTMLTable(caption: "Capacità assunzionale", columns: [.init("Anno", numeric: true), .init("Importo", numeric: true)],
                                  rows: capacity.map { .init([.header(String($0.year)), .text($0.amount.text)]) }))
            }
            if due(.training), let training = piao.training, !training.isEmpty {
                w.table(HTMLTable(
                    caption: "Piano della formazione",
                    columns: [.init("Anno", numeric: true), .init("Azione formativa"), .init("Destinatari"), .init("Ore", numeric: true), .init("Partecipanti", numeric: true)],
                    rows: training.map {
                        .init([.text(String($0.year)), .header($0.title), .text($0.audience ?? DocumentText.none),
                               .text($0.hours.map { ItalianNumber.format($0) } ?? DocumentText.none), .text($0.participants.map(DocumentText.count) ?? DocumentText.none)])
                    }))
            }
        }
    }

    // MARK: Section 4

    private func writeMonitoring(to body: inout HTMLWriter) {
        body.section(2, "Sezione 4. Monitoraggio", id: "sezione-4", className: "chapter") { w in
            w.paragraph("Il monitoraggio descritto è quello che Performa svolge su questo piano: le scadenze sono quelle dei target degli indicatori.")
            w.table(HTMLTable(
                caption: "Strumenti e tempi del monitoraggio",
                columns: [.init("Sottosezione"), .init("Oggetto"), .init("Quando"), .init("Chi"), .init("Come")],
                rows: PIAOMonitoring(plan: plan).lines.map { .init([.header($0.section.heading), .text($0.what), .text($0.when), .text($0.who), .text($0.how)]) }))
        }
    }

    // MARK: Names

    private func unitName(_ id: String?) -> String {
        guard let id else { return DocumentText.none }
        return plan.organization.units?.first { $0.id == id }?.name ?? id
    }

    private func managerName(_ id: String?) -> String {
        guard let id else { return DocumentText.none }
        return plan.organization.managers.first { $0.id == id }.map(DocumentText.managerName) ?? id
    }
}
