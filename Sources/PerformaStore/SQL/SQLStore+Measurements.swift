import Foundation
import Performa
import SQLKit

extension SQLStore {
    public func recordMeasurement(_ context: AccessContext, planID: String, _ entry: MeasurementEntry, expectedRevision: Int?) async throws -> StoredMeasurement {
        // A blind append (no expected revision) is retried when a concurrent append takes its revision number.
        try await write(context, retryingConflicts: expectedRevision == nil) { scope in
            let rules = try await scope.recordingRules(planID, only: entry.indicator)
            try rules.checkValue(entry)
            return try await scope.appendMeasurement(planID, entry, version: rules.version, expectedRevision: expectedRevision, illustrative: false, statedAt: nil)
        }
    }

    public func measurementHistory(_ context: AccessContext, planID: String, indicator: IndicatorKey, at: Day) async throws -> [StoredMeasurement] {
        try await read(context) { scope in
            guard try await scope.currentVersion(planID) != nil else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
            return try await scope.db.raw("""
                SELECT * FROM measurements
                WHERE organization_id = \(bind: scope.organization) AND plan_id = \(bind: planID)
                  AND indicator_key = \(bind: indicator.description) AND checkpoint = \(bind: at.description)
                ORDER BY revision
                """).all().map(Self.measurement)
        }
    }

    public func measurements(_ context: AccessContext, planID: String) async throws -> [StoredMeasurement] {
        try await read(context) { scope in
            guard try await scope.currentVersion(planID) != nil else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
            return try await scope.allMeasurements(planID)
        }
    }

    public func results(_ context: AccessContext, planID: String) async throws -> Results {
        try await read(context) { scope in try await scope.results(planID, currentOnly: false) }
    }

    public func currentResults(_ context: AccessContext, planID: String) async throws -> Results {
        try await read(context) { scope in try await scope.results(planID, currentOnly: true) }
    }

    public func importResults(_ context: AccessContext, _ results: Results) async throws -> ResultsImportOutcome {
        try await write(context) { scope in
            try scope.require([.admin], "importare file di risultati")
            let planID = results.plan
            let rules = try await scope.recordingRules(planID)
            var outcome = ResultsImportOutcome()
            // A series already holding the file's first values gets only the rest: importing a file twice adds nothing.
            var stored: [String: [StoredMeasurement]] = [:]
            for measurement in try await scope.allMeasurements(planID) {
                stored["\(measurement.indicator)@\(measurement.at)", default: []].append(measurement)
            }
            var seriesOrder: [String] = []
            var incoming: [String: [Performa.Measurement]] = [:]
            for measurement in results.measurements {
                let series = "\(measurement.indicator)@\(measurement.at)"
                if incoming[series] == nil { seriesOrder.append(series) }
                incoming[series, default: []].append(measurement)
            }
            for series in seriesOrder {
                let given = incoming[series] ?? [], existing = stored[series] ?? []
                var shared = 0
                while shared < min(given.count, existing.count), given[shared].text == existing[shared].text, given[shared].note == existing[shared].note {
                    shared += 1
                }
                outcome.measurementsAlreadyPresent += shared
                for measurement in given.dropFirst(shared) {
                    let entry = MeasurementEntry(indicator: measurement.indicator, at: measurement.at, text: measurement.text,
                                                 note: measurement.note, author: measurement.author, evidence: measurement.evidence)
                    try rules.checkValue(entry)
                    _ = try await scope.appendMeasurement(planID, entry, version: rules.version, expectedRevision: nil,
                                                          illustrative: results.illustrative ?? false, statedAt: measurement.recordedAt)
                    outcome.measurementsAppended += 1
                }
            }
            for neutralisation in results.neutralisations ?? [] {
                if try await scope.mergeNeutralisation(planID, neutralisation) { outcome.neutralisationsWritten += 1 } else { outcome.unchanged += 1 }
            }
            for override in results.overrides ?? [] {
                if try await scope.mergeOverride(planID, override) { outcome.overridesWritten += 1 } else { outcome.unchanged += 1 }
            }
            struct Summary: Encodable {
                var description: String?
                var illustrative: Bool
                var appended: Int
                var alreadyPresent: Int
                var neutralisations: Int
                var overrides: Int
            }
            try await scope.audit("import", "results", planID, before: nil, after: Summary(
                description: results.description, illustrative: results.illustrative ?? false, appended: outcome.measurementsAppended,
                alreadyPresent: outcome.measurementsAlreadyPresent, neutralisations: outcome.neutralisationsWritten, overrides: outcome.overridesWritten))
            return outcome
        }
    }

