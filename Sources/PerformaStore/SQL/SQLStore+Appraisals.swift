import Foundation
import Performa
import SQLKit

/// Individual appraisal: the staff of a year, the SMVP, the funds, and each person's scheda with its workflow. Every
/// read and write goes through `AppraisalAccess` (who may see and do what, by relation to the scheda), every change
/// is audited, and a read of a scheda by anyone but its owner is logged too (`recordAppraisalRead`).
extension SQLStore {
    // MARK: Staff, SMVP, funds

    /// Replaces the staff of `year` in one transaction, each evaluator resolved from the organization's units;
    /// nothing is written when a person is invalid (the error names them and the field) or two share an id.
    public func replacePeople(_ context: AccessContext, year: Int, _ people: [Person], organization: Organization) async throws -> [StoredPerson] {
        var problems: [String] = []
        var seen: Set<String> = []
        for person in people {
            if !seen.insert(person.id).inserted { problems.append("\(person.id): matricola ripetuta") }
            for problem in person.problems { problems.append("\(person.id) (\(person.name)), \(problem.field): \(problem.message)") }
            for text in [person.id, person.name, person.unit, person.note ?? ""] {
                if let problem = ValueLimits.textProblem(text, .title) { problems.append("\(person.id): \(problem)") }
            }
        }
        guard problems.isEmpty else {
            throw StoreError.invalid("Personale \(year) non caricato, nulla è stato scritto: " + problems.prefix(20).joined(separator: "; ")
                                     + (problems.count > 20 ? "; e altri \(problems.count - 20)." : "."))
        }
        return try await write(context) { scope in
            try scope.require(.manageStaff, "caricare il personale")
            let links = Dictionary(try await scope.db.raw("""
                SELECT person_id, user_id FROM people WHERE organization_id = \(bind: scope.organization) AND year = \(bind: year) AND user_id IS NOT NULL
                """).all().map { (try $0.text("person_id"), try $0.text("user_id")) }, uniquingKeysWith: { first, _ in first })
            try await scope.db.raw("DELETE FROM people WHERE organization_id = \(bind: scope.organization) AND year = \(bind: year)").run()
            var stored: [StoredPerson] = []
            for person in people {
                let row = StoredPerson(person: person, year: year, evaluator: EvaluatorResolution.evaluator(of: person, organization: organization),
                                       userID: links[person.id])
                try await scope.db.raw("""
                    INSERT INTO people (organization_id, year, person_id, name, unit, category, evaluator_id, user_id, data_json)
                    VALUES (\(bind: scope.organization), \(bind: year), \(bind: person.id), \(bind: person.name), \(bind: person.unit), \
                    \(bind: person.category.rawValue), \(bind: row.evaluator), \(bind: row.userID), \(bind: try ColumnJSON.encode(person)))
                    """).run()
                stored.append(row)
            }
            try await scope.audit("import", "people", String(year), before: nil, after: ["persone": people.count])
            return stored
        }
    }

    /// Links a person of the year's staff to the user they sign in as (nil removes the link).
    public func linkPerson(_ context: AccessContext, year: Int, person: String, userID: String?) async throws {
        try await write(context) { scope in
            try scope.require(.manageStaff, "collegare una persona a un utente")
            if let userID { _ = try await scope.userRow(userID) }
            guard try await scope.db.raw("""
                UPDATE people SET user_id = \(bind: userID) WHERE organization_id = \(bind: scope.organization) AND year = \(bind: year) AND person_id = \(bind: person)
                RETURNING person_id
                """).first() != nil else { throw StoreError.notFound(subject: "la persona «\(person)» del personale \(year)") }
            try await scope.audit("update", "person", "\(year)/\(person)", before: nil, after: ["utente": userID])
        }
    }

    /// The people of `year` the user may see: all for the HR office and the struttura tecnica, otherwise themselves,
    /// the people they evaluate and (for the OIV) the dirigenti.
    public func people(_ context: AccessContext, year: Int) async throws -> [StoredPerson] {
        try await read(context) { scope in
            let staff = try await scope.staff(year)
            if context.role.may(.manageStaff) { return staff }
            let viewer = try await scope.appraisalViewer(staff)
            return staff.filter { !viewer.actors(on: $0).isEmpty }
        }
    }

