/// B-PARSE and B-EMPTY — budget amounts that cannot be read, or are left blank.
///
/// Catches: B-PARSE, an amount whose text claims an amount (a euro sign, digits, a placeholder such
/// as `€ _____`) but cannot be read as one (`Amount.isUnreadable`); B-EMPTY, an amount cell left blank
/// (`""`), reported once per budget line as a note. The plan's explicit "no amount" (`-`, `//`) is
/// neither.
///
/// Why an OIV cares: the resources behind an objective are part of what the OIV validates and what is
/// published; an unreadable amount cannot be totalled, compared with the bilancio preventivo or
/// exported as open data. A blank one is only worth knowing about: the sheet states no amount.
struct BudgetAmountCheck: PlanCheck {
    static let codes = ["B-PARSE", "B-EMPTY"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for (offset, line) in (entry.sheet.budgetLines ?? []).enumerated() {
                var blankYears: [Int] = []
                for amount in line.amounts {
                    if PlainText.isBlank(amount.amount.text) {
                        blankYears.append(amount.year)
                    } else if amount.amount.isUnreadable {
                        found.append(Diagnostic(
                            code: "B-PARSE", severity: .warning, location: entry.key,
                            message: "Importo illeggibile «\(amount.amount.text)» per il \(amount.year) (\(ValidationText.budgetLine(line, number: offset + 1))) "
                                + "nelle risorse dell'\(ValidationText.objective(entry))."))
                    }
                }
                guard !blankYears.isEmpty else { continue }
                let years = blankYears.sorted().map(String.init)
                found.append(Diagnostic(
                    code: "B-EMPTY", severity: .info, location: entry.key,
                    message: "Importo non indicato per " + (years.count == 1 ? "il " : "gli anni ") + ValidationText.list(years)
                        + " (\(ValidationText.budgetLine(line, number: offset + 1))) nelle risorse dell'\(ValidationText.objective(entry))."))
            }
        }
        return found
    }
}
