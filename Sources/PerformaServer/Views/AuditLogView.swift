import Foundation
import PerformaStore

/// *Registro delle modifiche*: the audit log for the struttura tecnica and the OIV, newest first, filtered by object,
/// key and person, with what each entry changed (the entity before and after, as the store recorded it).
struct AuditLogView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Entry: Sendable {
        var id: String
        var when: String
        var who: String
        var role: String
        var action: String
        var entity: String
        var key: String
        var before: String?
        var after: String?
        var hasDetail: Bool
    }

    var page: PageChrome
    var action: String
    var entities: [Option]
    var actors: [Option]
    var key: String
    var entries: [Entry]
    var hasEntries: Bool
    /// The next page, when the log goes on.
    var older: String?

    /// Italian names of the logged objects; a name not listed shows as written.
    static let entityLabels: [String: String] = [
        "organization": "ente", "user": "utente", "session": "sessione", "plan": "piano", "measurement": "rilevazione",
        "evidence": "documentazione", "override": "validazione OIV", "neutralisation": "neutralizzazione", "campaign": "campagna di rilevazione",
        "results": "risultati", "database": "base dati", "person": "persona", "people": "personale", "smvp": "sistema di valutazione",
        "appraisal": "scheda di valutazione", "funds": "fondi",
    ]

    static let actionLabels: [String: String] = [
        "create": "creazione", "update": "modifica", "append": "inserimento", "delete": "eliminazione", "revise": "revisione",
        "import": "importazione", "login": "accesso", "logout": "uscita", "purge": "pulizia", "restore": "ripristino", "read": "lettura",
    ]

    static func label(_ labels: [String: String], _ name: String) -> String { labels[name] ?? name }
}
