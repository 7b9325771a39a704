/// B-JUMP — a budget line whose amounts differ implausibly across the years.
///
/// Catches: a budget line whose readable amounts above zero, over its years, have a largest-to-smallest
/// ratio above 5 (`€ 175,00` in 2021, `€ 175.000` in 2022). Lines with fewer than two such amounts are
/// not judged.
///
/// Why an OIV cares: a factor of five between years of the same line is far more often a lost group of
/// digits or a misplaced comma than a real change of funding; it is a warning, for a human to confirm.
struct BudgetJumpCheck: PlanCheck {
    static let codes = ["B-JUMP"]

    /// Largest-to-smallest ratio above which the amounts are reported.
    static let maximumRatio = 5.0

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in context.index.entries {
            for (offset, line) in (entry.sheet.budgetLines ?? []).enumerated() {
                let readable = line.amounts.compactMap { item in item.amount.cents.map { (year: item.year, cents: $0) } }.filter { $0.cents > 0 }
                guard readable.count > 1,
                      let low = readable.min(by: { $0.cents < $1.cents }),
                      let high = readable.max(by: { $0.cents < $1.cents }) else { continue }
                let ratio = Double(high.cents) / Double(low.cents)
                guard ratio > Self.maximumRatio else { continue }
                found.append(Diagnostic(
                    code: "B-JUMP", severity: .warning, location: entry.key,
                    message: "Importi implausibilmente diversi tra gli anni: \(ItalianNumber.euro(cents: low.cents)) nel \(low.year) "
                        + "e \(ItalianNumber.euro(cents: high.cents)) nel \(high.year), \(ValidationText.number(ratio)) volte tanto "
                        + "(\(ValidationText.budgetLine(line, number: offset + 1)), \(ValidationText.objective(entry)))."))
            }
        }
        return found
    }
}
