import Foundation

/// Reading and writing numbers the Italian way (`1.489`, `97,40`, `30,00%`, `€ 7.377.376,52`).
///
/// Hand-written on purpose: ICU on Linux does not group four-digit integers and puts the euro sign
/// after the amount, while the documents Performa prints follow the seed (`€ 7.377.376,52`, `2.423`).
/// Formatting is exact and identical on every machine.
public enum ItalianNumber {
    /// Parses `1489`, `1.489`, `2.922`, `97,40`, `4.785,63`, `-5,00`, `+20`, `0.5`.
    /// A dot followed by exactly three digits is a thousands separator; a comma is the decimal mark.
    /// An amount in euros as a person writes it (`150.000`, `€ 150.000,50`) in cents: from 0 to less than a thousand
    /// billion; nil otherwise. For every fund typed into a form (valorizzazione, premi).
    public static func euroCents(_ raw: String) -> Int64? {
        let cleaned = raw.replacingOccurrences(of: "€", with: "").trimmingCharacters(in: .whitespaces)
        guard let euros = parse(cleaned), euros >= 0, euros < 1e12 else { return nil }
        return Int64((euros * 100).rounded())
    }

    public static func parse(_ raw: String) -> Double? {
        // A digit string beyond Double's range (`1` and 400 zeros) reads as infinity: no plan means that.
        guard let value = parseDigits(raw), value.isFinite else { return nil }
        return value
    }

    private static func parseDigits(_ raw: String) -> Double? {
        // Trimmed, without spaces and no-break spaces, the sign set aside; anything but digits, `.` and `,`
        // refuses the text. Done on bytes: this runs for every amount and every target text.
        var text: [UInt8] = []
        text.reserveCapacity(raw.utf8.count)
        var sign = 1.0
        var signRead = false
        for scalar in PlainText.trimmingSpaces(raw) {
            if scalar == " " || scalar == "\u{00A0}" { continue }
            if !signRead {
                signRead = true
                if scalar == "-" || scalar == "−" { sign = -1; continue }
                if scalar == "+" { continue }
            }
            switch scalar {
            case "0"..."9", ".", ",": text.append(UInt8(scalar.value))
            default: return nil
            }
        }
        guard !text.isEmpty else { return nil }
        let comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
        if text.contains(comma) {
            let pieces = text.split(separator: comma, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            let integer = pieces[0]
            guard integer.isEmpty || isGrouped(integer) || !integer.contains(dot) else { return nil }
            let digits = integer.filter { $0 != dot }
            guard !pieces[1].contains(dot),
                  let value = Double(ascii(digits.isEmpty ? [UInt8(ascii: "0")] : digits) + "." + ascii(pieces[1].isEmpty ? [UInt8(ascii: "0")] : Array(pieces[1])))
            else { return nil }
            return sign * value
        }
        if text.contains(dot) {
            if isGrouped(text[...]) { return Double(ascii(text.filter { $0 != dot })).map { sign * $0 } }
            let pieces = text.split(separator: dot, omittingEmptySubsequences: false)
            guard pieces.count == 2, let value = Double(ascii(text)) else { return nil }
            return sign * value
        }
        return Double(ascii(text)).map { sign * $0 }
    }

    private static func ascii<C: Collection<UInt8>>(_ bytes: C) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `1.234.567` style grouping: 1–3 digits, then groups of exactly three (the bytes hold only digits, `.`, `,`).
    private static func isGrouped(_ text: ArraySlice<UInt8>) -> Bool {
        let groups = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `1.489`, `12,5`, `0,25` with at most `maxFractionDigits` decimals (trailing zeros dropped).
    public static func format(_ value: Double, fractionDigits: Int = 0, minimumFractionDigits: Int? = nil) -> String {
        let minDigits = minimumFractionDigits ?? fractionDigits
        // Outside Int64 (a file may say 1e300, or NaN): the whole digits, grouped; no trap on conversion.
        guard value.isFinite else { return value.isNaN ? "non numerico" : value < 0 ? "-∞" : "∞" }
        let scale = pow(10.0, Double(fractionDigits))
        guard (abs(value) * scale).rounded(.toNearestOrAwayFromZero) < 9.2e18 else {
            return (value < 0 ? "-" : "") + group(digits: String(format: "%.0f", abs(value)))
        }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let integerPart = Int64(rounded / scale)
        var fraction = Int64(rounded) - integerPart * Int64(scale)
        var fractionText = fractionDigits > 0 ? String(fraction) : ""
        if fractionDigits > 0 {
            fractionText = String(repeating: "0", count: max(0, fractionDigits - fractionText.count)) + fractionText
            while fractionText.count > minDigits, fractionText.hasSuffix("0") { fractionText.removeLast() }
            fraction = 0
        }
        let negative = value < 0 && (integerPart != 0 || fractionText.contains(where: { $0 != "0" }))
        let body = group(integerPart) + (fractionText.isEmpty ? "" : "," + fractionText)
        return (negative ? "-" : "") + body
    }

    /// A fraction as an Italian percentage with two decimals: `0.3` → `30,00%`.
    public static func percent(_ fraction: Double, fractionDigits: Int = 2) -> String {
        format(fraction * 100, fractionDigits: fractionDigits) + "%"
    }

    /// A percentage value (already ×100) with two decimals: `30` → `30,00%`.
    public static func percentValue(_ value: Double, fractionDigits: Int = 2) -> String {
        format(value, fractionDigits: fractionDigits) + "%"
    }

    /// Euro amount as the seed prints it: `€ 7.377.376,52`.
    public static func euro(cents: Int64) -> String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let euros = Int64(magnitude / 100)
        let rest = magnitude % 100
        return (negative ? "-" : "") + "€ " + group(euros) + "," + (rest < 10 ? "0" : "") + String(rest)
    }

    private static func group(_ value: Int64) -> String { group(digits: String(value)) }

    private static func group(digits text: String) -> String {
        let digits = Array(text)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}
