import Foundation
import Performa
import SQLKit

/// The OIV's corrections (overrides of an achievement) and the declarations that an indicator is not assessable
/// (neutralisations): each is one row per subject, replaced under a row-version check; the audit log keeps
/// every earlier value.
extension SQLStore {
    public func setOverride(_ context: AccessContext, planID: String, _ override: AchievementOverride, expectedRowVersion: Int?) async throws -> StoredOverride {
        try await setOverrides(context, planID: planID, [OverrideWrite(override, expectedRowVersion: expectedRowVersion)])[0]
    }

    /// Records several judgements in one transaction (the OIV's confirmation of many computed achievements): all of
    /// them, or none when one is refused.
    public func setOverrides(_ context: AccessContext, planID: String, _ writes: [OverrideWrite]) async throws -> [StoredOverride] {
        try await write(context) { scope in
            try scope.require(.validateResults, "registrare correzioni dell'OIV")
            try await scope.requireOpenPlan(planID)
            let basis = try await scope.judgementBasis(planID)
            var stored: [StoredOverride] = []
            for write in writes {
                stored.append(try await scope.writeOverride(planID, write.override, expectedRowVersion: write.expectedRowVersion, seen: write.seen, basis: basis))
            }
            return stored
        }
    }

    /// The values a judgement of `subject` at `at` would be tied to now, and their token for a form (`OverrideWrite.seen`).
    public func judgementValues(_ context: AccessContext, planID: String, subjects: [String], at: Day) async throws -> [String: (values: [JudgedValue], token: String)] {
        try await read(context) { scope in
            let basis = try await scope.judgementBasis(planID)
            var result: [String: (values: [JudgedValue], token: String)] = [:]
            for subject in subjects {
                let values = basis.values(of: subject, at: at)
                result[subject] = (values, JudgementBasis.token(values))
            }
            return result
        }
    }

    public func removeOverride(_ context: AccessContext, planID: String, subject: String, at: Day, expectedRowVersion: Int) async throws {
        try await write(context) { scope in
            try scope.require(.validateResults, "eliminare correzioni dell'OIV")
            try await scope.requireOpenPlan(planID)
            let current = try await scope.overrideRows(planID, basis: nil).first { $0.override.subject == subject && $0.override.at == at }
            let what = "la correzione OIV di «\(subject)» al \(at.italian)"
            guard let current, current.rowVersion == expectedRowVersion else {
                throw scope.staleOrMissing(what, expected: expectedRowVersion, current: current?.rowVersion)
            }
            guard try await scope.db.raw("""
                DELETE FROM overrides WHERE organization_id = \(bind: scope.organization) AND plan_id = \(bind: planID)
                  AND subject = \(bind: subject) AND checkpoint = \(bind: at.description) AND row_version = \(bind: expectedRowVersion)
                RETURNING subject
                """).first() != nil else { throw StoreError.concurrentWrite }
            try await scope.audit("delete", "override", "\(planID)/\(subject)@\(at)", before: current, after: nil)
        }
    }

    public func overrides(_ context: AccessContext, planID: String) async throws -> [StoredOverride] {
        try await read(context) { scope in try await scope.overrideRows(planID, basis: try await scope.judgementBasis(planID)) }
    }

    public func setNeutralisation(_ context: AccessContext, planID: String, _ neutralisation: DeclaredNeutralisation, expectedRowVersion: Int?) async throws -> StoredNeutralisation {
        try await write(context) { scope in
            try scope.require(.validateResults, "dichiarare indicatori non valutabili")
            return try await scope.writeNeutralisation(planID, neutralisation, expectedRowVersion: expectedRowVersion)
        }
    }

    public func removeNeutralisation(_ context: AccessContext, planID: String, indicator: IndicatorKey, from: Day?, expectedRowVersion: Int) async throws {
        try await write(context) { scope in
            try scope.require(.validateResults, "eliminare neutralizzazioni")
            let current = try await scope.neutralisationRows(planID).first { $0.neutralisation.indicator == indicator && $0.neutralisation.from == from }
            let what = "la neutralizzazione dell'indicatore \(indicator)"
            guard let current, current.rowVersion == expectedRowVersion else {
                throw scope.staleOrMissing(what, expected: expectedRowVersion, current: current?.rowVersion)
            }
            guard try await scope.db.raw("""
                DELETE FROM neutralisations WHERE organization_id = \(bind: scope.organization) AND plan_id = \(bind: planID)
                  AND indicator_key = \(bind: indicator.description) AND starts = \(bind: from?.description ?? "") AND row_version = \(bind: expectedRowVersion)
                RETURNING indicator_key
                """).first() != nil else { throw StoreError.concurrentWrite }
            try await scope.audit("delete", "neutralisation", "\(planID)/\(indicator)", before: current, after: nil)
        }
    }

    public func neutralisations(_ context: AccessContext, planID: String) async throws -> [StoredNeutralisation] {
        try await read(context) { scope in try await scope.neutralisationRows(planID) }
    }
}

