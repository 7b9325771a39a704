import Performa

/// The plan's open data for *Amministrazione Trasparente*: its objectives (`obiettivi`) and its indicators
/// with targets and weights, one row per checkpoint (`indicatori`). The columns are fixed and documented
/// in docs/open-data.md; a new column may only be added at the end.
public enum PlanOpenData {
    public static let objectiveColumns: [OpenDataTable.Column] = [
        .init("piano", "testo", "Identificativo del piano."),
        .init("ente", "testo", "Denominazione dell'ente."),
        .init("anno", "intero", "Anno degli obiettivi operativi del piano."),
        .init("livello", "testo", "strategico, operativo, azienda_speciale oppure misura_prevenzione."),
        .init("codice", "testo", "Codice dell'obiettivo (1.1, 1.1.1; PB.1 per l'azienda speciale)."),
        .init("codice_padre", "testo", "Obiettivo strategico di un operativo; azienda speciale di un suo obiettivo; null per gli strategici."),
        .init("area_codice", "testo", "Codice dell'area strategica; null per l'azienda speciale."),
        .init("area_titolo", "testo", "Titolo dell'area strategica; null per l'azienda speciale."),
        .init("titolo", "testo", "Titolo dell'obiettivo."),
        .init("peso", "numero", "Peso nel livello superiore, in percentuale (50 = 50%)."),
        .init("missione", "testo", "Codice della missione di bilancio."),
        .init("programma", "testo", "Codice del programma di bilancio."),
        .init("responsabili", "testo", "Dirigenti a cui l'obiettivo è assegnato, separati da «; »."),
        .init("risorse_euro", "numero", "Risorse dell'anno del piano in euro; null se il piano non indica importi leggibili."),
        .init("numero_indicatori", "intero", "Quanti indicatori misurano l'obiettivo."),
        .init("aggiuntivo", "booleano", "true per un obiettivo aggiunto in corso d'anno."),
    ]

    public static let indicatorColumns: [OpenDataTable.Column] = [
        .init("piano", "testo", "Identificativo del piano."),
        .init("anno", "intero", "Anno degli obiettivi operativi del piano."),
        .init("codice_obiettivo", "testo", "Codice dell'obiettivo."),
        .init("numero_indicatore", "intero", "Numero dell'indicatore nell'obiettivo."),
        .init("codice_indicatore", "testo", "Codice dell'indicatore: obiettivo/numero (1.1.2/1)."),
        .init("livello_obiettivo", "testo", "strategico, operativo, azienda_speciale oppure misura_prevenzione."),
        .init("descrizione", "testo", "Descrizione dell'indicatore (cosa misura)."),
        .init("target_storico", "testo", "Target storico di riferimento, come scritto nel piano."),
        .init("scadenza", "data", "Scadenza del target (AAAA-MM-GG)."),
        .init("target", "testo", "Target a quella scadenza, come scritto nel piano."),
        .init("tipo_target", "testo", "Forma del target: non_applicabile, si_no, quantita_minima, quantita_massima, percentuale_minima, percentuale_massima, variazione_percentuale, frequenza, composto, fase, rapporto, scadenza."),
        .init("valore_target", "numero", "Livello numerico del target (1489, 90 per 90%, -5 per -5%); null per i target non numerici."),
        .init("peso", "numero", "Peso dell'indicatore a quella scadenza, in percentuale; null se il piano non lo indica."),
        .init("documentazione", "testo", "Documentazione e report a supporto."),
        .init("motivo_neutralizzazione", "testo", "Motivo per cui il piano dichiara l'indicatore non valutabile; null altrimenti."),
    ]

