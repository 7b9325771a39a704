import Foundation
import Performa
import PerformaFormats
import SQLKit

extension SQLStore {
    public func importPlan(_ context: AccessContext, _ incoming: Plan, revision: PlanRevision?, createOrganization: Bool) async throws -> PlanImportOutcome {
        try Self.checkOwner(incoming, context)
        let incomingRows = try PlanIndexRows(incoming)
        return try await write(context) { scope in
            var plan = incoming
            var organizationCreated = false
            guard let current = try await scope.currentVersion(plan.id) else {
                try scope.require([.admin], "importare piani")
                if try await !scope.organizationExists() {
                    guard createOrganization else { throw StoreError.notFound(subject: "l'ente «\(scope.organization)»") }
                    _ = try await scope.insertOrganization(name: plan.organization.name)
                    organizationCreated = true
                }
                return .created(try await scope.insertPlan(plan, rows: incomingRows), organizationCreated: organizationCreated)
            }
            let stored = try await scope.storedPlan(plan.id, version: current)
            if Self.sameContent(stored.plan, plan) { return .unchanged(stored.info) }
            plan = try scope.permittedChange(from: stored.plan, to: plan)
            let rows = plan == incoming ? incomingRows : try PlanIndexRows(plan)
            try scope.requireOpen(stored.info)
            if stored.info.status.isFrozen {
                guard let revision else { throw StoreError.adoptedPlan(plan: plan.id) }
                return .revised(try await scope.insertRevision(plan, rows: rows, revision: revision, after: stored.info))
            }
            return .draftReplaced(try await scope.replaceDraft(plan, rows: rows, stored: stored))
        }
    }

    public func revisePlan(_ context: AccessContext, _ incoming: Plan, revision: PlanRevision, expectedVersion: Int) async throws -> PlanVersionInfo {
        try Self.checkOwner(incoming, context)
        let incomingRows = try PlanIndexRows(incoming)
        return try await write(context) { scope in
            let plan: Plan
            guard let current = try await scope.currentVersion(incoming.id) else { throw StoreError.notFound(subject: "il piano «\(incoming.id)»") }
            guard current == expectedVersion else {
                throw StoreError.staleWrite(subject: "il piano «\(incoming.id)»", expected: expectedVersion, current: current)
            }
            let storedPlan = try await scope.storedPlan(incoming.id, version: current)
            plan = try scope.permittedChange(from: storedPlan.plan, to: incoming)
            let rows = plan == incoming ? incomingRows : try PlanIndexRows(plan)
            let stored = storedPlan.info
            try scope.requireOpen(stored)
            guard stored.status.isFrozen else {
                throw StoreError.invalid("Il piano «\(plan.id)» è ancora \(stored.status.italian): si modifica direttamente, senza revisione.")
            }
            return try await scope.insertRevision(plan, rows: rows, revision: revision, after: stored)
        }
    }

    public func advancePlan(_ context: AccessContext, planID: String, act: ApprovalAct, expectedRowVersion: Int) async throws -> PlanVersionInfo {
        try await write(context) { scope in
            guard let current = try await scope.currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
            let stored = try await scope.storedPlan(planID, version: current)
            try scope.requireOpen(stored.info)
            let recorded = Set((stored.plan.acts ?? []).map(\.kind))
            let target: PlanStatus
            switch act.kind {
            case .oivValidation:
                try scope.require(.validatePlan, "registrare la validazione dell'OIV")
                guard !stored.info.status.isFrozen else { throw StoreError.adoptedPlan(plan: planID) }
                target = .validated
            case .adoption:
                try scope.require([.admin], "registrare l'adozione del piano")
                guard !stored.info.status.isFrozen else { throw StoreError.adoptedPlan(plan: planID) }
                target = .adopted
            case .reportAdoption:
                try scope.require([.admin], "registrare l'adozione della Relazione sulla performance")
                guard stored.info.status.isFrozen else {
                    throw StoreError.invalid("Il piano «\(planID)» è \(stored.info.status.italian): la Relazione sulla performance si adotta per un piano adottato.")
                }
                guard !recorded.contains(.reportAdoption) else { throw StoreError.invalid("L'adozione della Relazione del piano «\(planID)» è già registrata.") }
                target = stored.info.status
            case .reportValidation:
                try scope.require(.validatePlan, "registrare la validazione della Relazione sulla performance")
                guard recorded.contains(.reportAdoption) else {
                    throw StoreError.invalid("La Relazione sulla performance del piano «\(planID)» non è ancora adottata: l'OIV valida la Relazione adottata.")
                }
                target = .closed
            case .revision, .other:
                throw StoreError.invalid("Atto non ammesso qui: per una revisione usare la revisione del piano, che crea una nuova versione.")
            }
            guard stored.info.rowVersion == expectedRowVersion else {
                throw StoreError.staleWrite(subject: "il piano «\(planID)»", expected: expectedRowVersion, current: stored.info.rowVersion)
            }
            var plan = stored.plan
            plan.status = target
            plan.acts = (plan.acts ?? []) + [act]
            let action = switch act.kind {
            case .adoption: "adopt"
            case .reportAdoption: "adopt-report"
            case .reportValidation: "close"
            default: "validate"
            }
            return try await scope.rewriteVersion(plan, rows: nil, stored: stored, action: action)
        }
    }

