import Foundation
import Performa
import PerformaFormats
import PerformaStore

/// `performa serve --demo`: the Brescia plan, its illustrative 2021 results and one user per role (a manager user
/// for each of the plan's dirigenti), with passwords printed at start-up. Demo users carry an e-mail address on
/// the reserved `.invalid` domain; the login refuses them unless the server runs in demo mode.
public enum DemoData {
    public static let planFile = "cciaa-brescia-2021-2023.yaml"
    public static let resultsFile = "results-2021.yaml"
    public static let smvpFile = "smvp-cciaa-brescia.yaml"
    public static let peopleFile = "personale-illustrativo-2021.csv"
    public static let appraisalsFile = "valutazioni-illustrative-2021.yaml"
    /// The one scheda the demo leaves at its start, for trying the whole workflow (the employee of the worked example).
    static let draftScheda = "p040"
    /// The struttura tecnica's demo user's own scheda, left delivered.
    static let deliveredScheda = "p116"
    static let emailDomain = "@demo.invalid"

    /// A demo user and the password printed for it.
    public struct Account: Sendable, Hashable {
        public var username: String
        public var password: String
        public var displayName: String
        public var role: Role
        public var managerID: String?
        /// The person of the illustrative staff the user is (managers are their own id).
        public var person: String?
    }

    /// What `load` did, for the start-up message.
    public struct Outcome: Sendable {
        public var organization: String
        public var planID: String
        public var planCreated: Bool
        public var measurementsImported: Int
        public var accounts: [Account]
    }

    static func isDemoAccount(_ user: StoredUser) -> Bool {
        user.email?.hasSuffix(emailDomain) ?? false
    }

    /// The demo users of a plan: struttura tecnica, each dirigente, the OIV, a reader, the HR office, an employee and
    /// the RPCT.
    public static func accounts(for plan: Plan) -> [Account] {
        var accounts = [Account(username: "admin", password: "demo-admin", displayName: "Struttura tecnica (demo)", role: .admin)]
        for manager in plan.organization.managers {
            accounts.append(Account(username: manager.id, password: "demo-\(manager.id)", displayName: "\(manager.name) (demo)", role: .manager, managerID: manager.id))
        }
        accounts.append(Account(username: "oiv", password: "demo-oiv", displayName: "Organismo Indipendente di Valutazione (demo)", role: .oiv))
        accounts.append(Account(username: "lettore", password: "demo-lettore", displayName: "Lettore (demo)", role: .viewer, person: "p001"))
        accounts.append(Account(username: "personale", password: "demo-personale", displayName: "Ufficio personale (demo)", role: .hr, person: "p125"))
        accounts.append(Account(username: "dipendente", password: "demo-dipendente", displayName: "Persona illustrativa 040 (demo)", role: .employee,
                                person: draftScheda))
        accounts.append(Account(username: "rpct", password: "demo-rpct", displayName: "Responsabile prevenzione corruzione e trasparenza (demo)", role: .rpct))
        accounts[0].person = deliveredScheda
        return accounts
    }

    /// Loads the demo into `store`. On a database that already holds the plan, the plan and results are left as they
    /// are (the demo keeps what was entered in earlier sessions) and only the demo users' passwords are reset.
    public static func load(into store: any PerformaStore, examples folder: URL, passwordCost: UInt8) async throws -> Outcome {
        let plan: Plan
        let results: Results
        do {
            plan = try PlanFile.read(contentsOf: folder.appendingPathComponent(planFile))
            results = try ResultsFile.read(contentsOf: folder.appendingPathComponent(resultsFile), plan: plan)
        } catch let error as FileError {
            throw DemoError(message: "impossibile leggere i dati dimostrativi: \(error)")
        } catch {
            throw DemoError(message: "dati dimostrativi non trovati nella cartella «\(folder.path)» (\(error.localizedDescription)): indicare la cartella con --examples CARTELLA.")
        }
        let context = AccessContext(organization: plan.organization.id, user: "performa-demo", role: .admin)
        let exists = try await store.organizationDirectory().contains { $0.id == plan.organization.id }
        let planExists = exists ? try await store.plans(context).contains { $0.planID == plan.id } : false
        var imported = 0
        if !planExists {
            _ = try await store.importPlan(context, plan, revision: nil, createOrganization: !exists)
            imported = try await store.importResults(context, results).measurementsAppended
        }
        let accounts = accounts(for: plan)
        for account in accounts {
            let hash = try await PasswordHasher.hash(account.password, cost: passwordCost)
            let email = account.username + emailDomain
            if let existing = try await store.credentials(organization: plan.organization.id, username: account.username) {
                var user = existing.user
                user.displayName = account.displayName
                user.email = email
                user.role = account.role
                user.managerID = account.managerID
                user.active = true
                _ = try await store.updateUser(context, user, newPasswordHash: hash)
            } else {
                _ = try await store.createUser(context, NewUser(username: account.username, displayName: account.displayName, email: email,
                                                                role: account.role, managerID: account.managerID, passwordHash: hash))
            }
        }
        if !planExists { try await loadAppraisals(store, context, plan: plan, folder: folder, accounts: accounts) }
        return Outcome(organization: plan.organization.id, planID: plan.id, planCreated: !planExists, measurementsImported: imported, accounts: accounts)
    }
}

extension DemoData {
    /// The illustrative SMVP, staff and 2021 schede: each scheda evaluated (as if the evaluators had just confirmed
    /// them), except `draftScheda`, left at its start so that its whole workflow can be tried; each demo user linked
    /// to their person (the OIV is no staff).
    static func loadAppraisals(_ store: any PerformaStore, _ context: AccessContext, plan: Plan, folder: URL, accounts: [Account]) async throws {
        let smvp: SMVP, people: [Person], year: AppraisalYear
        do {
            smvp = try SMVPFile.read(contentsOf: folder.appendingPathComponent(smvpFile))
            people = try PeopleCSV.people(fromCSV: String(contentsOf: folder.appendingPathComponent(peopleFile), encoding: .utf8), file: peopleFile)
            year = try AppraisalYearFile.read(contentsOf: folder.appendingPathComponent(appraisalsFile), smvp: smvp, people: people)
        } catch {
            throw DemoError(message: "impossibile leggere la valutazione individuale dimostrativa: \(error)")
        }
        try await store.setSMVP(context, smvp)
        _ = try await store.replacePeople(context, year: year.year, people, organization: plan.organization)
        try await store.setFunds(context, year: year.year, Dictionary(year.funds.map { ($0.profile, $0.cents) }, uniquingKeysWith: { first, _ in first }))
        let evaluated = AppraisalProgress(state: .evaluated, history: [
            AppraisalProgress.Event(action: .evaluate, actor: .evaluator, user: context.user, at: Date()),
        ])
        // The struttura tecnica's own scheda is delivered today: its user can take the person's step (through the
        // API's documented example too).
        var delivered = evaluated
        delivered.state = .delivered
        delivered.deliveredOn = Display.today()
        delivered.history.append(AppraisalProgress.Event(action: .deliver, actor: .evaluator, user: context.user, at: Date()))
        try await store.importAppraisals(context, year: year.year, year.inputs.map { input in
            (input, input.person == draftScheda ? AppraisalProgress.initial : input.person == deliveredScheda ? delivered : evaluated)
        })
        let users = try await store.users(context)
        for account in accounts {
            guard let person = account.person, let user = users.first(where: { $0.username == account.username }) else { continue }
            try await store.linkPerson(context, year: year.year, person: person, userID: user.id)
        }
    }
}

public struct DemoError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
