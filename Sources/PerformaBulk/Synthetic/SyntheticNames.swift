/// Italian names and titles for generated plans: administrations, managers, areas, objectives and
/// indicators in the words a Piano della Performance uses. Invented combinations, no real people.
enum SyntheticNames {
    static let administrationKinds = [
        "Camera di Commercio", "Comune", "Provincia", "Azienda Sanitaria Locale", "Università degli Studi", "Agenzia regionale per il lavoro",
    ]

    static let places = [
        "Agrigento", "Alessandria", "Ancona", "Aosta", "Arezzo", "Ascoli Piceno", "Asti", "Avellino", "Bari", "Belluno", "Benevento",
        "Bergamo", "Biella", "Bologna", "Bolzano", "Brescia", "Brindisi", "Cagliari", "Caltanissetta", "Campobasso", "Caserta",
        "Catania", "Catanzaro", "Chieti", "Como", "Cosenza", "Cremona", "Crotone", "Cuneo", "Enna", "Ferrara", "Firenze", "Foggia",
        "Forlì", "Frosinone", "Genova", "Gorizia", "Grosseto", "Imperia", "Isernia", "L'Aquila", "La Spezia", "Latina", "Lecce",
        "Lecco", "Livorno", "Lodi", "Lucca", "Macerata", "Mantova", "Massa", "Matera", "Messina", "Milano", "Modena", "Monza",
        "Napoli", "Novara", "Nuoro", "Oristano", "Padova", "Palermo", "Parma", "Pavia", "Perugia", "Pesaro", "Pescara", "Piacenza",
        "Pisa", "Pistoia", "Pordenone", "Potenza", "Prato", "Ragusa", "Ravenna", "Reggio Calabria", "Reggio Emilia", "Rieti",
        "Rimini", "Roma", "Rovigo", "Salerno", "Sassari", "Savona", "Siena", "Siracusa", "Sondrio", "Taranto", "Teramo", "Terni",
        "Torino", "Trapani", "Trento", "Treviso", "Trieste", "Udine", "Varese", "Venezia", "Verbania", "Vercelli", "Verona",
        "Vibo Valentia", "Vicenza", "Viterbo",
    ]

    static let firstNames = [
        "Maria", "Giuseppe", "Anna", "Marco", "Francesca", "Luca", "Chiara", "Andrea", "Elena", "Paolo", "Giulia", "Stefano",
        "Laura", "Alessandro", "Sara", "Roberto", "Silvia", "Davide", "Federica", "Massimo", "Cristiana", "Antonella", "Matteo",
    ]

    static let surnames = [
        "Rossi", "Bianchi", "Ferrari", "Russo", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
        "De Luca", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani",
    ]

    static let managerRoles = ["Segretario Generale", "Dirigente Area Amministrativa", "Dirigente Area Anagrafica",
                               "Dirigente Area Promozione e Regolazione del Mercato", "Dirigente Area Servizi alla Persona",
                               "Dirigente Area Tecnica", "Dirigente Area Finanziaria"]

    static let areaTitles = [
        "Competitività e sviluppo delle imprese", "Semplificazione e trasparenza", "Efficienza della struttura e valorizzazione del personale",
        "Transizione digitale", "Sostenibilità ambientale e sociale", "Servizi ai cittadini e alle imprese", "Regolazione e tutela del mercato",
    ]

    static let strategicTitles = [
        "Promozione di progetti qualificati di sviluppo economico del territorio", "Visibilità ed efficacia dell'azione dell'ente",
        "Rete integrata di servizi a supporto dell'avvio di impresa", "Digitalizzazione dei servizi interni e promozione della cultura digitale",
        "Qualità dei dati del Registro delle Imprese", "Semplificazione dei procedimenti ispettivi", "Benessere organizzativo e comunicazione interna",
        "Sviluppo delle competenze del personale", "Riduzione dei tempi di pagamento", "Prevenzione della corruzione e trasparenza",
    ]

    static let operationalTitles = [
        "Iniziative per la sensibilizzazione ambientale", "Riorganizzazione del procedimento di concessione dei contributi",
        "Miglioramento degli strumenti di comunicazione", "Campagna di comunicazione sui servizi da remoto",
        "Assistenza qualificata alle start up", "Promozione dei servizi digitali innovativi", "Pulizia delle posizioni non operative",
        "Controlli sugli strumenti di misura", "Formazione delle imprese", "Revisione dei regolamenti interni", "Efficientamento energetico della sede",
        "Monitoraggio del piano anticorruzione", "Lavoro agile: nuove modalità di svolgimento della prestazione", "Sportello unico telematico",
    ]

    static let countTitles = [
        "Domande di contributo istruite e concesse", "Imprese beneficiarie dei pagamenti", "Posizioni cancellate d'ufficio",
        "Imprese partecipanti agli eventi formativi", "Pratiche telematiche evase", "Controlli sugli strumenti di misura effettuati",
    ]

    static let countUnits: [(String, String)] = [
        ("controlli", "Controlli effettuati"), ("posizioni", "Posizioni esaminate"), ("eventi", "Eventi organizzati"),
        ("regolamenti", "Regolamenti aggiornati"), ("iniziative", "Iniziative realizzate"), ("imprese", "Imprese coinvolte"),
    ]

    static let percentTitles = [
        "Istanze evase entro cinque giorni sul totale", "Personale formato sul totale", "Procedimenti digitalizzati",
        "Imprese soddisfatte del servizio", "Pratiche sospese sul totale pervenuto", "Fatture pagate entro i termini",
    ]

    static let yesNoTitles = [
        "Adozione del nuovo regolamento", "Costituzione dell'Osservatorio permanente", "Partecipazione alle iniziative di sistema",
        "Pubblicazione del bando", "Approvazione del piano di formazione",
    ]

    static let milestoneTitles = [
        "Avanzamento del progetto di riorganizzazione", "Realizzazione del nuovo servizio", "Revisione del sistema di valutazione",
        "Studio e prototipo dell'ambiente integrato",
    ]

    /// Stages of a milestone indicator, one per checkpoint: 30/6, then the year-ends.
    static let milestoneStages = [
        ["Avvio gruppi di lavoro", "Bozza nuovi articoli", "Approvazione nuovi articoli", "Applicazione a regime"],
        ["Studio di fattibilità", "Studio di fattibilità, prototipo", "Avvio a regime", "Consolidamento"],
        ["Predisposizione struttura del circuito", "Avvio con azioni specifiche", "Completamento del percorso", "Verifica dei risultati"],
        ["Definizione nuove prove", "Formazione interna", "Indagine su alcuni servizi", "Indagine su altri servizi"],
    ]

    static let reductionTitles = [
        "Riduzione delle pratiche sospese", "Riduzione dei tempi medi di pagamento", "Riduzione dei consumi energetici",
    ]

    static let deadlineActions = [
        "Attivazione del nuovo sportello digitale", "Pubblicazione della carta dei servizi", "Adozione del manuale di gestione documentale",
        "Avvio della piattaforma di prenotazione",
    ]

    static let evidence = [
        "Report dell'ufficio e provvedimenti adottati", "Estrazione dal gestionale", "Verbali e documentazione delle attività",
        "Delibere e determinazioni dirigenziali", "Report di monitoraggio semestrale",
    ]
}