    public func plans(_ context: AccessContext) async throws -> [PlanVersionInfo] {
        try await read(context) { scope in
            try await scope.db.raw("""
                SELECT \(unsafeRaw: Self.versionColumns("v")) FROM plans p
                JOIN plan_versions v ON v.organization_id = p.organization_id AND v.plan_id = p.plan_id AND v.version = p.current_version
                WHERE p.organization_id = \(bind: scope.organization) ORDER BY p.plan_id
                """).all().map(Self.versionInfo)
        }
    }

    public func plan(_ context: AccessContext, id: String, version: Int?) async throws -> StoredPlan {
        try await read(context) { scope in
            guard let current = try await scope.currentVersion(id) else { throw StoreError.notFound(subject: "il piano «\(id)»") }
            return try await scope.storedPlan(id, version: version ?? current)
        }
    }

    public func planVersions(_ context: AccessContext, planID: String) async throws -> [PlanVersionInfo] {
        try await read(context) { scope in
            guard try await scope.currentVersion(planID) != nil else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
            return try await scope.db.raw("""
                SELECT \(unsafeRaw: Self.versionColumns("v")) FROM plan_versions v
                WHERE v.organization_id = \(bind: scope.organization) AND v.plan_id = \(bind: planID) ORDER BY v.version
                """).all().map(Self.versionInfo)
        }
    }

    public func assignments(_ context: AccessContext, planID: String, version: Int?) async throws -> [StoredAssignment] {
        try await read(context) { scope in
            guard let current = try await scope.currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
            let version = version ?? current
            return try await scope.db.raw("""
                SELECT manager_id, objective_key, weight FROM plan_assignments
                WHERE organization_id = \(bind: scope.organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
                ORDER BY ordinal
                """).all().map { row in
                StoredAssignment(planID: planID, version: version, manager: try row.text("manager_id"),
                                 objective: try row.text("objective_key"), weight: try row.number("weight"))
            }
        }
    }

    // MARK: - Helpers

    static func checkOwner(_ plan: Plan, _ context: AccessContext) throws {
        guard plan.organization.id == context.organization else {
            throw StoreError.invalid("Il piano «\(plan.id)» appartiene all'ente «\(plan.organization.id)», non a «\(context.organization)».")
        }
        guard !plan.id.isEmpty, plan.id.count <= 100 else { throw StoreError.invalid("Identificativo del piano non valido: «\(plan.id)».") }
    }

    /// Equal apart from what the store itself sets on a revision (version, status, acts): re-importing the file a
    /// revision came from changes nothing.
    static func sameContent(_ stored: Plan, _ incoming: Plan) -> Bool {
        if stored == incoming { return true }
        var a = stored, b = incoming
        (a.version, a.status, a.acts) = (nil, .draft, nil)
        (b.version, b.status, b.acts) = (nil, .draft, nil)
        return a == b && stored.status.isFrozen && stored.version ?? 1 > 1
    }

    /// Decodes stored plans with the process's memo of target texts: a plan's targets are stored as their texts, and
    /// parsing them is most of the cost of reading a plan the server has not read before.
    static var planDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[TargetTextMemo.userInfoKey] = TargetTextMemo.stored
        return decoder
    }

    static func versionColumns(_ alias: String) -> String {
        ["organization_id", "plan_id", "version", "status", "title", "year", "sha256", "reason", "act_json", "created_by", "created_at", "row_version"]
            .map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    static func versionInfo(_ row: any SQLRow) throws -> PlanVersionInfo {
        let statusText = try row.text("status")
        guard let status = PlanStatus(rawValue: statusText) else { throw StoreError.database("stato del piano sconosciuto: «\(statusText)»") }
        return PlanVersionInfo(organization: try row.text("organization_id"), planID: try row.text("plan_id"), version: try row.integer("version"),
                               status: status, title: try row.text("title"), year: try row.integer("year"), sha256: try row.text("sha256"),
                               reason: try row.optionalText("reason"), act: try row.json("act_json", as: ApprovalAct.self),
                               createdBy: try row.text("created_by"), createdAt: try row.time("created_at"), rowVersion: try row.integer("row_version"))
    }
}

