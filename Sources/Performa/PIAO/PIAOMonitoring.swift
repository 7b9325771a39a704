/// Section 4 *Monitoraggio* of the PIAO, generated from what Performa actually does with this plan: which section
/// is checked, when (the checkpoints its indicators really have), by whom and how. Nothing is written by hand, so
/// the section cannot promise a monitoring the application does not run.
public struct PIAOMonitoring: Sendable {
    public struct Line: Sendable, Hashable {
        public var section: PIAOSection
        public var what: String
        /// Italian dates or frequency.
        public var when: String
        public var who: String
        public var how: String
    }

    public let lines: [Line]

    public init(plan: Plan) {
        let kind = PIAOKind(plan)
        let index = PlanIndex(plan)
        func dates(_ entries: [PlanIndex.Entry]) -> String {
            let days = Set(entries.flatMap { $0.sheet.indicators.flatMap { $0.targets.filter { $0.target.kind.isApplicable }.map(\.at) } })
            return days.isEmpty ? "nessuna scadenza con target" : days.sorted().map(\.italian).joined(separator: ", ")
        }
        let objectives = index.entries.filter { $0.level != .measure }
        var lines: [Line] = []
        let due = Set(kind.dueSections)
        if due.contains(.publicValue), let values = plan.piao?.publicValue, !values.isEmpty {
            let linked = Set(values.flatMap(\.objectives))
            lines.append(Line(section: .publicValue,
                              what: "Grado di raggiungimento degli obiettivi di valore pubblico (\(values.count)), media degli obiettivi del piano collegati (\(linked.count))",
                              when: dates(objectives.filter { linked.contains($0.key) }),
                              who: "Struttura tecnica; OIV",
                              how: "Calcolato da Performa a ogni rilevazione; gli indicatori di impatto sono riportati dalle fonti esterne"))
        }
        if due.contains(.performance) {
            lines.append(Line(section: .performance,
                              what: "Obiettivi (\(objectives.count)) e indicatori (\(objectives.reduce(0) { $0 + $1.sheet.indicators.count })) di performance",
                              when: dates(objectives),
                              who: "Dirigenti (rilevazione); OIV (validazione)",
                              how: "Campagne di rilevazione con apertura, promemoria e chiusura; validazione dell'OIV; Relazione sulla Performance validata dall'OIV (art. 10 e 14 D.Lgs. 150/2009)"))
        }
        if let risks = plan.piao?.risks {
            let own = index.entries.filter { $0.level == .measure }
            let linked = Set(risks.measures.compactMap(\.objective))
            lines.append(Line(section: .risks,
                              what: "Misure di prevenzione: \(risks.measures.count), di cui coincidenti con obiettivi del piano: \(linked.count)",
                              when: dates(own + objectives.filter { linked.contains($0.key) }),
                              who: "RPCT (rilevazione); OIV (validazione)",
                              how: "Nelle stesse campagne degli indicatori di performance; relazione annuale del RPCT (art. 1 c. 14 L. 190/2012)"))
            if let obligations = risks.transparency, !obligations.isEmpty {
                let byFrequency = TransparencyObligation.UpdateFrequency.allCases.compactMap { frequency -> String? in
                    let n = obligations.filter { $0.update == frequency }.count
                    return n == 0 ? nil : "\(n) \(frequency.italian)"
                }
                lines.append(Line(section: .risks, what: "Obblighi di pubblicazione in Amministrazione Trasparente: \(obligations.count)",
                                  when: "Aggiornamento " + byFrequency.joined(separator: ", "),
                                  who: "Uffici responsabili; RPCT; OIV (attestazione)",
                                  how: "Verifica della pubblicazione e attestazione dell'OIV (art. 14 c. 4 lett. g D.Lgs. 150/2009)"))
            }
        }
        if let agile = plan.agileWork {
            lines.append(Line(section: .agileWork, what: "Dimensione del lavoro agile (\(agile.monthly.count) mesi rilevati nel \(agile.monthlyYear))",
                              when: "Mensile", who: "Ufficio personale", how: "Dipendenti, lavoratori agili, giornate medie settimanali e giornate del mese"))
        }
        if plan.piao?.staffing != nil {
            lines.append(Line(section: .staffing, what: "Consistenza del personale rispetto al piano dei fabbisogni",
                              when: "Annuale, al 31/12", who: "Ufficio personale", how: "Cessazioni e assunzioni effettive per categoria rispetto a quelle programmate"))
        }
        if due.contains(.training), let training = plan.piao?.training, !training.isEmpty {
            lines.append(Line(section: .training, what: "Azioni formative: \(training.count)", when: "Annuale",
                              who: "Ufficio personale", how: "Ore erogate e partecipanti rispetto a quelli previsti"))
        }
        self.lines = lines
    }
}
