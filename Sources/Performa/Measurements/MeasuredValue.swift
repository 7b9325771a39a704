import Foundation

/// A measured value as entered (`1.489`, `95%`, `SI`, `raggiunto`, `parziale 60%`, `475/500`, `20/12/2021`,
/// `100%; 22` for a compound target). Parsed without knowing the target; `problem(for:)` then says in
/// Italian whether it suits the indicator's target.
public indirect enum MeasuredValue: Hashable, Sendable {
    case number(Double, percent: Bool)
    case yesNo(Bool)
    /// A milestone: fully reached (1), partly (the declared fraction), or not (0).
    case completion(Double)
    case ratio(Double, Double)
    case date(Day)
    case parts([MeasuredValue])

    public static func parse(_ raw: String) -> MeasuredValue? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if text.contains(";") {
            let parts = text.split(separator: ";").map { MeasuredValue.parse(String($0)) }
            guard parts.count > 1, parts.allSatisfy({ $0 != nil }) else { return nil }
            return .parts(parts.compactMap { $0 })
        }
        let lower = text.lowercased()
        switch lower {
        case "si", "sì", "sí", "yes": return .yesNo(true)
        case "no": return .yesNo(false)
        case "raggiunto", "raggiunta", "completato", "completata", "realizzato", "realizzata": return .completion(1)
        case "non raggiunto", "non raggiunta", "non realizzato", "non realizzata": return .completion(0)
        default: break
        }
        for prefix in ["parziale", "parzialmente raggiunto", "avanzamento"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            guard let value = ItalianNumber.parse(rest), (0...100).contains(value) else { return nil }
            return .completion(value / 100)
        }
        if let day = Day(parsing: text), text.filter({ $0 == "/" || $0 == "-" || $0 == "." }).count == 2, text.count >= 8 {
            return .date(day)
        }
        if text.contains("/") {
            let sides = text.split(separator: "/", omittingEmptySubsequences: false)
            guard sides.count == 2, let n = ItalianNumber.parse(String(sides[0])), let d = ItalianNumber.parse(String(sides[1])) else { return nil }
            return .ratio(n, d)
        }
        let isPercent = text.hasSuffix("%")
        let numberText = isPercent ? String(text.dropLast()) : text
        guard let value = ItalianNumber.parse(numberText), value.isFinite else { return nil }
        return .number(value, percent: isPercent)
    }

    /// The value written back the way it is entered.
    public var text: String {
        switch self {
        case .number(let v, let percent): return ItalianNumber.format(v, fractionDigits: 4) + (percent ? "%" : "")
        case .yesNo(let v): return v ? "SI" : "NO"
        case .completion(let f):
            if f >= 1 { return "raggiunto" }
            if f <= 0 { return "non raggiunto" }
            return "parziale " + ItalianNumber.format(f * 100, fractionDigits: 2) + "%"
        case .ratio(let n, let d): return ItalianNumber.format(n, fractionDigits: 4) + "/" + ItalianNumber.format(d, fractionDigits: 4)
        case .date(let day): return day.italian
        case .parts(let parts): return parts.map(\.text).joined(separator: "; ")
        }
    }

    /// Why this value cannot measure a target of `kind`, or is out of any scale (`ValueLimits`), in Italian; nil when
    /// it can. Every way a value comes in (form, API, results file, spreadsheet, store) asks this.
    public func problem(for kind: TargetKind) -> String? {
        if let outOfScale = ValueLimits.scaleProblem(self) { return outOfScale }
        let expected = "Valore non adatto all'indicatore (\(kind.shapeName)): atteso \(kind.valueHint)."
        switch (kind, self) {
        case (.notApplicable, _): return "L'indicatore non ha un target in questo periodo: nessun valore da rilevare."
        case (.yesNo, .yesNo): return nil
        case (.atLeast, .number(let v, false)), (.atMost, .number(let v, false)), (.rate, .number(let v, false)):
            return v < 0 ? "Il valore non può essere negativo." : nil
        case (.percentAtLeast, .number(let v, _)), (.percentAtMost, .number(let v, _)):
            return v < 0 ? "La percentuale non può essere negativa." : nil
        case (.change, .number): return nil
        case (.milestone, .completion), (.milestone, .yesNo): return nil
        case (.milestone, .number(let v, true)): return (0...100).contains(v) ? nil : "La percentuale di avanzamento deve essere tra 0% e 100%."
        case (.ratio, .ratio(let n, let d)): return n < 0 || d < 0 ? "Numeratore e denominatore non possono essere negativi." : nil
        case (.deadline, .date): return nil
        case (.deadline, .yesNo(false)): return nil
        case (.compound(let kinds), .parts(let values)):
            guard kinds.count == values.count else {
                return "Il target è composto da \(kinds.count) parti: inserire \(kinds.count) valori separati da «;» (\(kind.valueHint))."
            }
            return zip(values, kinds).lazy.compactMap { $0.problem(for: $1) }.first
        default: return expected
        }
    }
}