extension Scope {
    /// The plan's judgements; with `basis`, each compared with the values that count now (`changes`).
    func overrideRows(_ planID: String, basis: JudgementBasis?) async throws -> [StoredOverride] {
        try await db.raw("""
            SELECT * FROM overrides WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) ORDER BY subject, checkpoint
            """).all().map { row in
            var override = AchievementOverride(subject: try row.text("subject"), at: try row.day("checkpoint"), achievement: try row.number("achievement"),
                                               reason: try row.text("reason"), by: try row.optionalText("validated_by"))
            override.on = try row.optionalText("validated_on").flatMap(Day.init(parsing:))
            let now = basis?.values(of: override.subject, at: override.at)
            // Every row has its values since schema 6; one without (written by an older server) is taken as judging the current ones.
            let judged = try row.json("judged_json", as: [JudgedValue].self) ?? now ?? []
            var stored = StoredOverride(planID: planID, override: override, recordedBy: try row.text("recorded_by"),
                                        recordedAt: try row.time("recorded_at"), rowVersion: try row.integer("row_version"), judged: judged)
            if let now { stored.changes = JudgementBasis.changes(judged: judged, now: now) }
            return stored
        }
    }

    /// The judgements that count: those whose values are still the ones that count. `measurements` are the plan's,
    /// already read (their latest revisions are the current values).
    func standingOverrides(_ planID: String, measurements: [StoredMeasurement]) async throws -> [AchievementOverride] {
        let rows = try await overrideRows(planID, basis: nil)
        if rows.isEmpty { return [] }
        let basis = try await judgementBasis(planID, measurements: measurements)
        return rows.compactMap { row in
            JudgementBasis.changes(judged: row.judged, now: basis.values(of: row.override.subject, at: row.override.at)).isEmpty ? row.override : nil
        }
    }

    func neutralisationRows(_ planID: String) async throws -> [StoredNeutralisation] {
        try await db.raw("""
            SELECT * FROM neutralisations WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) ORDER BY indicator_key, starts
            """).all().map { row in
            let starts = try row.text("starts")
            let neutralisation = DeclaredNeutralisation(indicator: try row.indicatorKey("indicator_key"), reason: try row.text("reason"),
                                                        from: starts.isEmpty ? nil : Day(parsing: starts), by: try row.optionalText("declared_by"))
            return StoredNeutralisation(planID: planID, neutralisation: neutralisation, recordedBy: try row.text("recorded_by"),
                                        recordedAt: try row.time("recorded_at"), rowVersion: try row.integer("row_version"))
        }
    }

    /// Writes an override unless the stored one is equal; returns whether it wrote (for imports).
    func mergeOverride(_ planID: String, _ override: AchievementOverride) async throws -> Bool {
        let basis = try await judgementBasis(planID)
        let current = try await overrideRows(planID, basis: nil).first { $0.override.subject == override.subject && $0.override.at == override.at }
        if current?.override == override { return false }
        _ = try await writeOverride(planID, override, expectedRowVersion: current?.rowVersion, seen: nil, basis: basis)
        return true
    }

    func mergeNeutralisation(_ planID: String, _ neutralisation: DeclaredNeutralisation) async throws -> Bool {
        let current = try await neutralisationRows(planID).first {
            $0.neutralisation.indicator == neutralisation.indicator && $0.neutralisation.from == neutralisation.from
        }
        if current?.neutralisation == neutralisation { return false }
        _ = try await writeNeutralisation(planID, neutralisation, expectedRowVersion: current?.rowVersion)
        return true
    }

