import Foundation
import Performa
import PerformaFormats
import Testing
@testable import PerformaStore

@Suite("Plans: lossless storage, versions, revisions")
struct PlanStorageTests {
    @Test("the Brescia plan round-trips losslessly: import → export (YAML and JSON) → import gives an equal plan", arguments: TestBackend.allCases)
    func bresciaRoundTrip(backend: TestBackend) async throws {
        let original = try TestPlans.brescia()
        try await backend.withStore { store in
            let context = AccessContext.commandLine(organization: original.organization.id)
            let outcome = try await store.importPlan(context, original, revision: nil, createOrganization: true)
            guard case .created(let info, organizationCreated: true) = outcome else {
                Issue.record("unexpected outcome \(outcome)")
                return
            }
            let json = try PlanFile.json(original)
            #expect(info.version == 1 && info.status == .adopted && info.sha256 == Digest.sha256(json))
            #expect(try await store.organization(context).name == original.organization.name)

            let stored = try await store.plan(context, id: original.id, version: nil)
            #expect(stored.plan == original)
            let fromYAML = try PlanFile.read(try PlanFile.yaml(stored.plan))
            let fromJSON = try PlanFile.read(try PlanFile.json(stored.plan), fileName: "piano.json")
            #expect(fromYAML == original)
            #expect(fromJSON == original)
            #expect(try await store.importPlan(context, fromYAML, revision: nil, createOrganization: true) == .unchanged(info))

            // The index tables hold every objective, indicator and assignment of the plan.
            let index = PlanIndex(original)
            let assignments = try await store.assignments(context, planID: original.id, version: nil)
            #expect(assignments.count == (original.assignments ?? []).reduce(0) { $0 + $1.objectives.count })
            let indicatorCount = try await store.database.transaction(.read, organization: context.organization) { db in
                try await db.raw("SELECT COUNT(*) AS n FROM plan_indicators WHERE organization_id = \(bind: context.organization)").first()!.integer("n")
            }
            #expect(indicatorCount == index.indicators.count)
        }
    }

    @Test("an adopted plan is never edited in place: a revision adds version n+1 with its reason and act", arguments: TestBackend.allCases)
    func revisionsAddVersions(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "revisioni")
            let original = TestPlans.small(organization: context.organization)
            let key = IndicatorKey.key("1.1.1/1"), day = Day.yearEnd(2021)
            _ = try await store.recordMeasurement(context, planID: original.id, MeasurementEntry(indicator: key, at: day, text: "800"), expectedRevision: 0)

