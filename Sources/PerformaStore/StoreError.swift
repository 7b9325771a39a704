import Performa

/// Why the store refused or failed an operation, in Italian. A refused operation has changed nothing.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `subject` names the thing, with its article: `il piano «x»`, `l'utente «y»`.
    case notFound(subject: String)
    case alreadyExists(subject: String)
    /// Optimistic concurrency: the change was based on `expected`, the stored row is at `current`.
    case staleWrite(subject: String, expected: Int, current: Int?)
    /// Two writers saved the same thing at the same moment; the other one won.
    case concurrentWrite
    case forbidden(role: Role, action: String)
    case invalid(String)
    case adoptedPlan(plan: String)
    case closedCampaign(checkpoint: Day)
    case evidenceRejected(String)
    case schemaTooNew(found: Int, known: Int)
    case database(String)

    public var description: String {
        switch self {
        case .notFound(let subject):
            return "\(subject.capitalisedFirst) non esiste."
        case .alreadyExists(let subject):
            return "\(subject.capitalisedFirst) esiste già."
        case .staleWrite(let subject, let expected, let current):
            let now = current.map { " (versione attuale \($0), la modifica partiva dalla \(expected))" } ?? ""
            return "Modifica rifiutata: nel frattempo un altro utente ha modificato \(subject)\(now). Ricaricare i dati e riprovare: nulla è stato salvato."
        case .concurrentWrite:
            return "Modifica rifiutata: un altro utente ha salvato gli stessi dati nello stesso momento. Ricaricare i dati e riprovare: nulla è stato salvato."
        case .forbidden(let role, let action):
            return "Operazione non consentita al ruolo «\(role.italian)»: \(action)."
        case .invalid(let message), .evidenceRejected(let message):
            return message
        case .adoptedPlan(let plan):
            return "Il piano «\(plan)» è adottato e non si modifica: ogni cambiamento è una revisione (nuova versione con motivo e atto di approvazione)."
        case .closedCampaign(let checkpoint):
            return "La rilevazione al \(checkpoint.italian) è chiusa: chiedere alla struttura tecnica di riaprirla."
        case .schemaTooNew(let found, let known):
            return "Il database è alla versione \(found) dello schema, ma questa versione di Performa conosce solo fino alla \(known): aggiornare Performa prima di usarlo."
        case .database(let message):
            return "Errore del database: \(message)"
        }
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
