import Performa

/// The people table (*Personale*) as CSV: one row per person, Italian headers. One schema serves the export,
/// the import's header checks and the template, as the plan's sheets do.
public enum PeopleSheet {
    public static let id = "Matricola"
    public static let name = "Cognome e nome"
    public static let fiscalCode = "Codice fiscale"
    public static let category = "Categoria"
    public static let area = "Area"
    public static let legacyCategory = "Categoria 2021"
    public static let unit = "Struttura"
    public static let evaluator = "Valutatore"
    public static let partTime = "Part-time %"
    public static let serviceFrom = "Inizio servizio"
    public static let serviceTo = "Fine servizio"
    public static let note = "Note"

    public static let schema = SheetSchema(name: "Personale", columns: [
        .init(id, "Identificativo della persona (matricola); per i dirigenti del Piano, lo stesso identificativo del dirigente", required: true, maxWidth: 16),
        .init(name, "Cognome e nome", required: true),
        .init(fiscalCode, "Codice fiscale (facoltativo; controllato quando presente)", maxWidth: 18),
        .init(category, "dirigente, Segretario Generale, EQ (posizione organizzativa) oppure comparto", required: true, maxWidth: 24),
        .init(area, "Area del CCNL 2019-21: Operatori, Operatori esperti, Istruttori, Funzionari (comparto ed EQ); in alternativa la categoria 2021", maxWidth: 28),
        .init(legacyCategory, "Categoria 2021 (A, B, C, D) corrispondente all'area; in alternativa all'area", maxWidth: 10),
        .init(unit, "Identificativo della struttura (o dell'azienda speciale) in cui la persona lavora", required: true),
        .init(evaluator, "Valutatore, se diverso dal responsabile della struttura (identificativo della persona o organo, es. giunta)", maxWidth: 16),
        .init(partTime, "Quota di tempo pieno in percentuale (100 = tempo pieno); vuoto = tempo pieno", maxWidth: 10),
        .init(serviceFrom, "Primo giorno di servizio nell'anno, se dopo il 1° gennaio (GG/MM/AAAA)", maxWidth: 14),
        .init(serviceTo, "Ultimo giorno di servizio nell'anno, se prima del 31 dicembre (GG/MM/AAAA)", maxWidth: 14),
        .init(note, "Note dell'ufficio personale"),
    ])
}
