import Performa
import PerformaStore

struct ObjectiveView: Sendable {
    struct Cell: Sendable { var text: String }
    struct KeyValue: Sendable {
        var label: String
        var blocks: [NarrativeBlock]
    }
    struct Actions: Sendable {
        var year: String
        var items: [String]
    }
    struct IndicatorRow: Sendable {
        var number: String
        var title: String
        var baseline: String
        var cells: [Cell]
    }
    struct BreakdownRow: Sendable {
        var label: String
        var href: String?
        var weight: String
        var effective: String
        var group: Bool
    }
    struct ResultRow: Sendable {
        var number: String
        var title: String
        var checkpoint: String
        var target: String
        var value: String
        var note: String?
        var line: ScoreLine
        var reason: String?
        var formHref: String
        var formLabel: String
    }
    struct Row: Sendable { var cells: [Cell] }
    /// One line of an indicator's history across plans.
    struct HistoryRow: Sendable {
        var indicator: String
        var plan: String
        var href: String
        var current: Bool
        var year: String
        var baseline: String
        var target: String
        var measured: String
    }
    struct FileLink: Sendable {
        var name: String
        var href: String
        var detail: String
    }

    let page: PageChrome
    let heading: String
    let title: String
    let subtitle: String?
    let weightText: String
    let parent: PageChrome.Link?
    let additional: Bool
    let assignees: [String]
    let filter: CheckpointFilter
    let checkpoint: String
    let summary: ScoreLine
    let parts: [Cell]
    let sheet: [KeyValue]
    let actions: [Actions]
    let breakdown: [BreakdownRow]
    let indicatorColumns: [Cell]
    let indicators: [IndicatorRow]
    let results: [ResultRow]
    let budgetColumns: [Cell]
    let budget: [Row]
    let documentation: [KeyValue]
    let files: [FileLink]
    /// The indicators' values and targets in every plan that carries them; empty when only this plan does.
    let history: [HistoryRow]
    let notes: [String]
    let children: [ScoreLine]
    // Stored flags for the template's optional sections (Mustache sees only stored properties).
    let hasBreakdown: Bool
    let hasBudget: Bool
    let hasDocumentation: Bool
    let hasNotes: Bool
    let hasChildren: Bool
    let hasHistory: Bool

