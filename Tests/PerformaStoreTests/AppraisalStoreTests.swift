import Foundation
import Performa
import SQLKit
import Testing
@testable import PerformaStore

/// Individual appraisal in the store, on SQLite and PostgreSQL: the staff all or nothing, who sees and does what on
/// each scheda (role × own / evaluated by me / other / other organization × read / write), the workflow with
/// optimistic versions, and the log of reads.
@Suite("Appraisal store")
struct AppraisalStoreTests {
    static let year = 2021

    static func smvp(_ organization: String) -> SMVP {
        let scale = RatingScale(minimum: 1, maximum: 5)
        let behaviours = [Behaviour(id: "b1", title: "Collaborazione", description: "Lavora con i colleghi")]
        var smvp = SMVP(id: "smvp", title: "SMVP di prova", organization: organization, fromYear: 2021, scale: scale, minimumServiceMonths: 6,
                        reviewDeadlineDays: 15, profiles: [
                            AppraisalProfile(id: "dirigenti", title: "Dirigenti", categories: [.dirigente], components: [AppraisalComponent(kind: .behaviours, weight: 100)],
                                             behaviours: behaviours),
                            AppraisalProfile(id: "comparto", title: "Comparto", categories: [.comparto], components: [AppraisalComponent(kind: .behaviours, weight: 100)],
                                             behaviours: behaviours),
                        ])
        smvp.illustrative = true
        return smvp
    }

    static let people = [
        Person(id: "rossi", name: "Rossi Mario", category: .dirigente, unit: "area-1", evaluator: "giunta"),
        Person(id: "p1", name: "Uno Persona", category: .comparto, area: .istruttori, unit: "area-1", evaluator: "rossi"),
        Person(id: "p2", name: "Due Persona", category: .comparto, area: .istruttori, unit: "area-1", evaluator: "rossi"),
        Person(id: "p3", name: "Tre Persona", category: .comparto, area: .operatori, unit: "area-2", evaluator: "bianchi"),
    ]

    struct Staffed {
        var admin: AccessContext
        var users: [String: AccessContext]
    }

    /// An organization with the small plan, the staff, the SMVP, and one user per role (employee p1, manager rossi).
    static func staffed(_ store: SQLStore) async throws -> Staffed {
        let admin = try await TestPlans.seeded(store, "valutazioni")
        let plan = try await store.plan(admin, id: "piano-prova", version: nil).plan
        _ = try await store.replacePeople(admin, year: year, people, organization: plan.organization)
        try await store.setSMVP(admin, smvp(admin.organization))
        var users: [String: AccessContext] = [:]
        for (name, role, manager) in [("dipendente", Role.employee, nil), ("rossi", .manager, "rossi"), ("personale", .hr, nil),
                                      ("oiv", .oiv, nil), ("lettore", .viewer, nil)] as [(String, Role, String?)] {
            let user = try await store.createUser(admin, NewUser(username: name, displayName: name, role: role, managerID: manager, passwordHash: "x"))
            users[name] = user.context
        }
        users["admin"] = admin
        try await store.linkPerson(admin, year: year, person: "p1", userID: users["dipendente"]!.user)
        return Staffed(admin: admin, users: users)
    }