    public static func objectives(_ plan: Plan) -> OpenDataTable {
        let index = PlanIndex(plan)
        let names = Dictionary(plan.organization.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let areas = Dictionary(plan.areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // The tree already knows each objective's area and the managers it is assigned to.
        var nodes: [String: PerformanceTree.Node] = [:]
        func collect(_ node: PerformanceTree.Node) {
            if node.kind == .strategic || node.kind == .operational || node.kind == .agencyObjective { nodes[node.key] = node }
            node.children.forEach(collect)
        }
        collect(PerformanceTree(plan).root)
        let records = index.entries.map { entry -> [String: OpenDataValue] in
            let node = nodes[entry.key]
            let area = node?.area.flatMap { areas[$0] }
            let assigned = (node?.managers ?? []).map { names[$0] ?? $0 }
            return [
                "piano": .text(plan.id), "ente": .text(plan.organization.name), "anno": .integer(plan.year),
                "livello": .text(levelName(entry.level)), "codice": .text(entry.key),
                "codice_padre": entry.level == .strategic ? .null : .text(entry.parent),
                "area_codice": .text(area?.code), "area_titolo": .text(area?.title), "titolo": .text(entry.sheet.title),
                "peso": .number(entry.sheet.weight), "missione": .text(entry.sheet.classification?.missione.code),
                "programma": .text(entry.sheet.classification?.programma.code),
                "responsabili": assigned.isEmpty ? .null : .text(assigned.joined(separator: "; ")),
                "risorse_euro": resources(entry.sheet.budgetLines ?? [], year: plan.year),
                "numero_indicatori": .integer(entry.sheet.indicators.count),
                "aggiuntivo": .bool((entry.sheet as? OperationalObjective)?.additional ?? false),
            ]
        }
        return OpenDataTable(name: "obiettivi", columns: objectiveColumns, records: records)
    }

    public static func indicators(_ plan: Plan) -> OpenDataTable {
        var records: [[String: OpenDataValue]] = []
        for (key, indicator, level) in PlanIndex(plan).indicators {
            for entry in indicator.targets {
                records.append([
                    "piano": .text(plan.id), "anno": .integer(plan.year), "codice_obiettivo": .text(key.objective),
                    "numero_indicatore": .integer(key.number), "codice_indicatore": .text(key.description),
                    "livello_obiettivo": .text(levelName(level)), "descrizione": .text(indicator.title),
                    "target_storico": .text(indicator.baseline?.text), "scadenza": .date(entry.at), "target": .text(entry.target.text),
                    "tipo_target": .text(kindName(entry.target.kind)), "valore_target": .number(entry.target.kind.level),
                    "peso": .number(indicator.weight(at: entry.at)), "documentazione": .text(indicator.evidence),
                    "motivo_neutralizzazione": .text(indicator.neutralised?.reason),
                ])
            }
        }
        return OpenDataTable(name: "indicatori", columns: indicatorColumns, records: records)
    }

    static func levelName(_ level: ObjectiveScore.Level) -> String {
        switch level {
        case .strategic: return "strategico"
        case .operational: return "operativo"
        case .agency: return "azienda_speciale"
        case .measure: return "misura_prevenzione"
        }
    }

    /// Stable machine names of the target shapes (the Italian display names may be reworded, these may not).
    static func kindName(_ kind: TargetKind) -> String {
        switch kind {
        case .notApplicable: return "non_applicabile"
        case .yesNo: return "si_no"
        case .atLeast: return "quantita_minima"
        case .atMost: return "quantita_massima"
        case .percentAtLeast: return "percentuale_minima"
        case .percentAtMost: return "percentuale_massima"
        case .change: return "variazione_percentuale"
        case .rate: return "frequenza"
        case .compound: return "composto"
        case .milestone: return "fase"
        case .ratio: return "rapporto"
        case .deadline: return "scadenza"
        }
    }

    /// The amounts of the plan year, in euro; null when there is none or one cannot be read (a partial
    /// sum would understate the resources).
    private static func resources(_ lines: [BudgetLine], year: Int) -> OpenDataValue {
        let amounts = lines.flatMap { $0.amounts.filter { $0.year == year }.map(\.amount) }.filter { !$0.isNone }
        guard !amounts.isEmpty, amounts.allSatisfy({ $0.cents != nil }) else { return .null }
        return .number(Double(amounts.reduce(Int64(0)) { $0 + ($1.cents ?? 0) }) / 100)
    }
}
