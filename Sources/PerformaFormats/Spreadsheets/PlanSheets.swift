import Performa

/// The sheets of a plan workbook and their columns. The template covers the whole tree: areas,
/// strategic, operational and special-agency objectives with every field of their sheets, the actions
/// per year, the indicators with baseline, targets and weights per checkpoint and evidence, the budget
/// lines, the assignments, the managers and the special agencies, and the plan's identity. What it does
/// not cover (organs, sites, staff, context chapters, scenario, POLA, scoring policy, acts) comes from a
/// base plan file on import. docs/spreadsheets.md describes every column.
public enum PlanSheets {
    /// Identity of the plan, as `Voce | Valore` rows.
    public enum Header {
        public static let item = "Voce", value = "Valore"
        public static let id = "Identificativo del piano", title = "Titolo del piano"
        public static let firstYear = "Primo anno", lastYear = "Ultimo anno", year = "Anno degli obiettivi operativi"
        public static let status = "Stato", version = "Versione"
        public static let organizationID = "Codice dell'ente", organizationName = "Nome dell'ente"

        public static let schema = SheetSchema(name: "Piano", columns: [
            .init(item, "Nome del dato (una riga per ciascuna voce elencata sotto).", required: true, maxWidth: 34),
            .init(value, "Il valore.", required: true, maxWidth: 60),
        ])

        /// The items of the `Voce` column, with their meaning.
        public static let items: [(item: String, meaning: String)] = [
            (id, "Identificativo stabile del piano, es. cciaa-brescia-2021-2023 (i file dei risultati vi fanno riferimento)."),
            (title, "Titolo, es. Piano della Performance 2021-2023."),
            (firstYear, "Primo anno del triennio."),
            (lastYear, "Ultimo anno del triennio."),
            (year, "Anno degli obiettivi operativi (scadenze 30/6 e 31/12)."),
            (status, "bozza, validato dall'OIV, adottato oppure revisionato."),
            (version, "1 per il piano adottato, poi una in più per ogni revisione."),
            (organizationID, "Identificativo dell'ente, es. cciaa-brescia."),
            (organizationName, "Denominazione dell'ente."),
        ]
    }

    public enum Objectives {
        public static let level = "Livello", code = "Codice", parent = "Padre", title = "Titolo", subtitle = "Sottotitolo"
        public static let weight = "Peso", printedEffectiveWeight = "Peso effettivo stampato"
        public static let ownShare = "Quota indicatori propri", operationalShare = "Quota obiettivi operativi"
        public static let missionCode = "Codice missione", mission = "Missione"
        public static let programmeCode = "Codice programma", programme = "Programma"
        public static let description = "Descrizione", unitsInvolved = "Aree e uffici coinvolti", staffCommitted = "Impegno richiesto"
        public static let relevance = "Rilevanza", additional = "Aggiuntivo", notes = "Note"

        public static let schema = SheetSchema(name: "Obiettivi", columns: [
            .init(level, "area, strategico, operativo oppure azienda speciale.", required: true, maxWidth: 18),
            .init(code, "Codice: 1 (area), 1.1 (strategico), 1.1.1 (operativo); per l'azienda speciale il numero dell'obiettivo (1).", required: true, maxWidth: 10),
            .init(parent, "Area dell'obiettivo strategico, obiettivo strategico dell'operativo, codice dell'azienda speciale (es. pro-brixia); vuoto per le aree.", maxWidth: 14),
            .init(title, "Titolo.", required: true, maxWidth: 50),
            .init(subtitle, "Seconda riga del titolo (solo obiettivi strategici).", maxWidth: 30),
            .init(weight, "Peso: dell'area nell'ente, dello strategico nell'area, dell'operativo nella quota operativa dello strategico o nell'azienda speciale.", maxWidth: 10),
            .init(printedEffectiveWeight, "Peso effettivo stampato nella scheda (operativi), conservato per il controllo.", maxWidth: 12),
            .init(ownShare, "Quota del risultato dello strategico data dai suoi indicatori (es. 50%).", maxWidth: 12),
            .init(operationalShare, "Quota del risultato dello strategico data dai suoi obiettivi operativi (es. 50%).", maxWidth: 12),
            .init(missionCode, "Codice della missione di bilancio (es. 011).", maxWidth: 10),
            .init(mission, "Titolo della missione.", maxWidth: 30),
            .init(programmeCode, "Codice del programma (es. 005).", maxWidth: 10),
            .init(programme, "Titolo del programma.", maxWidth: 30),
            .init(description, "Descrizione dell'obiettivo (più paragrafi separati da una riga vuota).", maxWidth: 60),
            .init(unitsInvolved, "Aree e uffici coinvolti.", maxWidth: 30),
            .init(staffCommitted, "Impegno richiesto (personale).", maxWidth: 30),
            .init(relevance, "Rilevanza attribuita dall'OIV per la valorizzazione (numero).", maxWidth: 10),
            .init(additional, "SI per un obiettivo aggiunto in corso d'anno (operativi e azienda speciale).", maxWidth: 11),
            .init(notes, "Note.", maxWidth: 30),
        ])
    }