extension PlanStatus {
    /// Adopted plans (and their revisions, and closed plans) are never edited in place.
    var isFrozen: Bool { self == .adopted || self == .revised || self == .closed }
}

extension Scope {
    /// A closed plan (its Relazione adopted and validated) takes no revision, value, document or judgement.
    func requireOpen(_ info: PlanVersionInfo) throws {
        guard info.status != .closed else {
            throw StoreError.invalid("Il piano «\(info.planID)» è chiuso: la Relazione sulla performance è stata adottata e validata dall'OIV, i suoi dati non cambiano più.")
        }
    }

    /// `requireOpen` for the current version of a plan.
    func requireOpenPlan(_ planID: String) async throws {
        guard let current = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        try requireOpen(try await versionInfo(planID, version: current))
    }
}

/// What the audit log keeps of a plan version: its information and, when a draft is replaced in place, the whole
/// replaced plan, so that nothing is lost.
private struct PlanSnapshot: Encodable {
    var info: PlanVersionInfo
    var planJSON: String?
}

extension Scope {
    func currentVersion(_ planID: String) async throws -> Int? {
        try await db.raw("""
            SELECT current_version FROM plans WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
            """).first()?.integer("current_version")
    }

    func versionInfo(_ planID: String, version: Int) async throws -> PlanVersionInfo {
        guard let row = try await db.raw("""
            SELECT \(unsafeRaw: SQLStore.versionColumns("v")) FROM plan_versions v
            WHERE v.organization_id = \(bind: organization) AND v.plan_id = \(bind: planID) AND v.version = \(bind: version)
            """).first() else {
            throw StoreError.notFound(subject: "la versione \(version) del piano «\(planID)»")
        }
        return try SQLStore.versionInfo(row)
    }

    func storedPlan(_ planID: String, version: Int) async throws -> StoredPlan {
        let info = try await versionInfo(planID, version: version)
        guard let row = try await db.raw("""
            SELECT plan_json FROM plan_versions
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
            """).first() else {
            throw StoreError.notFound(subject: "la versione \(version) del piano «\(planID)»")
        }
        do {
            let plan = try SQLStore.planDecoder.decode(Plan.self, from: Data(try row.text("plan_json").utf8))
            return StoredPlan(plan: plan, info: info)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database("la versione \(version) del piano «\(planID)» non è leggibile (\(error))")
        }
    }

    func insertPlan(_ plan: Plan, rows: PlanIndexRows) async throws -> PlanVersionInfo {
        try await db.raw("""
            INSERT INTO plans (organization_id, plan_id, current_version, created_at, updated_at)
            VALUES (\(bind: organization), \(bind: plan.id), 1, \(bind: nowText), \(bind: nowText))
            """).run()
        let info = try await insertVersion(plan, version: 1, rows: rows, reason: nil, act: nil)
        try await audit("create", "plan", "\(plan.id)/v1", before: nil, after: PlanSnapshot(info: info))
        return info
    }

