/// C-PREFIX — a code that does not follow from its parent's code, or indicators not numbered 1…n.
///
/// Catches: a strategic objective whose code is not its area's code + `.` + one part (`2.4` in area 2);
/// an operational objective whose code is not its strategic objective's code + `.` + one part (`2.4.1`
/// under `2.4`); an objective's indicators numbered other than 1, 2, …, n (gaps, or not starting at 1;
/// repeated numbers are C-DUP); agency objectives attached to an agency the organization does not have
/// (operational objectives without a parent).
///
/// Why an OIV cares: the code is how everyone — the tree, the assignment table, the measurements —
/// places an objective; `2.5.1` filed under `2.4` is either a typo or a misplaced objective, and in
/// both cases its weight counts towards the wrong parent.
struct CodePrefixCheck: PlanCheck {
    static let codes = ["C-PREFIX"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for area in context.plan.areas {
            for strategic in area.objectives {
                if !follows(strategic.code, parent: area.code) {
                    found.append(Diagnostic(
                        code: "C-PREFIX", severity: .error, location: strategic.code,
                        message: "Il codice dell'\(ValidationText.objective(key: strategic.code, title: strategic.title, level: .strategic)) "
                            + "non discende da quello dell'area strategica \(area.code): atteso \(area.code).N."))
                }
                for operational in strategic.operationalObjectives where !follows(operational.code, parent: strategic.code) {
                    found.append(Diagnostic(
                        code: "C-PREFIX", severity: .error, location: operational.code,
                        message: "Il codice dell'\(ValidationText.objective(key: operational.code, title: operational.title, level: .operational)) "
                            + "non discende da quello dell'obiettivo strategico \(strategic.code): atteso \(strategic.code).N."))
                }
            }
        }
        let agencies = Set((context.plan.organization.specialAgencies ?? []).map(\.id))
        for group in context.plan.specialAgencyObjectives ?? [] where !agencies.contains(group.agency) {
            found.append(Diagnostic(
                code: "C-PREFIX", severity: .error, location: "agenzia:\(group.agency)",
                message: "Gli obiettivi dell'azienda speciale «\(group.agency)» non hanno un'azienda speciale corrispondente nell'organizzazione."))
        }
        for entry in context.index.entries {
            let numbers = entry.sheet.indicators.map(\.number)
            guard !numbers.isEmpty, Set(numbers).count == numbers.count, numbers.sorted() != Array(1...numbers.count) else { continue }
            found.append(Diagnostic(
                code: "C-PREFIX", severity: .error, location: entry.key,
                message: "Gli indicatori dell'\(ValidationText.objective(entry)) sono numerati "
                    + "\(ValidationText.list(numbers.map(String.init))) invece di 1…\(numbers.count)."))
        }
        return found
    }

    /// `2.4` follows `2`; `2.4.1` follows `2.4`; `2.41`, `3.1`, `2.` and `2.4.1.1` do not follow `2`.
    private func follows(_ code: String, parent: String) -> Bool {
        guard code.hasPrefix(parent + ".") else { return false }
        let rest = code.dropFirst(parent.count + 1)
        return !rest.isEmpty && !rest.contains(".")
    }
}