    init(entry: PlanIndex.Entry, snapshot: PlanSnapshot, selected: Day, access: MeasurementAccess, evidence: [EvidenceFile],
         history: [IndicatorHistory], context: WebRequestContext, notices: [Notice]) {
        self.history = history.filter(\.spansSeveralPlans).flatMap { indicator in
            indicator.entries.map { item in
                HistoryRow(indicator: indicator.key.description, plan: "\(item.planTitle) (\(item.span.from)–\(item.span.to))",
                           href: Paths.objective(item.planID, entry.key), current: item.planID == snapshot.id, year: String(item.year),
                           baseline: item.baseline?.text ?? "—", target: item.target?.text ?? "—", measured: item.measured?.text ?? "—")
            }
        }
        hasHistory = !self.history.isEmpty
        let plan = snapshot.plan
        let id = snapshot.id
        let key = entry.key
        let sheet = entry.sheet
        let card = snapshot.scorecard(at: selected)
        let cap = card.policy.cap
        let strategic = sheet as? StrategicObjective
        let operational = sheet as? OperationalObjective
        let parentStrategic = entry.level == .operational ? plan.areas.flatMap(\.objectives).first { $0.code == entry.parent } : nil

        switch entry.level {
        case .strategic: heading = "Obiettivo strategico \(key)"
        case .operational: heading = "Obiettivo operativo \(key)"
        case .agency: heading = "Obiettivo dell'azienda speciale \(key)"
        case .measure: heading = "Misura di prevenzione della corruzione \(key)"
        }
        title = sheet.title
        subtitle = strategic?.subtitle
        additional = operational?.additional ?? false
        page = PageChrome(title: "\(key) \(sheet.title)", section: nil, plan: snapshot.stored, context: context,
                          breadcrumbs: [PageChrome.Link(label: "Albero", href: Paths.tree(id))], notices: notices)

        switch entry.level {
        case .strategic:
            weightText = "Peso \(Display.weight(sheet.weight)) nell'area strategica \(entry.parent)"
            parent = PageChrome.Link(label: "Area strategica \(entry.parent)", href: Paths.dashboard(id) + "#area-\(entry.parent)")
        case .operational:
            var text = "Peso \(Display.weight(sheet.weight)) nell'obiettivo strategico \(entry.parent)"
            if let parentStrategic, let weight = sheet.weight, let share = parentStrategic.split?.operationalObjectives {
                text += " (peso effettivo \(Display.weight(weight * share / 100)))"
            }
            weightText = text
            parent = PageChrome.Link(label: "Obiettivo strategico \(entry.parent)", href: Paths.objective(id, entry.parent))
        case .agency:
            weightText = "Peso \(Display.weight(sheet.weight)) tra gli obiettivi dell'azienda speciale"
            parent = nil
        case .measure:
            weightText = "Misura della sottosezione 2.3 del PIAO: è monitorata come gli indicatori ma non concorre alla performance organizzativa"
            parent = PageChrome.Link(label: "PIAO, rischi corruttivi e trasparenza", href: Paths.piaoRisks(id))
        }
        assignees = (plan.assignments ?? []).compactMap { assignment in
            guard let item = assignment.objectives.first(where: { $0.objective == key }) else { return nil }
            let name = plan.organization.managers.first { $0.id == assignment.manager }?.name ?? assignment.manager
            return "\(name) (\(Display.weight(item.weight)))"
        }

        filter = CheckpointFilter(snapshot: snapshot, selected: selected, action: Paths.objective(id, key))
        checkpoint = Display.checkpoint(selected)
        let score = card.objective(key)?.score ?? Score(computed: nil, status: .missing)
        summary = ScoreLine(code: key, title: sheet.title, weight: sheet.weight, score: score, cap: cap)
        if let own = card.objective(key), own.level == .strategic {
            parts = [
                Cell(text: "Indicatori propri (\(Display.weight(strategic?.split?.ownIndicators))): \(Display.achievement(own.ownIndicators))"),
                Cell(text: "Obiettivi operativi (\(Display.weight(strategic?.split?.operationalObjectives))): \(Display.achievement(own.operationalObjectives))"),
            ]
        } else {
            parts = []
        }

        var rows: [KeyValue] = []
        if let classification = sheet.classification {
            rows.append(KeyValue(label: "Bilancio", blocks: [NarrativeBlock(lines: [
                "Missione \(classification.missione.code) – \(classification.missione.title)",
                "Programma \(classification.programma.code) – \(classification.programma.title)",
            ], items: [], isList: false)]))
        }
        rows.append(KeyValue(label: "Descrizione obiettivo e azioni da intraprendere", blocks: NarrativeBlock.blocks(sheet.description ?? "—")))
        rows.append(KeyValue(label: entry.level == .agency ? "Uffici coinvolti" : "Aree e uffici coinvolti", blocks: NarrativeBlock.blocks(sheet.unitsInvolved ?? "—")))
        rows.append(KeyValue(label: "Impegno richiesto", blocks: NarrativeBlock.blocks(sheet.staffCommitted ?? "—")))
        self.sheet = rows
        actions = (strategic?.actions ?? []).map { Actions(year: String($0.year), items: $0.items) }

        if let strategic {
            var breakdown = [BreakdownRow(label: "Indicatori dell'obiettivo strategico", href: nil, weight: Display.weight(strategic.split?.ownIndicators),
                                          effective: Display.weight(strategic.split?.ownIndicators), group: true)]
            if !strategic.operationalObjectives.isEmpty {
                breakdown.append(BreakdownRow(label: "Obiettivi operativi collegati all'obiettivo strategico", href: nil,
                                              weight: Display.weight(strategic.split?.operationalObjectives),
                                              effective: Display.weight(strategic.split?.operationalObjectives), group: true))
                for child in strategic.operationalObjectives {
                    let effective = child.weight.flatMap { w in strategic.split.map { w * $0.operationalObjectives / 100 } }
                    breakdown.append(BreakdownRow(label: "\(child.code) \(child.title)", href: Paths.objective(id, child.code),
                                                  weight: Display.weight(child.weight), effective: Display.weight(effective), group: false))
                }
            }
            self.breakdown = breakdown
        } else {
            breakdown = []
        }

        // The seed's indicator table: one target column per checkpoint (with a weight column per year for strategic
        // indicators, whose weights change from year to year), then one weight column for operational ones.
        let required = entry.level == .strategic ? plan.span.years.map { Day.yearEnd($0) } : [.midYear(plan.year), .yearEnd(plan.year)]
        let days = Array(Set(required).union(sheet.indicators.flatMap { $0.targets.map(\.at) })).sorted()
        var columns: [Cell] = []
        for day in days {
            let label = entry.level == .strategic && day.month == 12 && day.day == 31 ? String(day.year) : Display.checkpoint(day)
            columns.append(Cell(text: "Risultato atteso al \(label)"))
            if entry.level == .strategic { columns.append(Cell(text: "Peso \(label)")) }
        }
        if entry.level != .strategic { columns.append(Cell(text: "Peso")) }
        indicatorColumns = columns
        indicators = sheet.indicators.map { indicator in
            var cells: [Cell] = []
            for day in days {
                let target = indicator.target(at: day)
                cells.append(Cell(text: target?.target.text ?? "—"))
                if entry.level == .strategic { cells.append(Cell(text: target == nil ? "—" : Display.weight(indicator.weight(at: day)))) }
            }
            if entry.level != .strategic { cells.append(Cell(text: Display.weight(indicator.weight))) }
            return IndicatorRow(number: String(indicator.number), title: indicator.title, baseline: indicator.baseline?.text ?? "—", cells: cells)
        }

        // Measured values and achievement at every checkpoint where an indicator has a target.
        var results: [ResultRow] = []
        let cards = Dictionary(uniqueKeysWithValues: days.map { ($0, $0 == selected ? card : snapshot.scorecard(at: $0)) })
        for indicator in sheet.indicators {
            let indicatorKey = IndicatorKey(objective: key, number: indicator.number)
            for target in indicator.targets.sorted(by: { $0.at < $1.at }) {
                guard let scored = cards[target.at]?.indicator(indicatorKey) else { continue }
                let writable = access.mayEnter(objective: key, at: target.at) && target.target.kind.isApplicable
                results.append(ResultRow(
                    number: String(indicator.number), title: indicator.title, checkpoint: Display.checkpoint(target.at), target: target.target.text,
                    value: scored.measurement?.text ?? "—", note: scored.measurement?.note,
                    line: ScoreLine(code: indicatorKey.description, title: indicator.title, weight: scored.weight, score: scored.score, cap: cap),
                    reason: scored.reason, formHref: Paths.measurementForm(id, indicatorKey, target.at),
                    formLabel: writable ? (scored.measurement == nil ? "Inserisci" : "Aggiorna") : "Storico"))
            }
        }
        self.results = results

        let lines = sheet.budgetLines ?? []
        let years = Array(Set(lines.flatMap { $0.amounts.map(\.year) })).sorted()
        budgetColumns = lines.isEmpty ? [] : [Cell(text: "Conto ricavo/costo"), Cell(text: "Budget"), Cell(text: "PIRA")] + years.map { Cell(text: "Risorse \($0)") }
        budget = lines.map { line in
            Row(cells: [Cell(text: line.account ?? "—"), Cell(text: line.budgetCentre ?? "—"), Cell(text: line.pira ?? "—")]
                + years.map { year in
                    let texts = line.amounts.filter { $0.year == year }.map(\.amount.text)
                    return Cell(text: texts.isEmpty ? "—" : texts.joined(separator: " + "))
                })
        }
        documentation = sheet.indicators.compactMap { indicator in
            indicator.evidence.map { KeyValue(label: "Indicatore \(indicator.number)", blocks: NarrativeBlock.blocks($0)) }
        }
        files = evidence.sorted { ($0.indicator, $0.at, $0.uploadedAt) < ($1.indicator, $1.at, $1.uploadedAt) }.map { file in
            FileLink(name: file.fileName, href: Paths.evidence(id, file.id),
                     detail: "indicatore \(file.indicator.number), \(Display.checkpoint(file.at)) · caricato il \(Display.moment(file.uploadedAt))")
        }
        notes = ObjectiveNotes.lines(objectiveNotes: operational?.notes ?? strategic?.notes, indicators: sheet.indicators)
        children = (strategic?.operationalObjectives ?? []).compactMap { child in
            card.objective(child.code).map { ScoreLine(code: child.code, title: child.title, href: Paths.objective(id, child.code), weight: child.weight, score: $0.score, cap: cap) }
        }
        hasBreakdown = !breakdown.isEmpty
        hasBudget = !budget.isEmpty
        hasDocumentation = !documentation.isEmpty
        hasNotes = !notes.isEmpty
        hasChildren = !children.isEmpty
    }
}
