import Foundation

/// The staff's professional classification: the *categorie* A/B/C/D of the 1999 ordering (in force in 2021)
/// and the *aree* of the CCNL Funzioni Locali 2019-21 (16/11/2022) that replaced them. The contract's
/// transition table puts each old category into one area: A → Operatori, B (B1 and B3) → Operatori esperti,
/// C → Istruttori, D (D1 and D3) → Funzionari e Elevata Qualificazione.
public enum StaffArea: String, Codable, Hashable, Sendable, CaseIterable {
    case operatori
    case operatoriEsperti
    case istruttori
    case funzionari

    public var italian: String {
        switch self {
        case .operatori: return "Area degli Operatori"
        case .operatoriEsperti: return "Area degli Operatori esperti"
        case .istruttori: return "Area degli Istruttori"
        case .funzionari: return "Area dei Funzionari e dell'Elevata Qualificazione"
        }
    }

    /// The 1999 category the area takes its staff from.
    public var legacyCategory: LegacyCategory {
        switch self {
        case .operatori: return .a
        case .operatoriEsperti: return .b
        case .istruttori: return .c
        case .funzionari: return .d
        }
    }

    public init(_ legacy: LegacyCategory) {
        switch legacy {
        case .a: self = .operatori
        case .b: self = .operatoriEsperti
        case .c: self = .istruttori
        case .d: self = .funzionari
        }
    }

    /// Reads `A`…`D` (with a position such as `B3`, `D1`), the area's code or its Italian name
    /// (`Istruttori`, `Area degli Operatori esperti`, `Funzionari ed EQ`).
    public init?(parsing text: String) {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let legacy = LegacyCategory(parsing: lower) { self.init(legacy); return }
        if let area = StaffArea(rawValue: text.trimmingCharacters(in: .whitespaces)) { self = area; return }
        let words = lower.replacingOccurrences(of: "area degli ", with: "").replacingOccurrences(of: "area dei ", with: "")
        if words.hasPrefix("operatori esperti") { self = .operatoriEsperti }
        else if words.hasPrefix("operatori") { self = .operatori }
        else if words.hasPrefix("istruttori") { self = .istruttori }
        else if words.hasPrefix("funzionari") { self = .funzionari }
        else { return nil }
    }
}

/// Categoria of the 1999 classification (A, B, C, D), as the seed's staff table counts people.
public enum LegacyCategory: String, Codable, Hashable, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D"

    /// `A`, `b`, and access positions `B1`, `B3`, `D1`, `D3` (the position is not kept: it does not change the area).
    public init?(parsing text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let first = upper.first, let category = LegacyCategory(rawValue: String(first)) else { return nil }
        let rest = upper.dropFirst()
        guard rest.isEmpty || (rest.count <= 2 && rest.allSatisfy(\.isNumber)) else { return nil }
        self = category
    }
}