    public func setSMVP(_ context: AccessContext, _ smvp: SMVP) async throws {
        try await write(context) { scope in
            try scope.require(.manageStaff, "caricare il sistema di valutazione")
            guard smvp.organization == scope.organization else {
                throw StoreError.invalid("Il sistema di valutazione è dell'ente «\(smvp.organization)», non di «\(scope.organization)».")
            }
            try await scope.db.raw("DELETE FROM smvps WHERE organization_id = \(bind: scope.organization) AND from_year = \(bind: smvp.fromYear)").run()
            try await scope.db.raw("""
                INSERT INTO smvps (organization_id, from_year, document_json, updated_at)
                VALUES (\(bind: scope.organization), \(bind: smvp.fromYear), \(bind: try ColumnJSON.encode(smvp)), \(bind: scope.nowText))
                """).run()
            try await scope.audit("import", "smvp", String(smvp.fromYear), before: nil, after: ["id": smvp.id, "titolo": smvp.title])
        }
    }

    /// The SMVP that applies to `year`: the one adopted from the latest year not after it. A public act: anyone reads it.
    public func smvp(_ context: AccessContext, year: Int) async throws -> SMVP? {
        try await read(context) { scope in try await scope.smvpRow(year) }
    }

    /// Sets the funds for individual performance of `year`, per SMVP profile, in cents.
    public func setFunds(_ context: AccessContext, year: Int, _ cents: [String: Int64]) async throws {
        guard cents.values.allSatisfy({ $0 >= 0 && $0 < 100_000_000_000_000 }) else { throw StoreError.invalid("Importo del fondo fuori scala.") }
        try await write(context) { scope in
            try scope.require(.manageStaff, "indicare i fondi per la performance individuale")
            let before = try await scope.funds(year)
            try await scope.db.raw("DELETE FROM appraisal_funds WHERE organization_id = \(bind: scope.organization) AND year = \(bind: year)").run()
            for (profile, amount) in cents.sorted(by: { $0.key < $1.key }) {
                try await scope.db.raw("""
                    INSERT INTO appraisal_funds (organization_id, year, profile, cents) VALUES (\(bind: scope.organization), \(bind: year), \(bind: profile), \(bind: amount))
                    """).run()
            }
            try await scope.audit("update", "funds", String(year), before: before, after: cents)
        }
    }

    public func funds(_ context: AccessContext, year: Int) async throws -> [String: Int64] {
        try await read(context) { scope in try await scope.funds(year) }
    }

    // MARK: Schede

    /// The schede of `year` the user may see (a person without a stored scheda has an empty one in draft).
    public func appraisals(_ context: AccessContext, year: Int) async throws -> [StoredAppraisal] {
        try await read(context) { scope in
            let staff = try await scope.staff(year)
            let records = try await scope.appraisalRows(year)
            let visible: [StoredPerson]
            if context.role == .hr {
                visible = staff
            } else {
                let viewer = try await scope.appraisalViewer(staff)
                visible = staff.filter { !viewer.actors(on: $0).isEmpty }
            }
            return visible.map { records[$0.person.id] ?? StoredAppraisal.empty(year: year, person: $0.person.id) }
        }
    }

    /// Saves what the evaluator (or, after a review that changed the evaluation, the HR office) entered in a scheda,
    /// when its workflow lets them (`AppraisalWorkflow.mayEdit`).
    public func saveAppraisalInput(_ context: AccessContext, year: Int, person: String, _ input: AppraisalInput, expectedRowVersion: Int) async throws -> StoredAppraisal {
        try await write(context) { scope in
            let (before, actors) = try await scope.appraisalForWriting(year: year, person: person, expectedRowVersion: expectedRowVersion)
            guard actors.contains(where: { AppraisalWorkflow.mayEdit(.ratings, progress: before.progress, actor: $0)
                                            || AppraisalWorkflow.mayEdit(.objectives, progress: before.progress, actor: $0) }) else {
                throw StoreError.forbidden(role: context.role, action: "modificare la scheda nello stato «\(before.progress.state.italian)»")
            }
            var input = input
            input.person = person
            input.year = year
            var after = before
            after.input = input
            return try await scope.storeAppraisal(after, before: before, action: "update")
        }
    }