    public enum Actions {
        public static let objective = "Obiettivo", year = "Anno", action = "Azione"

        public static let schema = SheetSchema(name: "Azioni", columns: [
            .init(objective, "Codice dell'obiettivo strategico.", required: true, maxWidth: 10),
            .init(year, "Anno dell'azione.", required: true, maxWidth: 8),
            .init(action, "Un'azione prevista per quell'anno (una per riga, nell'ordine della scheda).", required: true, maxWidth: 80),
        ])
    }

    public enum Indicators {
        public static let objective = "Obiettivo", number = "Numero", title = "Descrizione", baseline = "Target storico"
        public static let weight = "Peso"
        /// Column families, one column per checkpoint: `Target al 31/12/2021`, `Peso al 31/12/2021`.
        public static let targetPrefix = "Target al ", targetWeightPrefix = "Peso al "
        public static let evidence = "Documentazione e report", unit = "Unità di misura", dataSource = "Fonte dei dati"
        public static let formula = "Formula", neutralisationReason = "Motivo neutralizzazione", neutralisedFrom = "Neutralizzato dal"
        public static let notes = "Note"

        public static let schema = SheetSchema(name: "Indicatori", columns: [
            .init(objective, "Codice dell'obiettivo (1.1, 1.1.1; per l'azienda speciale prefisso e numero, es. PB.1).", required: true, maxWidth: 10),
            .init(number, "Numero dell'indicatore nell'obiettivo (1, 2, …).", required: true, maxWidth: 8),
            .init(title, "Descrizione e cosa misura.", required: true, maxWidth: 50),
            .init(baseline, "Target storico di riferimento, come testo (es. 97,40% corrispondente a 2.922 su 3.000).", maxWidth: 24),
            .init(weight, "Peso dell'indicatore nell'obiettivo (indicatori degli obiettivi operativi).", maxWidth: 10),
            .init(targetPrefix + "GG/MM/AAAA", "Target a quella scadenza, come testo (es. 1489, 90%, SI, Almeno 100); vuoto se non c'è. Una colonna per scadenza.", maxWidth: 24),
            .init(targetWeightPrefix + "GG/MM/AAAA", "Peso a quella scadenza, quando cambia per anno (indicatori degli obiettivi strategici).", maxWidth: 12),
            .init(evidence, "Documentazione e report che l'OIV può chiedere.", maxWidth: 40),
            .init(unit, "Unità di misura.", maxWidth: 16),
            .init(dataSource, "Fonte dei dati.", maxWidth: 20),
            .init(formula, "Formula di calcolo.", maxWidth: 20),
            .init(neutralisationReason, "Motivo per cui l'indicatore è dichiarato non valutabile nel piano.", maxWidth: 30),
            .init(neutralisedFrom, "Data da cui non è valutabile (vuota: dall'inizio).", maxWidth: 12),
            .init(notes, "Note.", maxWidth: 30),
        ])

        /// `Target al 31/12/2021` → 31/12/2021.
        static func checkpoint(in header: String, prefix: String) -> Day? {
            guard header.hasPrefix(prefix) else { return nil }
            let rest = header.dropFirst(prefix.count)
            guard rest.count == 10, rest.filter({ $0 == "/" }).count == 2 else { return nil }
            return Day(parsing: String(rest))
        }

        static func isCheckpointColumn(_ header: String) -> Bool {
            checkpoint(in: header, prefix: targetPrefix) != nil || checkpoint(in: header, prefix: targetWeightPrefix) != nil
        }
    }

