/// The *codice fiscale* of a natural person (D.M. 23/12/1976): 16 characters — six letters of surname and
/// name, two digits of year, a letter for the month, two digits of day (plus 40 for women), a letter and
/// three digits for the place of birth, and a check letter. For *omocodia* the office may replace digits with
/// the letters `LMNPQRSTUV` (0…9); such codes are valid too. The check letter is computed from the first 15
/// characters: characters in odd positions (1st, 3rd, …) and in even positions have their own value tables;
/// the sum modulo 26 is the check letter (0 = A).
public struct FiscalCode: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// A valid code in upper case, or nil with `problem(_:)` saying why.
    public init?(_ raw: String) {
        guard FiscalCode.problem(raw) == nil else { return nil }
        text = FiscalCode.normalised(raw)
    }

    public var description: String { text }

    static func normalised(_ raw: String) -> String {
        String(raw.uppercased().filter { $0 != " " })
    }

    /// Why `raw` is not a valid fiscal code, in Italian; nil when it is.
    public static func problem(_ raw: String) -> String? {
        let code = Array(normalised(raw).unicodeScalars)
        guard code.count == 16 else {
            return "il codice fiscale deve avere 16 caratteri (ne ha \(code.count))"
        }
        // Positions 7-8, 10-11, 13-15 hold digits or their omocodia letters; the others letters.
        let digitPositions: Set<Int> = [6, 7, 9, 10, 12, 13, 14]
        for (index, scalar) in code.prefix(15).enumerated() {
            let isLetter = scalar.value >= 65 && scalar.value <= 90
            let isDigit = scalar.value >= 48 && scalar.value <= 57
            if digitPositions.contains(index) {
                guard isDigit || omocodia.contains(Character(scalar)) else {
                    return "il codice fiscale ha un carattere non valido in posizione \(index + 1): atteso una cifra"
                }
            } else if !isLetter {
                return "il codice fiscale ha un carattere non valido in posizione \(index + 1): attesa una lettera"
            }
        }
        guard months.contains(Character(code[8])) else {
            return "il codice fiscale ha una lettera del mese non valida «\(Character(code[8]))»"
        }
        guard let expected = checkCharacter(String(String.UnicodeScalarView(code.prefix(15)))), Character(code[15]) == expected else {
            return "il carattere di controllo del codice fiscale non corrisponde"
        }
        return nil
    }

    /// The check character of the first 15 characters of a code (upper case letters and digits only).
    public static func checkCharacter(_ first15: String) -> Character? {
        let scalars = Array(first15.unicodeScalars)
        guard scalars.count == 15 else { return nil }
        var sum = 0
        for (index, scalar) in scalars.enumerated() {
            // A digit counts as the letter in the same place of the alphabet (0 → A, 1 → B, …).
            let ordinal: Int
            if scalar.value >= 48 && scalar.value <= 57 { ordinal = Int(scalar.value) - 48 }
            else if scalar.value >= 65 && scalar.value <= 90 { ordinal = Int(scalar.value) - 65 }
            else { return nil }
            // Positions are counted from 1: index 0 is an odd position.
            sum += index % 2 == 0 ? oddValues[ordinal] : ordinal
        }
        return Character(UnicodeScalar(UInt8(65 + sum % 26)))
    }

    /// Values of the characters in odd positions, for A (or 0), B (or 1), … Z; even positions count 0…25.
    private static let oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    private static let months: Set<Character> = ["A", "B", "C", "D", "E", "H", "L", "M", "P", "R", "S", "T"]
    private static let omocodia: Set<Character> = ["L", "M", "N", "P", "Q", "R", "S", "T", "U", "V"]
}
