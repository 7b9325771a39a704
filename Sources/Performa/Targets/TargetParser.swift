import Foundation

/// Reads an Italian target text into a `TargetKind`. Pure and total: every text gets a kind;
/// text that states no measurable quantity is a milestone.
///
/// Rules, in order (each documented in docs/plan-format.md, "Target texts"):
/// 1. `-`, `--`, `//`, `NA`, `Non applicabile`, and the baseline `Nuova attività` (no history) → not applicable.
/// 2. `SI`, `si`, `SI (…)` → yes; `NO` → no.
/// 3. `A / B ≥ p%` → ratio.
/// 4. `… entro il 31.12.2021` (or `31/12/2021`, `31 dicembre 2021`, `31/12` without a year) → deadline.
/// 5. `… uno al giorno lavorativo per ciascuno dei tre …` → rate.
/// 6. explanations are set aside before the quantities are counted: `corrispondente a 2.922 su 3.000`
///    (the counts behind a percentage) and a footnote after `*` (`2698* si tratta …`).
/// 7. more than one quantity (`100% … (almeno 20)`, `100,00% … +20% …`) → compound of the parts;
///    beside an unsigned percentage a `+N%` is a further share (percent at least N), not a change.
/// 8. one percentage: signed → change; after `massimo`/`non oltre` → at most; else at least.
/// 9. one count at the start, after `almeno`/`minimo`/`n.`, or after `di` when words follow it → at least
///    (unit = the words after it; a count alone in parentheses counts the words before them:
///    `100% visite ispettive (almeno 20)`); after `massimo`/`non oltre` → at most.
/// 10. anything else → milestone.
public enum TargetParser {
    public static func parse(_ raw: String) -> TargetKind {
        let text = normalise(raw)
        let lower = text.lowercased()
        if isNotApplicable(lowercased: lower) { return .notApplicable }
        if let yesNo = parseYesNo(lower) { return .yesNo(yesNo) }
        // Longer text is prose, not a target, and the patterns below cost more than linearly in its length.
        guard text.utf16.count <= maximumPatternLength else { return .milestone(text) }
        if let ratio = parseRatio(text) { return ratio }
        if let deadline = parseDeadline(lower) { return .deadline(deadline) }
        if let rate = parseRate(lower) { return rate }
        let quantities = findQuantities(settingAsideExplanations(text))
        if quantities.count > 1 { return .compound(readingSharesBesidePercentages(quantities.map(\.kind))) }
        if let only = quantities.first { return only.kind }
        return .milestone(text)
    }

    /// Rule 1 alone: whether `raw` asks for no value, without reading the rest of the text (what a collection
    /// campaign needs to know of each stored target).
    public static func isNotApplicable(_ raw: String) -> Bool {
        isNotApplicable(lowercased: normalise(raw).lowercased())
    }

    private static func isNotApplicable(lowercased lower: String) -> Bool {
        notApplicableTexts.contains(lower) || lower.allSatisfy({ "-–—/ ".contains($0) })
    }

    /// Longest text the quantity patterns read (UTF-16 units): the seed's longest target has 175 characters;
    /// a fuzzed run of 8.000 digits took 16 s.
    static let maximumPatternLength = 1_000

    /// `nuova attività` is how the seed's baselines say "no history": the same as a baseline `-`.
    static let notApplicableTexts: Set<String> = ["", "na", "n.a.", "n/a", "non applicabile", "nessuno", "nessun target",
                                                  "nuova attività"]