            // A mid-year revision adds objective 1.1.3 and drops indicator 1.1.1/2.
            var revised = original
            revised.areas[0].objectives[0].operationalObjectives[0].indicators.removeLast()
            revised.areas[0].objectives[0].operationalObjectives.append(OperationalObjective(
                code: "1.1.3", title: "Obiettivo aggiuntivo determinato alla fine del I semestre", weight: 0,
                indicators: [Indicator(number: 1, title: "Eventi", targets: [IndicatorTarget(at: day, target: Target(parsing: "5 eventi"))], weight: 100)]))
            await #expect(throws: StoreError.adoptedPlan(plan: original.id)) {
                try await store.importPlan(context, revised, revision: nil, createOrganization: false)
            }
            #expect(try await store.planVersions(context, planID: original.id).count == 1)

            let outcome = try await store.importPlan(context, revised, revision: TestPlans.revision, createOrganization: false)
            guard case .revised(let info) = outcome else {
                Issue.record("unexpected outcome \(outcome)")
                return
            }
            #expect(info.version == 2 && info.status == .revised && info.reason == TestPlans.revision.reason)
            #expect(info.act?.number == "80" && info.act?.date == Day(2021, 7, 19))
            let current = try await store.plan(context, id: original.id, version: nil).plan
            #expect(current.version == 2 && current.status == .revised)
            #expect(current.acts?.last == ApprovalAct(kind: .revision, body: "Giunta camerale", number: "80", date: Day(2021, 7, 19), note: TestPlans.revision.reason))
            #expect(try await store.plan(context, id: original.id, version: 1).plan == original)
            // Re-importing the file the revision came from changes nothing.
            #expect(try await store.importPlan(context, revised, revision: nil, createOrganization: false) == .unchanged(info))

            // Measurements follow the indicator's key across versions; new indicators are measurable, dropped ones not.
            #expect(try await store.results(context, planID: original.id).current(key, at: day)?.text == "800")
            _ = try await store.recordMeasurement(context, planID: original.id, MeasurementEntry(indicator: .key("1.1.3/1"), at: day, text: "6"), expectedRevision: 0)
            await #expect(throws: StoreError.invalid("L'indicatore «1.1.1/2» non esiste nella versione 2 del piano «piano-prova».")) {
                try await store.recordMeasurement(context, planID: original.id, MeasurementEntry(indicator: .key("1.1.1/2"), at: day, text: "50%"), expectedRevision: nil)
            }
            let audit = try await store.auditLog(context, AuditQuery(entity: "plan"))
            #expect(audit.map(\.action) == ["revise", "create"])
            #expect(audit.first?.entityKey == "piano-prova/v2")
        }
    }

    @Test("a draft is replaced in place (the audit log keeps the old one), validated, adopted, then frozen", arguments: TestBackend.allCases)
    func draftLifecycle(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = TestPlans.admin(TestPlans.organization("bozza"))
            var draft = TestPlans.small(organization: context.organization)
            draft.status = .draft
            draft.version = nil
            guard case .created(let first, _) = try await store.importPlan(context, draft, revision: nil, createOrganization: true) else {
                Issue.record("not created")
                return
            }
            var edited = draft
            edited.title = "Piano di prova (bozza 2)"
            let replaced = try await store.importPlan(context, edited, revision: nil, createOrganization: false)
            #expect(replaced.info.version == 1 && replaced.info.rowVersion == first.rowVersion + 1)
            let replacement = try #require(try await store.auditLog(context, AuditQuery(entity: "plan")).first)
            #expect(replacement.action == "replace")
            // The replaced draft is in the audit log whole: it reads back as the plan it was.
            struct Snapshot: Decodable { var planJSON: String }
            let snapshot = try JSONDecoder().decode(Snapshot.self, from: Data(try #require(replacement.before).utf8))
            #expect(try PlanFile.read(snapshot.planJSON, fileName: "bozza.json") == draft)

            let oiv = AccessContext(organization: context.organization, user: "oiv", role: .oiv)
            let validated = try await store.advancePlan(oiv, planID: draft.id, act: ApprovalAct(kind: .oivValidation, body: "OIV", date: Day(2021, 4, 19)),
                                                        expectedRowVersion: replaced.info.rowVersion)
            #expect(validated.status == .validated)
            await #expect(throws: StoreError.self) {
                try await store.advancePlan(oiv, planID: draft.id, act: ApprovalAct(kind: .adoption, body: "Giunta", number: "45", date: Day(2021, 4, 26)),
                                            expectedRowVersion: validated.rowVersion)
            }
            let adopted = try await store.advancePlan(context, planID: draft.id, act: ApprovalAct(kind: .adoption, body: "Giunta", number: "45", date: Day(2021, 4, 26)),
                                                      expectedRowVersion: validated.rowVersion)
            #expect(adopted.status == .adopted && adopted.version == 1)
            #expect(try await store.plan(context, id: draft.id, version: nil).plan.acts?.map(\.kind) == [.oivValidation, .adoption])
            edited.title = "Modifica dopo l'adozione"
            await #expect(throws: StoreError.adoptedPlan(plan: draft.id)) {
                try await store.importPlan(context, edited, revision: nil, createOrganization: false)
            }
        }
    }

    @Test("a plan the store cannot index writes nothing, not even its organization", arguments: TestBackend.allCases)
    func ambiguousPlanWritesNothing(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = TestPlans.admin(TestPlans.organization("doppio"))
            var plan = TestPlans.small(organization: context.organization)
            plan.areas[0].objectives[0].operationalObjectives[1].code = "1.1.1"
            await #expect(throws: StoreError.self) { try await store.importPlan(context, plan, revision: nil, createOrganization: true) }
            let directory = try await store.organizationDirectory()
            #expect(directory.isEmpty)
        }
    }

    @Test("a failure inside a transaction rolls back everything written before it", arguments: TestBackend.allCases)
    func transactionsAreAtomic(backend: TestBackend) async throws {
        struct Interrupted: Error {}
        try await backend.withStore { store in
            let context = TestPlans.admin(TestPlans.organization("atomico"))
            await #expect(throws: Interrupted.self) {
                try await store.write(context) { scope in
                    _ = try await scope.insertOrganization(name: "Ente interrotto")
                    _ = try await scope.insertPlan(TestPlans.small(organization: context.organization), rows: try PlanIndexRows(TestPlans.small(organization: context.organization)))
                    throw Interrupted()
                }
            }
            #expect(try await store.organizationDirectory().isEmpty)
            let leftovers = try await store.database.transaction(.read, organization: context.organization) { db in
                try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.integer("n")
                    + db.raw("SELECT COUNT(*) AS n FROM plan_indicators").first()!.integer("n")
            }
            #expect(leftovers == 0)
        }
    }
}