    @Test("who sees which schede, and in which capacity each may act", arguments: TestBackend.allCases)
    func visibility(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let staffed = try await Self.staffed(store)
            let expectedReads: [String: [String]] = [
                "dipendente": ["p1"], "rossi": ["p1", "p2", "rossi"], "personale": ["p1", "p2", "p3", "rossi"],
                "oiv": ["rossi"], "lettore": [], "admin": [],
            ]
            for (user, expected) in expectedReads {
                let seen = try await store.appraisals(staffed.users[user]!, year: Self.year).map(\.person).sorted()
                #expect(seen == expected, "\(user)")
                // The staff list follows the same rule, except that whoever manages the staff sees all of it.
                let people = try await store.people(staffed.users[user]!, year: Self.year).map(\.person.id).sorted()
                #expect(people == (user == "admin" ? ["p1", "p2", "p3", "rossi"] : expected), "\(user)")
            }
            // Writes: communicating the objectives is the evaluator's; the HR office acts for the Giunta.
            let writes: [(String, String, Bool)] = [
                ("rossi", "p1", true), ("rossi", "p3", false), ("dipendente", "p2", false), ("dipendente", "p1", false),
                ("personale", "rossi", true), ("oiv", "rossi", false), ("lettore", "p1", false), ("admin", "p2", false),
            ]
            for (user, person, allowed) in writes {
                let version = try await store.appraisals(staffed.users["personale"]!, year: Self.year).first { $0.person == person }!.rowVersion
                do {
                    _ = try await store.applyAppraisalAction(staffed.users[user]!, year: Self.year, person: person, .communicateObjectives, today: Day(2021, 2, 1),
                                                             complete: true, missing: [], expectedRowVersion: version)
                    #expect(allowed, "\(user) on \(person)")
                } catch let error as StoreError {
                    #expect(!allowed, "\(user) on \(person): \(error)")
                }
            }
            // Another organization's HR office sees nothing of this one and cannot act on it.
            let other = try await TestPlans.seeded(store, "altro-ente")
            let foreignHR = try await store.createUser(other, NewUser(username: "personale", displayName: "HR", role: .hr, passwordHash: "x")).context
            #expect(try await store.appraisals(foreignHR, year: Self.year).isEmpty)
            #expect(try await store.people(foreignHR, year: Self.year).isEmpty)
            await #expect(throws: StoreError.self) {
                try await store.applyAppraisalAction(foreignHR, year: Self.year, person: "p1", .close, today: Day(2022, 1, 1), complete: true, missing: [], expectedRowVersion: 0)
            }
        }
    }

    @Test("a scheda goes through the workflow in the store; a stale version and an illegal step are refused; ratings saved while allowed",
          arguments: TestBackend.allCases)
    func workflow(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let staffed = try await Self.staffed(store)
            let evaluator = staffed.users["rossi"]!, employee = staffed.users["dipendente"]!, hr = staffed.users["personale"]!
            func step(_ who: AccessContext, _ action: AppraisalAction, _ version: Int, today: Day = Day(2022, 1, 20)) async throws -> StoredAppraisal {
                try await store.applyAppraisalAction(who, year: Self.year, person: "p1", action, today: today, complete: true, missing: [], expectedRowVersion: version)
            }
            var scheda = try await step(evaluator, .communicateObjectives, 0, today: Day(2021, 2, 1))
            await #expect(throws: StoreError.self) { try await step(evaluator, .acknowledgeObjectives, scheda.rowVersion) }
            await #expect(throws: StoreError.self) { try await step(employee, .acknowledgeObjectives, 0) }
            scheda = try await step(employee, .acknowledgeObjectives, scheda.rowVersion)
            scheda = try await step(evaluator, .recordMidYearCheck(day: Day(2021, 7, 10), notes: "In linea"), scheda.rowVersion)
            var input = scheda.input
            input.ratings = [BehaviourRating(behaviour: "b1", rating: 4, comment: "Buona")]
            await #expect(throws: StoreError.self) {
                try await store.saveAppraisalInput(employee, year: Self.year, person: "p1", input, expectedRowVersion: scheda.rowVersion)
            }
            scheda = try await store.saveAppraisalInput(evaluator, year: Self.year, person: "p1", input, expectedRowVersion: scheda.rowVersion)
            #expect(scheda.input.ratings.first?.rating == 4)
            for action in [AppraisalAction.evaluate, .recordInterview(day: Day(2022, 1, 18), notes: "Svolto"), .deliver] {
                scheda = try await step(evaluator, action, scheda.rowVersion)
            }
            scheda = try await step(employee, .requestReview(reasons: "Chiedo il riesame"), scheda.rowVersion)
            scheda = try await step(hr, .decideReview(outcome: .confirmed, reasons: "Confermata"), scheda.rowVersion)
            scheda = try await step(hr, .close, scheda.rowVersion)
            #expect(scheda.progress.state == .closed)
            let stored = try await store.appraisals(employee, year: Self.year)
            #expect(stored.first?.progress == scheda.progress && stored.first?.input.ratings == input.ratings)
            let entries = try await store.auditLog(staffed.admin, AuditQuery(entity: "appraisal"))
            #expect(entries.count == 10, "one entry per step and save")
            #expect(entries.first?.action == "close" && entries.first?.actor == hr.user)
        }
    }

    @Test("reading someone else's scheda is logged without invalidating caches; a wrong staff writes nothing", arguments: TestBackend.allCases)
    func readsAndStaff(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let staffed = try await Self.staffed(store)
            let hr = staffed.users["personale"]!
            let version = try await store.database.transaction(.read, organization: hr.organization) { db in
                try await db.raw("SELECT data_version FROM organizations WHERE organization_id = \(bind: hr.organization)").first()!.decode(column: "data_version", as: Int64.self)
            }
            try await store.recordAppraisalRead(hr, year: Self.year, person: "p2")
            let after = try await store.database.transaction(.read, organization: hr.organization) { db in
                try await db.raw("SELECT data_version FROM organizations WHERE organization_id = \(bind: hr.organization)").first()!.decode(column: "data_version", as: Int64.self)
            }
            #expect(after == version)
            let read = try await store.auditLog(staffed.admin, AuditQuery(entity: "appraisal")).first
            #expect(read?.action == "read" && read?.actor == hr.user && read?.entityKey == "\(Self.year)/p2")

            let plan = try await store.plan(staffed.admin, id: "piano-prova", version: nil).plan
            var wrong = Self.people
            wrong.append(Person(id: "p1", name: "Doppione", category: .comparto, area: .istruttori, unit: "area-1"))
            wrong.append(Person(id: "p9", name: "Codice sbagliato", fiscalCode: "RSSMRA80A01H501X", category: .comparto, area: .istruttori, unit: "area-1"))
            do {
                _ = try await store.replacePeople(hr, year: Self.year, wrong, organization: plan.organization)
                Issue.record("a wrong staff was accepted")
            } catch let error as StoreError {
                #expect("\(error)".contains("p1: matricola ripetuta"))
                #expect("\(error)".contains("p9"))
            }
            #expect(try await store.people(hr, year: Self.year).map(\.person.id) == ["p1", "p2", "p3", "rossi"])
            await #expect(throws: StoreError.self) {
                try await store.replacePeople(staffed.users["rossi"]!, year: Self.year, Self.people, organization: plan.organization)
            }
        }
    }

    @Test("the SMVP that applies to a year is the latest adopted from a year not after it; funds replace the year's; both by the HR office only and per organization",
          arguments: TestBackend.allCases)
    func smvpAndFunds(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let staffed = try await Self.staffed(store)
            let hr = staffed.users["personale"]!, employee = staffed.users["dipendente"]!
            var later = Self.smvp(hr.organization)
            later.fromYear = 2024
            later.title = "SMVP dal 2024"
            try await store.setSMVP(hr, later)
            #expect(try await store.smvp(employee, year: 2020) == nil)
            for (year, title) in [(2021, "SMVP di prova"), (2023, "SMVP di prova"), (2024, "SMVP dal 2024"), (2030, "SMVP dal 2024")] {
                #expect(try await store.smvp(employee, year: year)?.title == title, "\(year)")
            }
            await #expect(throws: StoreError.self) { try await store.setSMVP(employee, later) }
            await #expect(throws: StoreError.self) { try await store.setSMVP(hr, Self.smvp("altro-ente")) }

            try await store.setFunds(hr, year: Self.year, ["comparto": 1_000_000, "dirigenti": 500_000])
            try await store.setFunds(hr, year: Self.year, ["comparto": 1_234_567])
            #expect(try await store.funds(hr, year: Self.year) == ["comparto": 1_234_567])
            await #expect(throws: StoreError.self) { try await store.setFunds(hr, year: Self.year, ["comparto": -1]) }
            await #expect(throws: StoreError.self) { try await store.setFunds(employee, year: Self.year, ["comparto": 1]) }
            #expect(try await store.funds(hr, year: Self.year) == ["comparto": 1_234_567])

            let other = try await TestPlans.seeded(store, "altro-ente")
            #expect(try await store.smvp(other, year: 2025) == nil)
            #expect(try await store.funds(other, year: Self.year).isEmpty)
        }
    }
}