    public enum Budget {
        public static let objective = "Obiettivo", account = "Conto", accountCode = "Codice conto"
        public static let budgetCentre = "Centro di costo", pira = "Codice PIRA"
        /// Column family, one column per year: `Importo 2021`.
        public static let amountPrefix = "Importo "
        /// An amount cell the plan prints blank (the year is in the table, its amount is not): an empty
        /// cell would mean the year is not in the table at all.
        public static let blankAmount = "(vuoto)"

        public static let schema = SheetSchema(name: "Risorse", columns: [
            .init(objective, "Codice dell'obiettivo (es. 1.1.1, PB.1). Una riga con il solo codice indica una tabella delle risorse stampata senza righe.", required: true, maxWidth: 10),
            .init(account, "Conto, linea e progetto come stampati nella scheda.", maxWidth: 50),
            .init(accountCode, "Numero del conto (es. 330001).", maxWidth: 12),
            .init(budgetCentre, "Centro di costo (es. B002).", maxWidth: 14),
            .init(pira, "Codice PIRA.", maxWidth: 12),
            .init(amountPrefix + "AAAA", "Importo dell'anno: un numero in euro, oppure il testo stampato (-, //, € _____); (vuoto) se la scheda lascia l'importo in bianco; vuota se l'anno non c'è. Una colonna per anno.", maxWidth: 18),
        ])

        /// `Importo 2021` → 2021.
        static func year(in header: String) -> Int? {
            guard header.hasPrefix(amountPrefix), let year = Int(header.dropFirst(amountPrefix.count)), (1900...2200).contains(year) else { return nil }
            return year
        }
    }

    public enum Assignments {
        public static let manager = "Dirigente", objective = "Obiettivo", weight = "Peso"
        public static let printedTitle = "Titolo stampato", printedTotal = "Totale stampato"

        public static let schema = SheetSchema(name: "Assegnazioni", columns: [
            .init(manager, "Codice del dirigente (foglio Dirigenti).", required: true, maxWidth: 14),
            .init(objective, "Codice dell'obiettivo assegnato (es. 1.2, 1.2.1, PB.1).", required: true, maxWidth: 10),
            .init(weight, "Peso dell'obiettivo nella valutazione del dirigente.", required: true, maxWidth: 10),
            .init(printedTitle, "Titolo come lo stampa la tabella di assegnazione, se diverso dalla scheda.", maxWidth: 50),
            .init(printedTotal, "Totale stampato dalla tabella per il dirigente (su una sola delle sue righe).", maxWidth: 12),
        ])
    }

    public enum Managers {
        public static let id = "Codice", name = "Nome", honorific = "Titolo di cortesia", roles = "Ruoli"
        public static let units = "Unità organizzative", agency = "Azienda speciale"

        public static let schema = SheetSchema(name: "Dirigenti", columns: [
            .init(id, "Codice del dirigente, usato nel foglio Assegnazioni (es. rossi).", required: true, maxWidth: 14),
            .init(name, "Nome e cognome.", required: true, maxWidth: 24),
            .init(honorific, "dr, dr.ssa, sig.", maxWidth: 10),
            .init(roles, "Ruoli, uno per riga.", maxWidth: 40),
            .init(units, "Codici delle unità organizzative dirette, uno per riga.", maxWidth: 30),
            .init(agency, "Codice dell'azienda speciale che dirige.", maxWidth: 14),
        ])
    }

    public enum Agencies {
        public static let id = "Codice", code = "Prefisso obiettivi", name = "Nome", description = "Descrizione", director = "Direttore"

        public static let schema = SheetSchema(name: "Aziende speciali", columns: [
            .init(id, "Codice dell'azienda speciale (es. pro-brixia).", required: true, maxWidth: 14),
            .init(code, "Prefisso dei codici dei suoi obiettivi (PB → PB.1).", required: true, maxWidth: 10),
            .init(name, "Denominazione.", required: true, maxWidth: 30),
            .init(description, "Descrizione.", maxWidth: 50),
            .init(director, "Codice del dirigente che la dirige.", maxWidth: 14),
        ])
    }

    /// Every sheet of a plan workbook, in order.
    public static let schemas: [SheetSchema] = [
        Header.schema, Objectives.schema, Actions.schema, Indicators.schema, Budget.schema, Assignments.schema,
        Managers.schema, Agencies.schema,
    ]

    /// The `Livello` values of the Obiettivi sheet.
    enum Level: String, CaseIterable {
        case area = "area", strategic = "strategico", operational = "operativo", agency = "azienda speciale"
    }
}
