/// The Italian phrasing shared by the checks' messages: numbers, percentages, lists and names of things.
enum ValidationText {
    /// `30,00%`.
    static func percent(_ value: Double) -> String { ItalianNumber.percentValue(value) }

    /// `1.489`, `12,5`.
    static func number(_ value: Double) -> String { ItalianNumber.format(value, fractionDigits: 2, minimumFractionDigits: 0) }

    /// `1`, `1 e 2`, `1, 2 e 3`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " e " + items[items.count - 1]
    }

    /// A title in guillemets, shortened so that messages stay readable: `«Iniziative per la …»`.
    static func quoted(_ text: String, limit: Int = 70) -> String {
        if let quoted = quotedLatin(text, limit: limit) { return quoted }
        let clean = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard clean.count > limit else { return "«\(clean)»" }
        return "«\(clean.prefix(limit - 1).trimmingSuffixSpaces())…»"
    }

    /// `quoted` for text made only of scalars below U+0300 (no combining marks: each character is one scalar,
    /// but for CR LF, which is white space either way), done on scalars: splitting on characters was most of
    /// the cost of a message. Nil for other text.
    private static func quotedLatin(_ text: String, limit: Int) -> String? {
        var clean: [UInt8] = []
        clean.reserveCapacity(text.utf8.count)
        var count = 0
        // Bytes of the first `limit - 1` scalars, for the shortened form.
        var cutEnd = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x300...: return nil
            case 0x09...0x0D, 0x20, 0x85, 0xA0:
                pendingSpace = count > 0
            default:
                if pendingSpace {
                    clean.append(0x20)
                    count += 1
                    if count == limit - 1 { cutEnd = clean.count }
                    pendingSpace = false
                }
                if scalar.value < 0x80 {
                    clean.append(UInt8(scalar.value))
                } else {
                    clean.append(0xC0 | UInt8(scalar.value >> 6))
                    clean.append(0x80 | UInt8(scalar.value & 0x3F))
                }
                count += 1
                if count == limit - 1 { cutEnd = clean.count }
            }
        }
        guard count > limit else { return "«" + String(decoding: clean, as: UTF8.self) + "»" }
        var cut = clean[..<cutEnd]
        while cut.last == 0x20 { cut.removeLast() }
        return "«" + String(decoding: cut, as: UTF8.self) + "…»"
    }

    /// `obiettivo strategico 1.1 «…»`, `obiettivo operativo 1.1.2 «…»`, `obiettivo PB.1 dell'azienda speciale «…»`.
    static func objective(key: String, title: String, level: ObjectiveScore.Level) -> String {
        switch level {
        case .strategic: return "obiettivo strategico \(key) \(quoted(title))"
        case .operational: return "obiettivo operativo \(key) \(quoted(title))"
        case .agency: return "obiettivo \(key) dell'azienda speciale \(quoted(title))"
        case .measure: return "misura di prevenzione \(key) \(quoted(title))"
        }
    }

    static func objective(_ entry: PlanIndex.Entry) -> String {
        objective(key: entry.key, title: entry.sheet.title, level: entry.level)
    }

    /// `indicatore 2 «…» dell'obiettivo operativo 3.1.1 «…»`.
    static func indicator(_ indicator: Indicator, of entry: PlanIndex.Entry) -> String {
        "indicatore \(indicator.number) \(quoted(indicator.title, limit: 60)) dell'\(objective(entry))"
    }

    /// `indicatore 1` / `indicatori 1 e 2`.
    static func indicatorNumbers(_ numbers: [Int]) -> String {
        (numbers.count == 1 ? "indicatore " : "indicatori ") + list(numbers.map(String.init))
    }

    /// `1.1: 50,00%, 1.2: 40,00%`: the parts of a sum, for the reader to find the wrong one.
    static func parts(_ parts: [(label: String, weight: Double)]) -> String {
        parts.map { "\($0.label): \(percent($0.weight))" }.joined(separator: ", ")
    }

    /// A budget line as the reader finds it on the sheet: `conto 330001, budget B002`.
    static func budgetLine(_ line: BudgetLine, number: Int) -> String {
        var parts: [String] = []
        if let code = line.accountCode, !code.isEmpty { parts.append("conto \(code)") }
        if let centre = line.budgetCentre, !centre.isEmpty { parts.append("budget \(centre)") }
        if parts.isEmpty, let account = line.account, !account.isEmpty { parts.append(quoted(account, limit: 50)) }
        return parts.isEmpty ? "riga di bilancio \(number)" : parts.joined(separator: ", ")
    }
}

private extension Substring {
    func trimmingSuffixSpaces() -> Substring {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