    /// Writes a judgement tied to the values that count now (`basis`); with `seen`, only if those are the values its
    /// judge was shown.
    func writeOverride(_ planID: String, _ override: AchievementOverride, expectedRowVersion: Int?, seen: String?,
                       basis: JudgementBasis) async throws -> StoredOverride {
        guard let version = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        let isObjective = try await db.raw("""
            SELECT objective_key FROM plan_objectives WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
              AND version = \(bind: version) AND objective_key = \(bind: override.subject)
            """).first() != nil
        let isIndicator = try await db.raw("""
            SELECT indicator_key FROM plan_indicators WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
              AND version = \(bind: version) AND indicator_key = \(bind: override.subject)
            """).first() != nil
        guard isObjective || isIndicator else {
            throw StoreError.invalid("«\(override.subject)» non è un obiettivo né un indicatore della versione \(version) del piano «\(planID)».")
        }
        if let problem = ValueLimits.achievementProblem(override.achievement) {
            throw StoreError.invalid(problem.prefix(1).uppercased() + problem.dropFirst() + ".")
        }
        guard !override.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid("Una correzione dell'OIV richiede la motivazione.")
        }
        let judged = basis.values(of: override.subject, at: override.at)
        if let seen, seen != JudgementBasis.token(judged) {
            throw StoreError.invalid("I valori di «\(override.subject)» al \(override.at.italian) sono cambiati dopo l'apertura della pagina: ricaricarla e validare i valori attuali. Nulla è stato registrato.")
        }
        let judgedJSON = try ColumnJSON.encode(judged)
        let current = try await overrideRows(planID, basis: nil).first { $0.override.subject == override.subject && $0.override.at == override.at }
        let what = "la correzione OIV di «\(override.subject)» al \(override.at.italian)"
        let stored = StoredOverride(planID: planID, override: override, recordedBy: context.user, recordedAt: now, rowVersion: (current?.rowVersion ?? 0) + 1,
                                    judged: judged)
        if let expectedRowVersion {
            guard let current, current.rowVersion == expectedRowVersion else {
                throw staleOrMissing(what, expected: expectedRowVersion, current: current?.rowVersion)
            }
            guard try await db.raw("""
                UPDATE overrides SET achievement = \(bind: override.achievement), reason = \(bind: override.reason), validated_by = \(bind: override.by),
                    validated_on = \(bind: override.on?.description), recorded_by = \(bind: context.user), recorded_at = \(bind: nowText),
                    judged_json = \(bind: judgedJSON), row_version = row_version + 1
                WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND subject = \(bind: override.subject)
                  AND checkpoint = \(bind: override.at.description) AND row_version = \(bind: expectedRowVersion)
                RETURNING row_version
                """).first() != nil else { throw StoreError.concurrentWrite }
            try await audit("update", "override", "\(planID)/\(override.subject)@\(override.at)", before: current, after: stored)
        } else {
            if let current { throw StoreError.staleWrite(subject: what, expected: 0, current: current.rowVersion) }
            try await db.raw("""
                INSERT INTO overrides (organization_id, plan_id, subject, checkpoint, achievement, reason, validated_by, validated_on,
                                       recorded_by, recorded_at, judged_json, row_version)
                VALUES (\(bind: organization), \(bind: planID), \(bind: override.subject), \(bind: override.at.description), \(bind: override.achievement), \
                \(bind: override.reason), \(bind: override.by), \(bind: override.on?.description), \(bind: context.user), \(bind: nowText), \(bind: judgedJSON), 1)
                """).run()
            try await audit("create", "override", "\(planID)/\(override.subject)@\(override.at)", before: nil, after: stored)
        }
        return stored
    }

    func writeNeutralisation(_ planID: String, _ neutralisation: DeclaredNeutralisation, expectedRowVersion: Int?) async throws -> StoredNeutralisation {
        guard let version = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        guard try await db.raw("""
            SELECT indicator_key FROM plan_indicators WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
              AND version = \(bind: version) AND indicator_key = \(bind: neutralisation.indicator.description)
            """).first() != nil else {
            throw StoreError.invalid("L'indicatore «\(neutralisation.indicator)» non esiste nella versione \(version) del piano «\(planID)».")
        }
        guard !neutralisation.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid("Una neutralizzazione richiede la motivazione.")
        }
        let starts = neutralisation.from?.description ?? ""
        let current = try await neutralisationRows(planID).first {
            $0.neutralisation.indicator == neutralisation.indicator && $0.neutralisation.from == neutralisation.from
        }
        let what = "la neutralizzazione dell'indicatore \(neutralisation.indicator)"
        let stored = StoredNeutralisation(planID: planID, neutralisation: neutralisation, recordedBy: context.user, recordedAt: now,
                                          rowVersion: (current?.rowVersion ?? 0) + 1)
        let key = "\(planID)/\(neutralisation.indicator)"
        if let expectedRowVersion {
            guard let current, current.rowVersion == expectedRowVersion else {
                throw staleOrMissing(what, expected: expectedRowVersion, current: current?.rowVersion)
            }
            guard try await db.raw("""
                UPDATE neutralisations SET reason = \(bind: neutralisation.reason), declared_by = \(bind: neutralisation.by),
                    recorded_by = \(bind: context.user), recorded_at = \(bind: nowText), row_version = row_version + 1
                WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND indicator_key = \(bind: neutralisation.indicator.description)
                  AND starts = \(bind: starts) AND row_version = \(bind: expectedRowVersion)
                RETURNING row_version
                """).first() != nil else { throw StoreError.concurrentWrite }
            try await audit("update", "neutralisation", key, before: current, after: stored)
        } else {
            if let current { throw StoreError.staleWrite(subject: what, expected: 0, current: current.rowVersion) }
            try await db.raw("""
                INSERT INTO neutralisations (organization_id, plan_id, indicator_key, starts, reason, declared_by, recorded_by, recorded_at, row_version)
                VALUES (\(bind: organization), \(bind: planID), \(bind: neutralisation.indicator.description), \(bind: starts), \
                \(bind: neutralisation.reason), \(bind: neutralisation.by), \(bind: context.user), \(bind: nowText), 1)
                """).run()
            try await audit("create", "neutralisation", key, before: nil, after: stored)
        }
        return stored
    }
}