    /// Takes a step of the scheda's workflow, in the capacity the step needs, or says why not.
    public func applyAppraisalAction(_ context: AccessContext, year: Int, person: String, _ action: AppraisalAction, today: Day,
                                     complete: Bool, missing: [String], expectedRowVersion: Int) async throws -> StoredAppraisal {
        try await write(context) { scope in
            let (before, actors) = try await scope.appraisalForWriting(year: year, person: person, expectedRowVersion: expectedRowVersion)
            let kind = action.kind
            let actor = actors.contains(kind.actor) ? kind.actor : (actors.sorted { $0.rawValue < $1.rawValue }.first ?? .person)
            guard !actors.isEmpty else { throw StoreError.forbidden(role: context.role, action: "agire sulla scheda di un'altra persona") }
            guard let smvp = try await scope.smvpRow(year) else { throw StoreError.invalid("Manca il sistema di valutazione per il \(year).") }
            let staff = try await scope.staff(year)
            let profile = staff.first { $0.person.id == person }.flatMap { smvp.profile(for: $0.person.category) }
            let rules = AppraisalWorkflowRules(smvp: smvp, profile: profile)
            var after = before
            do {
                after.progress = try AppraisalWorkflow.apply(action, to: before.progress, by: actor, user: context.user, at: scope.now, today: today,
                                                             rules: rules, complete: complete, missing: missing)
            } catch let error as AppraisalWorkflowError {
                throw StoreError.invalid(error.message)
            }
            return try await scope.storeAppraisal(after, before: before, action: kind.rawValue)
        }
    }

    /// Loads what was entered in a year's schede from a file (`performa-valutazioni/1`: a migration from another
    /// system, the demo), each with the workflow state it is in; replaces the schede it names, in one transaction.
    public func importAppraisals(_ context: AccessContext, year: Int, _ schede: [(input: AppraisalInput, progress: AppraisalProgress)]) async throws {
        try await write(context) { scope in
            try scope.require(.manageStaff, "caricare le schede di valutazione")
            let staff = Set(try await scope.staff(year).map(\.person.id))
            let unknown = schede.map(\.input.person).filter { !staff.contains($0) }
            guard unknown.isEmpty else {
                throw StoreError.invalid("Schede di persone che non sono nel personale \(year): \(unknown.prefix(10).joined(separator: ", ")). Nulla è stato scritto.")
            }
            let stored = try await scope.appraisalRows(year)
            for (input, progress) in schede {
                var input = input
                input.year = year
                let before = stored[input.person] ?? StoredAppraisal.empty(year: year, person: input.person)
                var after = before
                after.input = input
                after.progress = progress
                _ = try await scope.storeAppraisal(after, before: before, action: "import")
            }
        }
    }

    /// Logs that the user read a scheda not their own (who, when, which). Does not change the data version: nothing
    /// cached depends on it.
    public func recordAppraisalRead(_ context: AccessContext, year: Int, person: String) async throws {
        try await write(context, changingData: false) { scope in
            try await scope.audit("read", "appraisal", "\(year)/\(person)", before: nil, after: nil)
        }
    }
}

extension StoredAppraisal {
    /// The scheda of a person nothing has been entered for yet.
    public static func empty(year: Int, person: String) -> StoredAppraisal {
        StoredAppraisal(year: year, person: person, input: AppraisalInput(person: person, year: year), progress: .initial, rowVersion: 0)
    }
}

extension Scope {
    func staff(_ year: Int) async throws -> [StoredPerson] {
        try await db.raw("""
            SELECT data_json, evaluator_id, user_id FROM people WHERE organization_id = \(bind: organization) AND year = \(bind: year) ORDER BY person_id
            """).all().map { row in
            StoredPerson(person: try ColumnJSON.decode(Person.self, try row.text("data_json")), year: year,
                         evaluator: try row.optionalText("evaluator_id"), userID: try row.optionalText("user_id"))
        }
    }

