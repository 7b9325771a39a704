import Foundation
import Hummingbird
import Performa
import PerformaStore
import Synchronization

/// One organization's appraisal year as the pages need it: the SMVP, the staff, what was entered in each scheda and
/// where its workflow stands, the plan's scorecard at 31/12 (the organizational components), every scheda computed,
/// the bonus per profile and the differentiation report. Read once per data version (`VersionedCache`), so a
/// changed measurement or an OIV correction reaches every scheda on the next request.
///
/// It holds every scheda of the year: the pages show each user only what `AppraisalAccess` lets them see (the same
/// rule the store applies), and log a read of someone else's scheda.
final class AppraisalSnapshot: Sendable {
    let year: Int
    let smvp: SMVP
    let staff: [StoredPerson]
    let records: [String: StoredAppraisal]
    let funds: [String: Int64]
    let context: AppraisalContext
    let schede: [String: Appraisal]
    let organizationName: String
    let cap: Double
    /// Scheda pages already rendered from this snapshot, with slots for the user's name and CSRF token
    /// (`PersonalisablePage`): what one user sees of one scheda on one day depends on nothing else.
    private let pages = Mutex<[PageKey: PersonalisablePage]>([:])
    private let staffIDs: Set<String>
    /// The staff's person linked to each user (the first, as `AppraisalAccess.Viewer` takes it).
    private let personByUser: [String: String]

    struct PageKey: Hashable, Sendable {
        let user: String
        let person: String
        let today: Day
    }

    /// At most this many pages per snapshot (a snapshot lives until the next change of the organization's data).
    static let pageLimit = 512

    /// The store's reading identity for the whole year: the HR office's, the one role that sees every scheda.
    static func reader(_ organization: String) -> AccessContext {
        AccessContext(organization: organization, user: "performa-server", role: .hr)
    }

    init(year: Int, smvp: SMVP, staff: [StoredPerson], records: [StoredAppraisal], funds: [String: Int64], plan: PlanSnapshot) {
        self.year = year
        self.smvp = smvp
        self.staff = staff
        self.records = Dictionary(records.map { ($0.person, $0) }, uniquingKeysWith: { first, _ in first })
        self.funds = funds
        staffIDs = Set(staff.map(\.person.id))
        personByUser = Dictionary(staff.compactMap { member in member.userID.map { ($0, member.person.id) } }, uniquingKeysWith: { first, _ in first })
        let scorecard = plan.scorecard(at: .yearEnd(year))
        context = AppraisalContext(smvp: smvp, organization: plan.plan.organization, scorecard: scorecard, year: year,
                                   people: staff.map(\.person), inputs: records.map(\.input))
        schede = Dictionary(AppraisalScoring.appraiseAll(context).map { ($0.person, $0) }, uniquingKeysWith: { first, _ in first })
        organizationName = plan.plan.organization.name
        cap = scorecard.policy.cap
    }

    /// The page kept for `key`, if any.
    func page(_ key: PageKey) -> PersonalisablePage? { pages.withLock { $0[key] } }

    /// Keeps `page` for `key`, unless the snapshot already holds as many pages as it may.
    func keep(_ page: PersonalisablePage, for key: PageKey) {
        pages.withLock { pages in
            if pages.count < Self.pageLimit { pages[key] = page }
        }
    }

    /// Reads the year from the store, with the plan it follows (`staffPlan`).
    /// Nil when the year has no SMVP or no staff.
    static func read(_ app: WebApp, _ user: SignedInUser, year: Int) async throws -> AppraisalSnapshot? {
        let reader = reader(user.organization)
        guard let smvp = try await app.store.smvp(reader, year: year) else { return nil }
        let staff = try await app.store.people(reader, year: year)
        guard !staff.isEmpty else { return nil }
        guard let info = try await app.store.staffPlan(reader, year: year) else { return nil }
        let plan = try await app.snapshot(user, planID: info.planID)
        return AppraisalSnapshot(year: year, smvp: smvp, staff: staff, records: try await app.store.appraisals(reader, year: year),
                                 funds: try await app.store.funds(reader, year: year), plan: plan)
    }

