import Performa

/// The results' open data (`risultati`): the achievement of the organization, the areas, the objectives,
/// the special agency and the indicators at a checkpoint. Managers' individual scores are left out: they
/// are personal data that feed performance pay, which the transparency rules publish only in aggregate.
public enum ResultsOpenData {
    public static let columns: [OpenDataTable.Column] = [
        .init("piano", "testo", "Identificativo del piano."),
        .init("scadenza", "data", "Scadenza a cui si riferiscono i risultati (AAAA-MM-GG)."),
        .init("livello", "testo", "ente, area, strategico, operativo, azienda_speciale, obiettivo_azienda_speciale, misura_prevenzione oppure indicatore."),
        .init("codice", "testo", "Codice: area, obiettivo, indicatore (obiettivo/numero), azienda speciale; «ente» per l'ente."),
        .init("titolo", "testo", "Titolo o descrizione."),
        .init("codice_padre", "testo", "Codice del livello superiore; null per l'ente."),
        .init("peso", "numero", "Peso nel livello superiore, in percentuale; null se il piano non lo indica."),
        .init("target", "testo", "Target alla scadenza (indicatori)."),
        .init("valore_rilevato", "testo", "Valore rilevato, come inserito (indicatori)."),
        .init("raggiungimento", "numero", "Grado di raggiungimento in percentuale, due decimali (quello validato dall'OIV, se c'è); null se non calcolabile."),
        .init("raggiungimento_calcolato", "numero", "Grado calcolato, quando l'OIV lo ha corretto; null altrimenti."),
        .init("motivo_correzione_oiv", "testo", "Motivo della correzione dell'OIV."),
        .init("stato", "testo", "completo, incompleto, mancante, non applicabile, neutralizzato, bloccato, valore non valido."),
        .init("nota", "testo", "Perché manca il valore (neutralizzazione, valore non valido)."),
        .init("illustrativo", "booleano", "true se i valori sono illustrativi e non dati reali dell'ente."),
    ]

    public static func results(_ card: Scorecard) -> OpenDataTable {
        let records = ScorecardRows.rows(card).compactMap { row -> [String: OpenDataValue]? in
            guard let level = levelName(row.level) else { return nil }
            return [
                "piano": .text(card.plan), "scadenza": .date(card.checkpoint), "livello": .text(level), "codice": .text(row.key),
                "titolo": .text(row.title), "codice_padre": .text(row.parent), "peso": .number(row.weight), "target": .text(row.target),
                "valore_rilevato": .text(row.value), "raggiungimento": .number(row.achievement),
                "raggiungimento_calcolato": .number(row.computed), "motivo_correzione_oiv": .text(row.overrideReason),
                "stato": .text(row.status), "nota": .text(row.note), "illustrativo": .bool(card.illustrative),
            ]
        }
        return OpenDataTable(name: "risultati", columns: columns, records: records)
    }

    /// The published level names, fixed here so that a change of the scorecard's wording cannot change
    /// the open data; managers (`dirigente`) are not published.
    private static func levelName(_ scorecardLevel: String) -> String? {
        switch scorecardLevel {
        case "ente", "area", "strategico", "operativo", "indicatore": return scorecardLevel
        case "azienda-speciale": return "azienda_speciale"
        case "obiettivo-azienda": return "obiettivo_azienda_speciale"
        case "misura-prevenzione": return "misura_prevenzione"
        default: return nil
        }
    }
}