    func insertRevision(_ plan: Plan, rows: PlanIndexRows, revision: PlanRevision, after previous: PlanVersionInfo) async throws -> PlanVersionInfo {
        let reason = revision.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.invalid("Una revisione del piano richiede il motivo.") }
        guard revision.act.date != nil, !(revision.act.number ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("Una revisione del piano richiede l'atto che la approva: numero e data della delibera.")
        }
        let version = previous.version + 1
        var act = revision.act
        if act.note == nil { act.note = reason }
        var revised = plan
        revised.version = version
        revised.status = .revised
        if !(revised.acts ?? []).contains(act) { revised.acts = (revised.acts ?? []) + [act] }
        guard try await db.raw("""
            UPDATE plans SET current_version = \(bind: version), updated_at = \(bind: nowText)
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: plan.id) AND current_version = \(bind: previous.version)
            RETURNING current_version
            """).first() != nil else {
            throw StoreError.staleWrite(subject: "il piano «\(plan.id)»", expected: previous.version, current: try await currentVersion(plan.id))
        }
        let info = try await insertVersion(revised, version: version, rows: rows, reason: reason, act: act)
        try await audit("revise", "plan", "\(plan.id)/v\(version)", before: PlanSnapshot(info: previous), after: PlanSnapshot(info: info))
        return info
    }

    /// Replaces a draft in place (allowed until adoption); the audit log keeps the replaced plan whole.
    func replaceDraft(_ plan: Plan, rows: PlanIndexRows, stored: StoredPlan) async throws -> PlanVersionInfo {
        try await rewriteVersion(plan, rows: rows, stored: stored, action: "replace")
    }

    func rewriteVersion(_ plan: Plan, rows: PlanIndexRows?, stored: StoredPlan, action: String) async throws -> PlanVersionInfo {
        let json = try PlanFile.json(plan)
        let key = (organization, plan.id, stored.info.version)
        guard try await db.raw("""
            UPDATE plan_versions SET plan_json = \(bind: json), sha256 = \(bind: Digest.sha256(json)), status = \(bind: plan.status.rawValue),
                title = \(bind: plan.title), year = \(bind: plan.year), row_version = row_version + 1
            WHERE organization_id = \(bind: key.0) AND plan_id = \(bind: key.1) AND version = \(bind: key.2) AND row_version = \(bind: stored.info.rowVersion)
            RETURNING row_version
            """).first() != nil else {
            throw StoreError.staleWrite(subject: "il piano «\(plan.id)»", expected: stored.info.rowVersion, current: nil)
        }
        if let rows {
            for table in ["plan_assignments", "plan_indicators", "plan_objectives"] {
                try await db.raw("""
                    DELETE FROM \(ident: table) WHERE organization_id = \(bind: key.0) AND plan_id = \(bind: key.1) AND version = \(bind: key.2)
                    """).run()
            }
            try await insertIndex(plan.id, version: stored.info.version, rows: rows)
        }
        let info = try await versionInfo(plan.id, version: stored.info.version)
        let previousJSON = try PlanFile.json(stored.plan)
        try await audit(action, "plan", "\(plan.id)/v\(info.version)", before: PlanSnapshot(info: stored.info, planJSON: previousJSON), after: PlanSnapshot(info: info))
        return info
    }

    private func insertVersion(_ plan: Plan, version: Int, rows: PlanIndexRows, reason: String?, act: ApprovalAct?) async throws -> PlanVersionInfo {
        let json = try PlanFile.json(plan)
        let actJSON = try act.map { try ColumnJSON.encode($0) }
        try await db.raw("""
            INSERT INTO plan_versions (organization_id, plan_id, version, status, title, year, plan_json, sha256, reason, act_json,
                                       created_by, created_at, row_version)
            VALUES (\(bind: organization), \(bind: plan.id), \(bind: version), \(bind: plan.status.rawValue), \(bind: plan.title), \
            \(bind: plan.year), \(bind: json), \(bind: Digest.sha256(json)), \(bind: reason), \(bind: actJSON), \(bind: context.user), \
            \(bind: nowText), 1)
            """).run()
        try await insertIndex(plan.id, version: version, rows: rows)
        return try await versionInfo(plan.id, version: version)
    }

    private func insertIndex(_ planID: String, version: Int, rows: PlanIndexRows) async throws {
        try await insertRows("plan_objectives", ["organization_id", "plan_id", "version", "objective_key", "level", "parent", "title", "weight", "ordinal"],
                             rows.objectives.enumerated().map { ordinal, objective in
            [organization, planID, version, objective.key, objective.level, objective.parent, objective.title, objective.weight, ordinal]
        })
        // The identity of each indicator across versions; a key seen in an earlier version is kept as it is.
        try await insertRows("indicators", ["organization_id", "plan_id", "indicator_key", "objective_key", "number", "first_version"],
                             rows.indicators.map { [organization, planID, $0.key.description, $0.key.objective, $0.key.number, version] },
                             ignoringConflictsOn: ["organization_id", "plan_id", "indicator_key"])
        try await insertRows("plan_indicators", ["organization_id", "plan_id", "version", "indicator_key", "objective_key", "title", "weight", "targets_json", "ordinal"],
                             rows.indicators.enumerated().map { ordinal, indicator in
            [organization, planID, version, indicator.key.description, indicator.key.objective, indicator.title, indicator.weight, indicator.targetsJSON, ordinal]
        })
        try await insertRows("plan_assignments", ["organization_id", "plan_id", "version", "ordinal", "manager_id", "objective_key", "weight"],
                             rows.assignments.enumerated().map { ordinal, assignment in
            [organization, planID, version, ordinal, assignment.manager, assignment.objective, assignment.weight]
        })
    }

    /// Multi-row inserts, in chunks that stay far below either database's limit on bound parameters.
    private func insertRows(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]], ignoringConflictsOn conflict: [String]? = nil) async throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + 200)]
            let insert = db.insert(into: table).columns(columns)
            for row in chunk { insert.values(row) }
            if let conflict { insert.ignoringConflicts(with: conflict) }
            try await insert.run()
            start += chunk.count
        }
    }
}