    /// A year of appraisal as a request gives it (`?anno=`, the API's `year`, a form's `anno`): 1990–2100, else a 400.
    static func year(_ text: String?) throws -> Int {
        guard let text, let year = Int(text), (1990...2100).contains(year) else {
            throw HTTPError(.badRequest, message: "Anno non valido: «\((text ?? "").prefix(40))»; indicare l'anno di valutazione (es. 2021).")
        }
        return year
    }

    func member(_ id: String) -> StoredPerson? { staff.first { $0.person.id == id } }

    func record(_ person: String) -> StoredAppraisal {
        records[person] ?? .empty(year: year, person: person)
    }

    func rules(for person: Person) -> AppraisalWorkflowRules {
        AppraisalWorkflowRules(smvp: smvp, profile: smvp.profile(for: person.category))
    }

    /// A person's or an organ's name (`giunta` → `Giunta`).
    func name(_ id: String?) -> String? {
        guard let id else { return nil }
        return member(id)?.person.name ?? id.prefix(1).uppercased() + id.dropFirst()
    }

    /// The user as `AppraisalAccess` sees them in this year's staff (the store uses the same), from the staff's ids
    /// and links worked out once per snapshot rather than on every request.
    func viewer(_ user: SignedInUser) -> AppraisalAccess.Viewer {
        AppraisalAccess.Viewer(role: user.role, userID: user.user.id, managerID: user.user.managerID, person: personByUser[user.user.id],
                               staffIDs: staffIDs)
    }

    /// The person the user is in this year's staff: linked to their user, or the plan manager they are.
    func person(of user: SignedInUser) -> StoredPerson? {
        viewer(user).me.flatMap(member)
    }

    /// The capacities in which the user acts on a person's scheda (none: they may not see it).
    func actors(_ user: SignedInUser, on member: StoredPerson) -> Set<AppraisalActor> {
        viewer(user).actors(on: member)
    }

    /// What is missing for a scheda to be evaluated, in Italian.
    func missing(_ appraisal: Appraisal) -> [String] {
        appraisal.components.filter { $0.score.final == nil && $0.score.status != .notApplicable }.map { $0.title.lowercased() }
    }

    /// The bonus of each profile with a fund.
    var bonus: [BonusDistribution] {
        AppraisalBonus.distributions(schede: staff.compactMap { schede[$0.person.id] }, context: context, funds: { self.funds[$0] })
    }

    var differentiation: DifferentiationReport {
        DifferentiationReport(appraisals: staff.compactMap { schede[$0.person.id] }, smvp: smvp, year: year,
                              evaluatorNames: Dictionary(staff.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The person's scheda when the user may see it, else 403 (the same for a person who is not there: nothing is
    /// revealed); a read by someone other than the owner is logged. For the pages and the API alike.
    static func visible(_ app: WebApp, _ user: SignedInUser, year: Int, person: String, logRead: Bool = true) async throws -> (AppraisalSnapshot, StoredPerson) {
        guard let snapshot = try await app.appraisalYear(user, year: year), let member = snapshot.member(person),
              !snapshot.actors(user, on: member).isEmpty else {
            throw HTTPError(.forbidden, message: "Scheda non consentita: puoi vedere la tua e quelle delle persone che valuti.")
        }
        if logRead && snapshot.person(of: user)?.person.id != person {
            try await app.store.recordAppraisalRead(user.context, year: year, person: person)
        }
        return (snapshot, member)
    }

    /// Takes a step of a person's scheda as the user, with whether the computed scheda is complete.
    /// Whoever has the next step hears of it by e-mail.
    func apply(_ app: WebApp, _ user: SignedInUser, _ action: AppraisalAction, to member: StoredPerson, today: Day,
               expectedRowVersion: Int) async throws -> StoredAppraisal {
        let appraisal = schede[member.person.id]
        let stored = try await app.store.applyAppraisalAction(user.context, year: year, person: member.person.id, action, today: today,
                                                              complete: appraisal?.final.status == .complete, missing: appraisal.map(missing) ?? [],
                                                              expectedRowVersion: expectedRowVersion)
        await app.notifier.appraisalStep(user, year: year, member: member, evaluator: member.evaluator.flatMap(self.member), stored: stored)
        return stored
    }
}
