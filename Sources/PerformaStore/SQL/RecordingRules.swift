import Performa
import SQLKit

/// What decides whether a value or a document may be recorded for an indicator at a checkpoint, loaded once per
/// transaction: the indicator's targets in the plan's current version, the objectives the acting user may write
/// to, and the checkpoints whose collection is closed.
struct RecordingRules {
    let planID: String
    let version: Int
    let targets: [IndicatorKey: [IndicatorTarget]]
    /// Objective keys the user may record for; nil for every objective (administrators).
    let writable: Set<String>?
    let closed: Set<Day>
    let role: Role

    /// The indicator exists, the user may write to it, its collection at `at` is open and it has a target there.
    func checkSlot(_ key: IndicatorKey, at: Day) throws -> IndicatorTarget {
        guard let targets = targets[key] else {
            throw StoreError.invalid("L'indicatore «\(key)» non esiste nella versione \(version) del piano «\(planID)».")
        }
        if let writable, !writable.contains(key.objective) {
            throw StoreError.forbidden(role: role, action: "registrare dati dell'obiettivo \(key.objective), che non è assegnato al dirigente")
        }
        if closed.contains(at) { throw StoreError.closedCampaign(checkpoint: at) }
        guard let target = targets.first(where: { $0.at == at }) else {
            let dates = targets.map(\.at.italian).joined(separator: ", ")
            throw StoreError.invalid("L'indicatore \(key) non ha un target al \(at.italian) (scadenze: \(dates)).")
        }
        return target
    }

    /// As `checkSlot`, and the value must be readable and suit the target (the check `ResultsFile.read` makes), and
    /// its texts keep `ValueLimits` (length, no control characters), whichever way they came in.
    func checkValue(_ entry: MeasurementEntry) throws {
        let target = try checkSlot(entry.indicator, at: entry.at)
        let texts: [(String?, ValueLimits.TextKind, String)] = [(entry.text, .note, "valore"), (entry.note, .note, "nota"), (entry.author, .title, "autore")]
            + (entry.evidence ?? []).map { ($0, .title, "documento") }
        for (text, kind, label) in texts {
            if let text, let problem = ValueLimits.textProblem(text, kind) { throw StoreError.invalid("\(entry.indicator), \(label): \(problem).") }
        }
        guard let value = MeasuredValue.parse(entry.text) else {
            throw StoreError.invalid("\(entry.indicator): \(MeasurementError.unreadable(entry.text).description)")
        }
        if let problem = value.problem(for: target.target.kind) {
            throw StoreError.invalid("\(entry.indicator): \(problem)")
        }
    }
}

extension Scope {
    /// Administrators record for every objective, managers for those assigned to them in the current version, the RPCT
    /// for the PIAO's prevention measures.
    func recordingRules(_ planID: String, only key: IndicatorKey? = nil) async throws -> RecordingRules {
        guard let version = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        try requireOpen(try await versionInfo(planID, version: version))
        var writable: Set<String>?
        switch context.role {
        case .admin:
            writable = nil
        case .manager:
            let user = try await userRow(context.user)
            let rows = try await db.raw("""
                SELECT objective_key FROM plan_assignments
                WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
                  AND manager_id = \(bind: user.managerID ?? "")
                """).all()
            writable = Set(try rows.map { try $0.text("objective_key") })
        case .rpct:
            // The RPCT monitors the prevention measures: those with their own indicators, and the objectives that are measures.
            writable = try await storedPlan(planID, version: version).plan.preventionMonitoringKeys
        case .oiv, .viewer, .hr, .employee:
            throw StoreError.forbidden(role: context.role, action: "registrare rilevazioni o documenti")
        }
        let keyFilter: SQLQueryString = key.map { "AND indicator_key = \(bind: $0.description)" } ?? ""
        var targets: [IndicatorKey: [IndicatorTarget]] = [:]
        for row in try await db.raw("""
            SELECT indicator_key, targets_json FROM plan_indicators
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version) \(keyFilter)
            """).all() {
            targets[try row.indicatorKey("indicator_key")] = try row.json("targets_json", as: [IndicatorTarget].self) ?? []
        }
        let closed = try await db.raw("""
            SELECT checkpoint FROM campaigns
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND state = 'closed'
            """).all().map { try $0.day("checkpoint") }
        return RecordingRules(planID: planID, version: version, targets: targets, writable: writable, closed: Set(closed), role: context.role)
    }
}
