/// Who a person is for the appraisal: the SMVP gives each category its own scheda (components, weights,
/// behaviours) and each its own fund. EQ (*Elevata Qualificazione*, until 2022 *posizione organizzativa*) is a
/// Funzionario holding an EQ post; comparto staff carry their area (or 1999 category) on the person.
public enum PersonCategory: String, Codable, Hashable, Sendable, CaseIterable {
    case segretarioGenerale
    case dirigente
    case elevataQualificazione
    case comparto

    public var italian: String {
        switch self {
        case .segretarioGenerale: return "Segretario Generale"
        case .dirigente: return "Dirigente"
        case .elevataQualificazione: return "Elevata Qualificazione (posizione organizzativa)"
        case .comparto: return "Personale del comparto"
        }
    }

    /// Managers (the Segretario Generale included) have the dirigenti's contract and fund.
    public var isManagerial: Bool { self == .segretarioGenerale || self == .dirigente }

    /// Reads the code or the Italian words an HR office writes (`dirigente`, `SG`, `EQ`, `PO`, `P.O.`, `comparto`).
    public init?(parsing text: String) {
        if let exact = PersonCategory(rawValue: text) { self = exact; return }
        let key = String(text.lowercased().filter { $0.isLetter || $0 == " " })
        switch key.split(separator: " ").joined(separator: " ") {
        case "segretario generale", "sg": self = .segretarioGenerale
        case "dirigente", "dirigenti", "dirigenziale": self = .dirigente
        case "eq", "elevata qualificazione", "po", "posizione organizzativa": self = .elevataQualificazione
        case "comparto", "dipendente", "personale del comparto": self = .comparto
        default: return nil
        }
    }
}
