import Performa

/// Where a diagnostic's location leads: an objective's sheet, a manager, an area, or the plan.
struct DiagnosticLink: Sendable {
    let planID: String
    let objectives: Set<String>
    let areas: Set<String>

    init(snapshot: PlanSnapshot) {
        planID = snapshot.id
        objectives = Set(PlanIndex(snapshot.plan).entries.map(\.key))
        areas = Set(snapshot.plan.areas.map(\.code))
    }

    func href(_ location: String) -> String {
        if objectives.contains(location) { return Paths.objective(planID, location) }
        if let key = IndicatorKey(parsing: location), objectives.contains(key.objective) { return Paths.objective(planID, key.objective) + "#valori" }
        if location.hasPrefix("dirigente:") { return Paths.managers(planID) + "#dirigente-\(location.dropFirst("dirigente:".count))" }
        if location.hasPrefix("area:"), areas.contains(String(location.dropFirst("area:".count))) {
            return Paths.dashboard(planID) + "#area-\(location.dropFirst("area:".count))"
        }
        return Paths.planOverview(planID)
    }

    func row(_ diagnostic: Diagnostic) -> DiagnosticsView.Row {
        DiagnosticsView.Row(code: diagnostic.code, severity: diagnostic.severity.italian, css: diagnostic.severity.badge,
                            location: diagnostic.location, href: href(diagnostic.location), message: diagnostic.message,
                            line: diagnostic.line.map { "riga \($0)" })
    }
}

extension Diagnostic.Severity {
    var badge: String {
        switch self {
        case .error: return "badge bg-danger"
        case .warning: return "badge bg-warning text-dark"
        case .info: return "badge bg-info text-dark"
        }
    }

    var plural: String {
        switch self {
        case .error: return "errori"
        case .warning: return "avvisi"
        case .info: return "note"
        }
    }
}