    static func measurement(_ row: any SQLRow) throws -> StoredMeasurement {
        StoredMeasurement(id: try row.text("measurement_id"), planID: try row.text("plan_id"), indicator: try row.indicatorKey("indicator_key"),
                          at: try row.day("checkpoint"), revision: try row.integer("revision"), text: try row.text("value_text"),
                          note: try row.optionalText("note"), author: try row.text("author"), recordedBy: try row.text("recorded_by"),
                          recordedAt: try row.time("recorded_at"), statedAt: try row.optionalText("stated_at"),
                          evidence: try row.stringList("evidence_json"), illustrative: try row.flag("illustrative"),
                          planVersion: try row.integer("plan_version"))
    }
}

extension Scope {
    /// A plan's measurements, neutralisations and overrides; with `currentOnly`, the latest revision of each series.
    func results(_ planID: String, currentOnly: Bool) async throws -> Results {
        guard try await currentVersion(planID) != nil else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        let history = try await allMeasurements(planID, currentOnly: currentOnly)
        let neutralisations = try await neutralisationRows(planID).map(\.neutralisation)
        let overrides = try await standingOverrides(planID, measurements: history)
        var results = Results(plan: planID, measurements: try history.map { try $0.measurement },
                              neutralisations: neutralisations.isEmpty ? nil : neutralisations,
                              overrides: overrides.isEmpty ? nil : overrides)
        if history.contains(where: \.illustrative) { results.illustrative = true }
        return results
    }

    func allMeasurements(_ planID: String, currentOnly: Bool = false) async throws -> [StoredMeasurement] {
        // The latest revision of a series is found through the primary key (organization, plan, indicator,
        // checkpoint, revision): one index probe per row, however long the history.
        let latest: SQLQueryString = currentOnly ? """
             AND m.revision = (SELECT MAX(r.revision) FROM measurements r WHERE r.organization_id = m.organization_id \
            AND r.plan_id = m.plan_id AND r.indicator_key = m.indicator_key AND r.checkpoint = m.checkpoint)
            """ : ""
        let rows = try await db.raw("""
            SELECT m.* FROM measurements m WHERE m.organization_id = \(bind: organization) AND m.plan_id = \(bind: planID)\(latest)
            ORDER BY m.indicator_key, m.checkpoint, m.revision
            """).all().map(SQLStore.measurement)
        // Plan order (1.1.2 before 1.1.10), then checkpoint, then revision: the order `Results` expects. Each
        // indicator's sort key is made once per row, not at every comparison.
        return rows.map { (key: $0.indicator.sortKey, row: $0) }.sorted { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.row.at != b.row.at { return a.row.at < b.row.at }
            return a.row.revision < b.row.revision
        }.map(\.row)
    }

    /// Appends the next revision of a series. `expectedRevision` is the revision the writer based the value on.
    func appendMeasurement(_ planID: String, _ entry: MeasurementEntry, version: Int, expectedRevision: Int?,
                           illustrative: Bool, statedAt: String?) async throws -> StoredMeasurement {
        // Appends to one indicator queue behind each other (FOR UPDATE on PostgreSQL; SQLKit's SQLite dialect
        // emits no clause there, its writes being serialised already), so concurrent appends never collide.
        _ = try await db.raw("""
            SELECT indicator_key FROM indicators
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND indicator_key = \(bind: entry.indicator.description)
            \(SQLLockingClause.update)
            """).first()
        let previous = try await db.raw("""
            SELECT * FROM measurements
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
              AND indicator_key = \(bind: entry.indicator.description) AND checkpoint = \(bind: entry.at.description)
            ORDER BY revision DESC LIMIT 1
            """).first().map(SQLStore.measurement)
        let current = previous?.revision ?? 0
        if let expectedRevision, expectedRevision != current {
            throw StoreError.staleWrite(subject: "la rilevazione di \(entry.indicator) al \(entry.at.italian)", expected: expectedRevision, current: current)
        }
        let note = entry.note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let measurement = StoredMeasurement(
            id: SortableID.make(), planID: planID, indicator: entry.indicator, at: entry.at, revision: current + 1, text: entry.text,
            note: note, author: entry.author ?? context.user, recordedBy: context.user, recordedAt: now, statedAt: statedAt,
            evidence: entry.evidence, illustrative: illustrative, planVersion: version)
        let evidenceJSON = try measurement.evidence.map { try ColumnJSON.encode($0) }
        try await db.raw("""
            INSERT INTO measurements (organization_id, plan_id, indicator_key, checkpoint, revision, measurement_id, value_text, note, author,
                                      recorded_by, recorded_at, stated_at, evidence_json, illustrative, plan_version)
            VALUES (\(bind: organization), \(bind: planID), \(bind: entry.indicator.description), \(bind: entry.at.description), \
            \(bind: measurement.revision), \(bind: measurement.id), \(bind: measurement.text), \(bind: measurement.note), \(bind: measurement.author), \
            \(bind: measurement.recordedBy), \(bind: nowText), \(bind: statedAt), \(bind: evidenceJSON), \(bind: illustrative), \(bind: version))
            """).run()
        try await audit("append", "measurement", "\(planID)/\(entry.indicator)@\(entry.at)#\(measurement.revision)", before: previous, after: measurement)
        return measurement
    }
}
