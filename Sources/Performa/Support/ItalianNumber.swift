import Foundation

/// Reading and writing numbers the Italian way (`1.489`, `97,40`, `30,00%`, `€ 7.377.376,52`).
///
/// Hand-written on purpose: ICU on Linux does not group four-digit integers and puts the euro sign
/// after the amount, while the documents Performa prints follow the seed (`€ 7.377.376,52`, `2.423`).
/// Formatting is exact and identical on every machine.
public enum ItalianNumber {
    /// Parses `1489`, `1.489`, `2.922`, `97,40`, `4.785,63`, `-5,00`, `+20`, `0.5`.
    /// A dot followed by exactly three digits is a thousands separator; a comma is the decimal mark.
    public static func parse(_ raw: String) -> Double? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        text = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty else { return nil }
        var sign = 1.0
        if text.hasPrefix("-") || text.hasPrefix("−") { sign = -1; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        guard let first = text.first, first.isNumber || first == "," || first == "." else { return nil }
        let allowed = Set("0123456789.,")
        guard text.allSatisfy({ allowed.contains($0) }) else { return nil }
        if text.contains(",") {
            let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            let integer = String(pieces[0])
            guard integer.isEmpty || isGrouped(integer) || !integer.contains(".") else { return nil }
            let digits = integer.replacingOccurrences(of: ".", with: "")
            guard pieces[1].allSatisfy(\.isNumber), let value = Double("\(digits.isEmpty ? "0" : digits).\(pieces[1].isEmpty ? "0" : pieces[1])") else { return nil }
            return sign * value
        }
        if text.contains(".") {
            if isGrouped(text) { return Double(text.replacingOccurrences(of: ".", with: "")).map { sign * $0 } }
            let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count == 2, let value = Double(text) else { return nil }
            return sign * value
        }
        return Double(text).map { sign * $0 }
    }

    /// `1.234.567` style grouping: 1–3 digits, then groups of exactly three.
    private static func isGrouped(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isNumber) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `1.489`, `12,5`, `0,25` with at most `maxFractionDigits` decimals (trailing zeros dropped).
    public static func format(_ value: Double, fractionDigits: Int = 0, minimumFractionDigits: Int? = nil) -> String {
        let minDigits = minimumFractionDigits ?? fractionDigits
        let scale = pow(10.0, Double(fractionDigits))
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

    private static func group(_ value: Int64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}
