/// C-DUP — the same code used twice where codes identify things.
///
/// Catches: two areas with the same code; two objectives with the same key (`1.2.1`, or `PB.1` for
/// agency objectives); two indicators with the same number inside one objective; two targets of one
/// indicator at the same checkpoint.
///
/// Why an OIV cares: measurements, assignments and the OIV's corrections refer to objectives and
/// indicators by code (`1.1.2/1`); a duplicate makes it impossible to tell which one a value or a weight
/// belongs to.
struct DuplicateCodeCheck: PlanCheck {
    static let codes = ["C-DUP"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (code, count) in duplicates(context.plan.areas.map(\.code)) {
            found.append(Diagnostic(code: "C-DUP", severity: .error, location: "area:\(code)",
                                    message: "Il codice \(code) è usato da \(count) aree strategiche."))
        }
        for (key, count) in duplicates(context.index.entries.map(\.key)) {
            let titles = context.index.entries.filter { $0.key == key }.map { ValidationText.quoted($0.sheet.title, limit: 50) }
            found.append(Diagnostic(code: "C-DUP", severity: .error, location: key,
                                    message: "Il codice \(key) è usato da \(count) obiettivi (\(ValidationText.list(titles)))."))
        }
        for entry in context.index.entries {
            for (number, count) in duplicates(entry.sheet.indicators.map(\.number)) {
                found.append(Diagnostic(code: "C-DUP", severity: .error, location: entry.key,
                                        message: "Il numero \(number) è usato da \(count) indicatori dell'\(ValidationText.objective(entry))."))
            }
            for indicator in entry.sheet.indicators {
                for (day, count) in duplicates(indicator.targets.map(\.at)) {
                    found.append(Diagnostic(
                        code: "C-DUP", severity: .error,
                        location: IndicatorKey(objective: entry.key, number: indicator.number).description,
                        message: "L'\(ValidationText.indicator(indicator, of: entry)) ha \(count) target \(context.checkpointLabel(day, level: entry.level))."))
                }
            }
        }
        return found
    }

    /// Values that occur more than once, in order of first occurrence, with how many times.
    private func duplicates<T: Hashable>(_ values: [T]) -> [(T, Int)] {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        var seen: Set<T> = []
        return values.compactMap { value in
            guard let count = counts[value], count > 1, seen.insert(value).inserted else { return nil }
            return (value, count)
        }
    }
}