    /// Collapses runs of white space (the seed's tables wrap cells over lines) and trims.
    static func normalise(_ raw: String) -> String {
        raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func parseYesNo(_ lower: String) -> Bool? {
        for (word, value) in [("si", true), ("sì", true), ("no", false)] {
            if lower == word { return value }
            if lower.hasPrefix(word + " ") || lower.hasPrefix(word + "(") || lower.hasPrefix(word + ",") { return value }
        }
        return nil
    }

    private static let ratioPattern = try! NSRegularExpression(
        pattern: #"^(.+?)\s*/\s*(.+?)\s*(?:≥|>=|=>)\s*([0-9.,]+)\s*%"#)

    private static func parseRatio(_ text: String) -> TargetKind? {
        guard has(text, "/"), has(text, "%"), let match = firstMatch(ratioPattern, in: text), match.count == 4,
              let percent = ItalianNumber.parse(match[3]) else { return nil }
        return .ratio(numerator: match[1], denominator: match[2], atLeastPercent: percent)
    }

    private static let monthNames = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                                     "agosto", "settembre", "ottobre", "novembre", "dicembre"]
    private static let numericDeadline = try! NSRegularExpression(pattern: #"entro (?:il |al )?(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?"#)
    private static let wordDeadline = try! NSRegularExpression(pattern: #"entro (?:il |al )?(\d{1,2}) ([a-z]+)(?: (\d{4}))?"#)

    /// Deadlines without a year (`entro il 31/12`) fall in the plan year; the parser cannot know it,
    /// so it uses year 0 and `Target.resolvingYear` fills it in.
    private static func parseDeadline(_ lower: String) -> Day? {
        guard has(lower, "entro ") else { return nil }
        if let m = firstMatch(numericDeadline, in: lower), let d = Int(m[1]), let mo = Int(m[2]) {
            var year = m.count > 3 ? Int(m[3]) ?? 0 : 0
            if year > 0 && year < 100 { year += 2000 }
            let day = Day(year, mo, d)
            return (1...12).contains(mo) && (1...31).contains(d) ? day : nil
        }
        if let m = firstMatch(wordDeadline, in: lower), let d = Int(m[1]), let index = monthNames.firstIndex(of: m[2]) {
            let year = m.count > 3 ? Int(m[3]) ?? 0 : 0
            return Day(year, index + 1, d)
        }
        return nil
    }

    private static let numberWords = ["un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
                                      "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10]
    private static let ratePattern = try! NSRegularExpression(
        pattern: #"(?:minimo |almeno )?([0-9.,]+|[a-z]+) (?:post |pubblicazion[ei] )?(?:al|a|per) (giorno lavorativo|giorno|settimana|mese)(?: per ciascun[oa] de(?:i|lle|gli) ([0-9]+|[a-z]+))?"#)

    private static func parseRate(_ lower: String) -> TargetKind? {
        guard has(lower, "giorno") || has(lower, "settimana") || has(lower, "mese"), let m = firstMatch(ratePattern, in: lower) else { return nil }
        guard let amount = ItalianNumber.parse(m[1]) ?? numberWords[m[1]].map(Double.init) else { return nil }
        var channels = 1
        if m.count > 3, !m[3].isEmpty { channels = Int(m[3]) ?? numberWords[m[3]] ?? 1 }
        return .rate(amount, per: m[2], channels: channels)
    }

    private static let explanationPatterns = [
        // `97,40% corrispondente a 2.922 su 3.000`: the counts explain the percentage.
        try! NSRegularExpression(pattern: #"\s*\(?corrispondent[ei] a \d[\d.,]* su \d[\d.,]*\)?"#, options: [.caseInsensitive]),
        // `2698* si tratta della adesione …`: a footnote, not a unit.
        try! NSRegularExpression(pattern: #"\s*\*.*$"#),
    ]

    /// Rule 6: the text without the explanations that state no target of their own.
    static func settingAsideExplanations(_ text: String) -> String {
        // The first pattern needs two digits, the second an asterisk.
        guard decimalDigits(in: text, atLeast: 2) || has(text, "*") else { return text }
        return explanationPatterns.reduce(text) { text, pattern in
            pattern.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "")
        }
    }

    /// Rule 7: `100,00% in CCIAA +20% neo costituite extra Camera` asks for 100% of one group and 20% of
    /// another; the `+` adds a share, it is no growth over a previous value. Changes alone stay changes.
    private static func readingSharesBesidePercentages(_ parts: [TargetKind]) -> [TargetKind] {
        guard parts.contains(where: { if case .percentAtLeast = $0 { true } else { false } }) else { return parts }
        return parts.map { part in
            if case .change(let value) = part, value > 0 { return .percentAtLeast(value) }
            return part
        }
    }

    struct Quantity {
        var kind: TargetKind
        let position: Int
        let end: Int
        /// For a count alone in parentheses, where the parenthesis opens: its unit is the words before it.
        var openParenthesis: Int? = nil
    }

    private static let percentPattern = try! NSRegularExpression(
        pattern: #"(massimo (?:il |del )?|non oltre (?:il )?|almeno (?:il )?)?([+\-−]\s?)?(\d[\d.]*(?:,\d+)?)\s?%"#, options: [.caseInsensitive])
    private static let countPattern = try! NSRegularExpression(
        pattern: #"(?:^|\b)(almeno|minimo|massimo|non oltre|n\.|nr\.?|n|di)?\s?(\d[\d.]*(?:,\d+)?)(?!\s?%)([^()0-9%]*)"#, options: [.caseInsensitive])

    /// Every percentage, and every count that stands at the start or after a quantity word.
    static func findQuantities(_ text: String) -> [Quantity] {
        // Both patterns need a digit.
        guard decimalDigits(in: text, atLeast: 1) else { return [] }
        var found: [Quantity] = []
        var percentRanges: [NSRange] = []
        let ns = text as NSString
        for match in percentPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            percentRanges.append(match.range)
            let qualifier = group(match, 1, in: ns).lowercased()
            let sign = group(match, 2, in: ns).trimmingCharacters(in: .whitespaces)
            guard let value = ItalianNumber.parse(group(match, 3, in: ns)) else { continue }
            let kind: TargetKind
            if !sign.isEmpty {
                kind = .change(sign == "+" ? value : -value)
            } else if qualifier.hasPrefix("massimo") || qualifier.hasPrefix("non oltre") {
                kind = .percentAtMost(value)
            } else {
                kind = .percentAtLeast(value)
            }
            found.append(Quantity(kind: kind, position: match.range.location, end: NSMaxRange(match.range)))
        }
        for match in countPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let numberRange = match.range(at: 2)
            if percentRanges.contains(where: { NSIntersectionRange($0, numberRange).length > 0 }) { continue }
            // A digit glued to a letter or a dot-date is not a count (`2019/2020`, `28.2.2021`, `Linea 001`).
            let before = numberRange.location > 0 ? ns.substring(with: NSRange(location: numberRange.location - 1, length: 1)) : " "
            if before.rangeOfCharacter(from: .letters) != nil || before == "/" || before == "." { continue }
            let after = NSMaxRange(numberRange) < ns.length ? ns.substring(with: NSRange(location: NSMaxRange(numberRange), length: 1)) : " "
            if after == "/" || after == "." { continue }
            let cue = group(match, 1, in: ns).lowercased()
            let leading = ns.substring(to: match.range.location).trimmingCharacters(in: .whitespaces)
            guard !cue.isEmpty || leading.isEmpty else { continue }
            guard let value = ItalianNumber.parse(group(match, 2, in: ns)) else { continue }
            let unit = cleanUnit(group(match, 3, in: ns))
            // After `di` only a count of something is a count (`campione di 7.839 istanze`).
            if cue == "di" && unit == nil { continue }
            let kind: TargetKind = cue == "massimo" || cue == "non oltre" ? .atMost(value, unit: unit) : .atLeast(value, unit: unit)
            var quantity = Quantity(kind: kind, position: match.range.location, end: NSMaxRange(match.range))
            if unit == nil, leading.hasSuffix("(") {
                quantity.openParenthesis = ns.range(of: "(", options: .backwards, range: NSRange(location: 0, length: match.range.location)).location
            }
            found.append(quantity)
        }
        found.sort { $0.position < $1.position }
        // `100% visite ispettive (almeno 20)`: the 20 are visite ispettive, the words since the previous quantity.
        for index in found.indices {
            guard let open = found[index].openParenthesis, case .atLeast(let value, nil) = found[index].kind else { continue }
            let start = index > 0 ? min(found[index - 1].end, open) : 0
            let words = ns.substring(with: NSRange(location: start, length: open - start))
            if words.rangeOfCharacter(from: .decimalDigits) == nil, let unit = cleanUnit(words) {
                found[index].kind = .atLeast(value, unit: unit)
            }
        }
        return found
    }

    private static func cleanUnit(_ raw: String) -> String? {
        var unit = raw.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",;:-–")))
        if let cut = unit.range(of: " (") { unit = String(unit[..<cut.lowerBound]) }
        return unit.isEmpty ? nil : unit
    }

    private static func group(_ match: NSTextCheckingResult, _ index: Int, in ns: NSString) -> String {
        let range = match.range(at: index)
        return range.location == NSNotFound ? "" : ns.substring(with: range)
    }

    // Regular expressions cost microseconds a text on Linux, and most texts cannot match most of them: these
    // tests of what a pattern cannot do without (a literal, a digit) skip them. On UTF-8 and scalars, as the
    // patterns match on scalars whatever the characters they belong to.

    /// Whether `text` holds the bytes of `literal`.
    private static func has(_ text: String, _ literal: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        let haystack = Array(text.utf8)
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Whether `text` has at least `count` decimal digits (`\d`: general category Nd, not only ASCII).
    private static func decimalDigits(in text: String, atLeast count: Int) -> Bool {
        var found = 0
        for scalar in text.unicodeScalars {
            let digit = scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
            if digit {
                found += 1
                if found >= count { return true }
            }
        }
        return false
    }

    private static func firstMatch(_ pattern: NSRegularExpression, in text: String) -> [String]? {
        let ns = text as NSString
        guard let match = pattern.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (0..<match.numberOfRanges).map { group(match, $0, in: ns) }
    }
}

extension Target {
    /// Fills in the year of a deadline written without one (`entro il 31/12`) from the checkpoint year.
    public func resolvingYear(_ year: Int) -> Target {
        guard case .deadline(let day) = kind, day.year == 0 else { return self }
        var copy = self
        copy.kind = .deadline(Day(year, day.month, day.day))
        return copy
    }
}
