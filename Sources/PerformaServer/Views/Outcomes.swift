/// The messages a page shows after a form sent the browser back to it (`?esito=…`): a fixed list, so that a link
/// cannot make a page say anything else.
enum Outcomes: String, CaseIterable {
    case measurementSaved = "rilevazione-salvata"
    case campaignClosed = "campagna-chiusa"
    case campaignReopened = "campagna-riaperta"
    case validated = "validazione-salvata"
    case validationRemoved = "validazione-rimossa"
    case planSaved = "piano-salvato"
    case planRevised = "piano-revisionato"
    case planUnchanged = "piano-invariato"
    case planAdvanced = "piano-approvato"
    case planUploaded = "piano-caricato"
    case resultsUploaded = "risultati-caricati"
    case nextPlanCreated = "piano-successivo"
    case campaignScheduled = "campagna-pianificata"
    case staffUploaded = "personale-caricato"

    var notice: Notice {
        switch self {
        case .measurementSaved: return .success("Rilevazione salvata: il grado di raggiungimento è stato ricalcolato.")
        case .campaignClosed: return .success("Rilevazione chiusa: non si possono più inserire valori per questa scadenza.")
        case .campaignReopened: return .success("Rilevazione riaperta: i dirigenti possono di nuovo inserire i valori.")
        case .validated: return .success("Validazione OIV registrata: il grado validato sostituisce quello calcolato, che resta visibile.")
        case .validationRemoved: return .success("Validazione OIV rimossa: vale di nuovo il grado calcolato.")
        case .planSaved: return .success("Piano aggiornato.")
        case .planRevised: return .success("Revisione del piano registrata come nuova versione.")
        case .planUnchanged: return .info("Nessuna modifica da salvare: il piano è invariato.")
        case .planAdvanced: return .success("Atto di approvazione registrato.")
        case .planUploaded: return .success("Piano caricato.")
        case .resultsUploaded: return .success("Risultati caricati: i gradi di raggiungimento sono stati ricalcolati.")
        case .staffUploaded: return .success("Personale caricato: le schede seguono i nuovi valutatori e le nuove strutture.")
        case .campaignScheduled: return .success("Calendario della rilevazione salvato: i dirigenti con indicatori da compilare ricevono l'avviso di apertura per posta elettronica dal giorno di apertura, e il promemoria prima della chiusura se mancano valori.")
        case .nextPlanCreated: return .success("Bozza del piano successivo creata dal piano precedente: completare i target dell'ultimo anno e degli obiettivi operativi (la diagnostica elenca che cosa manca).")
        }
    }

    static func notices(_ code: String?) -> [Notice] {
        code.flatMap(Outcomes.init(rawValue:)).map { [$0.notice] } ?? []
    }
}