    /// The acting user as `AppraisalAccess` sees them in `staff`.
    func appraisalViewer(_ staff: [StoredPerson]) async throws -> AppraisalAccess.Viewer {
        AppraisalAccess.Viewer(role: context.role, userID: context.user, managerID: (try? await userRow(context.user))?.managerID, staff: staff)
    }

    func appraisalRows(_ year: Int) async throws -> [String: StoredAppraisal] {
        var found: [String: StoredAppraisal] = [:]
        for row in try await db.raw("""
            SELECT person_id, input_json, progress_json, row_version FROM appraisals WHERE organization_id = \(bind: organization) AND year = \(bind: year)
            """).all() {
            let person = try row.text("person_id")
            found[person] = StoredAppraisal(year: year, person: person, input: try ColumnJSON.decode(AppraisalInput.self, try row.text("input_json")),
                                            progress: try ColumnJSON.decode(AppraisalProgress.self, try row.text("progress_json")),
                                            rowVersion: try row.integer("row_version"))
        }
        return found
    }

    func smvpRow(_ year: Int) async throws -> SMVP? {
        guard let row = try await db.raw("""
            SELECT document_json FROM smvps WHERE organization_id = \(bind: organization) AND from_year <= \(bind: year) ORDER BY from_year DESC LIMIT 1
            """).first() else { return nil }
        return try ColumnJSON.decode(SMVP.self, try row.text("document_json"))
    }

    func funds(_ year: Int) async throws -> [String: Int64] {
        Dictionary(try await db.raw("""
            SELECT profile, cents FROM appraisal_funds WHERE organization_id = \(bind: organization) AND year = \(bind: year)
            """).all().map { (try $0.text("profile"), Int64(try $0.integer("cents"))) }, uniquingKeysWith: { first, _ in first })
    }

    /// The scheda as stored (or empty) and the capacities the user acts in; refused when the user has none, or the
    /// version read is no longer the stored one.
    func appraisalForWriting(year: Int, person: String, expectedRowVersion: Int) async throws -> (StoredAppraisal, Set<AppraisalActor>) {
        let staff = try await staff(year)
        guard let member = staff.first(where: { $0.person.id == person }) else {
            throw StoreError.notFound(subject: "la persona «\(person)» del personale \(year)")
        }
        let viewer = try await appraisalViewer(staff)
        let actors = viewer.actors(on: member)
        guard !actors.isEmpty else { throw StoreError.forbidden(role: context.role, action: "agire sulla scheda di \(member.person.name)") }
        let stored = try await appraisalRows(year)[person] ?? StoredAppraisal.empty(year: year, person: person)
        guard stored.rowVersion == expectedRowVersion else {
            throw StoreError.staleWrite(subject: "la scheda di \(member.person.name)", expected: expectedRowVersion, current: stored.rowVersion)
        }
        return (stored, actors)
    }

    func storeAppraisal(_ after: StoredAppraisal, before: StoredAppraisal, action: String) async throws -> StoredAppraisal {
        var after = after
        after.rowVersion = before.rowVersion + 1
        let input = try ColumnJSON.encode(after.input), progress = try ColumnJSON.encode(after.progress)
        if before.rowVersion == 0 {
            try await db.raw("""
                INSERT INTO appraisals (organization_id, year, person_id, state, input_json, progress_json, row_version, updated_at)
                VALUES (\(bind: organization), \(bind: after.year), \(bind: after.person), \(bind: after.progress.state.rawValue), \(bind: input), \
                \(bind: progress), 1, \(bind: nowText))
                """).run()
        } else {
            guard try await db.raw("""
                UPDATE appraisals SET state = \(bind: after.progress.state.rawValue), input_json = \(bind: input), progress_json = \(bind: progress),
                    row_version = row_version + 1, updated_at = \(bind: nowText)
                WHERE organization_id = \(bind: organization) AND year = \(bind: after.year) AND person_id = \(bind: after.person)
                  AND row_version = \(bind: before.rowVersion)
                RETURNING row_version
                """).first() != nil else { throw StoreError.concurrentWrite }
        }
        try await audit(action, "appraisal", "\(after.year)/\(after.person)", before: before.progress.state.rawValue, after: after.progress.state.rawValue)
        return after
    }
}
