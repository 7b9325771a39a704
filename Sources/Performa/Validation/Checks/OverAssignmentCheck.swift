/// A-OVER — an objective assigned "twice over": it would count more than once, or for more than the
/// whole, in one manager's score.
///
/// The rule, precisely. Each assignment weight is a share of *that manager's* score, so weights of
/// different managers are never added together: the same objective assigned to several managers
/// (co-responsibility, as the seed does for 1.1.2: 2% for the Segretario Generale, 20% for the
/// dirigente d'area), and a manager holding both a strategic objective and its operational ones, are
/// legitimate and not reported. Reported are:
/// 1. the same objective listed more than once for the same manager (in one table or across several):
///    it would count twice in that manager's score — the message gives the weights and their sum;
/// 2. a single assignment weight outside 0–100%: one objective worth more than the manager's whole score
///    (or a negative share);
/// 3. a manager with more than one assignment table: their weights are added up as one (A-SUM), but
///    the printed tables each claim to be the whole.
///
/// Why an OIV cares: the manager's evaluation feeds performance pay; an objective that counts twice
/// inflates (or, missed, deflates) it in a way nobody reading the printed table would notice.
struct OverAssignmentCheck: PlanCheck {
    static let codes = ["A-OVER"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (manager, tables) in context.assignmentsByManager {
            let name = context.managerName(manager)
            if tables.count > 1 {
                found.append(Diagnostic(
                    code: "A-OVER", severity: .error, location: ValidationContext.managerLocation(manager),
                    message: "Il dirigente \(name) compare in \(tables.count) tabelle di assegnazione: i pesi vanno riuniti in una sola."))
            }
            let items = tables.flatMap(\.objectives)
            var seen: Set<String> = []
            for item in items where seen.insert(item.objective).inserted {
                let weights = items.filter { $0.objective == item.objective }.map(\.weight)
                guard weights.count > 1 else { continue }
                let sum = weights.reduce(0, +)
                found.append(Diagnostic(
                    code: "A-OVER", severity: .error, location: item.objective,
                    message: "L'\(objectiveName(item.objective, context)) è assegnato \(weights.count) volte al dirigente \(name) "
                        + "(pesi \(weights.map(ValidationText.percent).joined(separator: " + ")) = \(ValidationText.percent(sum))): "
                        + "conterebbe più volte nel suo punteggio."))
            }
            for item in items where item.weight > 100 + ValidationContext.tolerance || item.weight < 0 {
                found.append(Diagnostic(
                    code: "A-OVER", severity: .error, location: item.objective,
                    message: "L'\(objectiveName(item.objective, context)) è assegnato al dirigente \(name) con peso "
                        + "\(ValidationText.percent(item.weight)), fuori dall'intervallo 0–100%."))
            }
        }
        return found
    }

    private func objectiveName(_ key: String, _ context: ValidationContext) -> String {
        context.index.entry(key).map { ValidationText.objective($0) } ?? "obiettivo «\(key)»"
    }
}
