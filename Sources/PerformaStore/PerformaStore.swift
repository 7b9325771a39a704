import Foundation
import Performa

/// Performa's persistence: organizations, users, sessions, plans and their versions, measurements with their
/// history, evidence, OIV overrides and neutralisations, collection campaigns and the audit log.
///
/// Every tenant-scoped call takes an `AccessContext`; the store scopes every query by its organization, checks its
/// role, and writes the change together with its audit entry in one transaction. Updates carry the row version the
/// caller read: a stale one is refused with `StoreError.staleWrite` and changes nothing.
/// `SQLStore` implements it for SQLite and PostgreSQL; open one with `StoreLauncher.withStore`.
public protocol PerformaStore: SignOnStore, Sendable {
    // MARK: Organizations

    /// Creates an organization (a tenant). `actor` names who does it (there is no context before the tenant exists).
    func createOrganization(id: String, name: String, actor: String) async throws -> StoredOrganization
    /// Every organization's id and name: the public directory (login page, command line).
    func organizationDirectory() async throws -> [StoredOrganization]
    func organization(_ context: AccessContext) async throws -> StoredOrganization
    func renameOrganization(_ context: AccessContext, to name: String, expectedRowVersion: Int) async throws -> StoredOrganization

    // MARK: Users and sessions

    func createUser(_ context: AccessContext, _ user: NewUser) async throws -> StoredUser
    func users(_ context: AccessContext) async throws -> [StoredUser]
    func user(_ context: AccessContext, id: String) async throws -> StoredUser
    /// Writes back an edited user; `user.rowVersion` must be the version read. A new password hash is optional.
    /// Administrators change anything; a user may change only their own name, e-mail and password.
    func updateUser(_ context: AccessContext, _ user: StoredUser, newPasswordHash: String?) async throws -> StoredUser
    /// The user and password hash for a login attempt; nil when there is no such active user.
    func credentials(organization: String, username: String) async throws -> UserCredentials?
    /// Opens a session for the context's user; the token is returned once and only its hash is stored.
    func createSession(_ context: AccessContext, expiresAt: Date) async throws -> SessionToken
    /// The live session for a token with its user's record and the organization's data version, read together;
    /// nil when the token is unknown or expired, or its user is no longer active.
    func signedIn(token: String, at now: Date) async throws -> SignedInSession?
    func endSession(token: String) async throws
    /// Ends every session of a user (after a password change, so that a stolen session does not outlive it); returns
    /// how many. An administrator for anyone, a user for themselves.
    func endSessions(_ context: AccessContext, userID: String) async throws -> Int
    /// Removes the organization's sessions expired before `now`; returns how many.
    func purgeExpiredSessions(_ context: AccessContext, before now: Date) async throws -> Int

    // MARK: Plans

    /// Stores a plan file, in one transaction: creates it (and, if allowed, its organization), leaves it alone when
    /// the current version is equal, replaces a draft in place, or — for an adopted plan — adds a revision, which
    /// needs `revision`. The plan's organization must be the context's.
    func importPlan(_ context: AccessContext, _ plan: Plan, revision: PlanRevision?, createOrganization: Bool) async throws -> PlanImportOutcome
    /// Adds version n+1 of an adopted plan; `expectedVersion` must be the current version n.
    func revisePlan(_ context: AccessContext, _ plan: Plan, revision: PlanRevision, expectedVersion: Int) async throws -> PlanVersionInfo
    /// Records the OIV validation or the Giunta adoption of the current draft version (status and act, in place).
    func advancePlan(_ context: AccessContext, planID: String, act: ApprovalAct, expectedRowVersion: Int) async throws -> PlanVersionInfo
    /// The current version of every plan of the organization.
    func plans(_ context: AccessContext) async throws -> [PlanVersionInfo]
    /// A plan at a version (the current one when nil).
    func plan(_ context: AccessContext, id: String, version: Int?) async throws -> StoredPlan
    func planVersions(_ context: AccessContext, planID: String) async throws -> [PlanVersionInfo]
    /// The assignment of objectives to managers in a plan version (the current one when nil).
    func assignments(_ context: AccessContext, planID: String, version: Int?) async throws -> [StoredAssignment]

    // MARK: Measurements

    /// Appends a value to the history of an indicator at a checkpoint, after checking it against the current plan
    /// version. `expectedRevision` is the revision the writer saw as current (0 for none); nil appends after
    /// whatever is current.
    func recordMeasurement(_ context: AccessContext, planID: String, _ entry: MeasurementEntry, expectedRevision: Int?) async throws -> StoredMeasurement
    /// Every value of one indicator at one checkpoint, oldest first; the last is the current one.
    func measurementHistory(_ context: AccessContext, planID: String, indicator: IndicatorKey, at: Day) async throws -> [StoredMeasurement]
    /// The whole history of a plan's measurements, by indicator, checkpoint and revision.
    func measurements(_ context: AccessContext, planID: String) async throws -> [StoredMeasurement]
    /// Everything the scorer needs: measurements (with their history), neutralisations and overrides.
    func results(_ context: AccessContext, planID: String) async throws -> Results
    /// The same with only the current value of each series (its latest revision): what scoring and the documents
    /// use. Its size does not grow with the number of corrections, as the history's does.
    func currentResults(_ context: AccessContext, planID: String) async throws -> Results
    /// Imports a results file checked against the plan (`ResultsFile.read`), in one transaction.
    func importResults(_ context: AccessContext, _ results: Results) async throws -> ResultsImportOutcome

    // MARK: Evidence

    /// Stores a document after checking its size and type (see `EvidencePolicy`).
    func attachEvidence(_ context: AccessContext, planID: String, indicator: IndicatorKey, at: Day, _ upload: EvidenceUpload) async throws -> EvidenceFile
    /// The documents of a plan, of one indicator, or of one indicator at one checkpoint.
    func evidenceFiles(_ context: AccessContext, planID: String, indicator: IndicatorKey?, at: Day?) async throws -> [EvidenceFile]
    func evidenceContent(_ context: AccessContext, id: String) async throws -> (file: EvidenceFile, data: Data)
    func removeEvidence(_ context: AccessContext, id: String) async throws

    // MARK: OIV overrides and neutralisations

    /// Creates (`expectedRowVersion` nil) or replaces the OIV-validated achievement of a subject at a checkpoint, tied
    /// to the values that count now: a later value puts it aside (`StoredOverride.stands`) and it stops counting.
    func setOverride(_ context: AccessContext, planID: String, _ override: AchievementOverride, expectedRowVersion: Int?) async throws -> StoredOverride
    /// Several judgements in one transaction, all or none; each may name the values its judge saw (`OverrideWrite.seen`).
    func setOverrides(_ context: AccessContext, planID: String, _ writes: [OverrideWrite]) async throws -> [StoredOverride]
    /// The values judgements of `subjects` at `at` would be tied to now, with the token a form carries (`OverrideWrite.seen`).
    func judgementValues(_ context: AccessContext, planID: String, subjects: [String], at: Day) async throws -> [String: (values: [JudgedValue], token: String)]
    func removeOverride(_ context: AccessContext, planID: String, subject: String, at: Day, expectedRowVersion: Int) async throws
    /// Every judgement, standing or put aside, each with the values it judged and how they changed since.
    func overrides(_ context: AccessContext, planID: String) async throws -> [StoredOverride]
    /// Creates (`expectedRowVersion` nil) or replaces a neutralisation of an indicator from a checkpoint.
    func setNeutralisation(_ context: AccessContext, planID: String, _ neutralisation: DeclaredNeutralisation, expectedRowVersion: Int?) async throws -> StoredNeutralisation
    func removeNeutralisation(_ context: AccessContext, planID: String, indicator: IndicatorKey, from: Day?, expectedRowVersion: Int) async throws
    func neutralisations(_ context: AccessContext, planID: String) async throws -> [StoredNeutralisation]

    // MARK: Collection campaigns

    /// Every checkpoint of the current plan version with the state of its collection.
    func campaigns(_ context: AccessContext, planID: String) async throws -> [Campaign]
    /// The collections with a schedule, of every plan of the organization (the mail sender's first look).
    func scheduledCampaigns(_ context: AccessContext) async throws -> [Campaign]
    /// The collections with a schedule of each of `organizations`, in a few calls however many they are (the mail
    /// sender's pass over every organization); an organization without any is absent.
    func scheduledCampaigns(organizations: [String]) async throws -> [String: [Campaign]]
    /// Closes or reopens the collection at a checkpoint. Reopening needs a reason.
    /// `expectedRowVersion` is the campaign's row version as read (0 for one never changed).
    func changeCampaign(_ context: AccessContext, planID: String, checkpoint: Day, to state: CampaignState, reason: String?, expectedRowVersion: Int) async throws -> Campaign
    /// Sets the announced opening and planned closing of a collection, and the reminder's notice (admin).
    func scheduleCampaign(_ context: AccessContext, planID: String, checkpoint: Day, _ schedule: CampaignSchedule, expectedRowVersion: Int) async throws -> Campaign

    // MARK: Outbox

    /// Adds messages unless already there (same id); returns how many were added.
    @discardableResult
    func enqueueMail(_ context: AccessContext, _ messages: [OutgoingMail]) async throws -> Int
    /// Which of `organizations` have a message due at `now` (what `claimMail` would lease), in a few calls however
    /// many they are: the mail sender leases only there.
    func organizationsWithMailDue(_ organizations: [String], at now: Date) async throws -> Set<String>
    /// Leases the messages due now to one sender.
    func claimMail(organization: String, worker: String, lease: TimeInterval, limit: Int) async throws -> [QueuedMail]
    /// Marks a claimed message sent, or failed with the time of the next attempt.
    func settleMail(organization: String, id: String, worker: String, _ delivery: MailDelivery) async throws
    /// The newest messages, for the outbox page (admin).
    func outbox(_ context: AccessContext, limit: Int) async throws -> [QueuedMail]

    // MARK: Individual appraisal

    /// Replaces the staff of a year (evaluators resolved from `organization`'s units); all or nothing.
    func replacePeople(_ context: AccessContext, year: Int, _ people: [Person], organization: Organization) async throws -> [StoredPerson]
    /// Links a person of the year's staff to the user they sign in as.
    func linkPerson(_ context: AccessContext, year: Int, person: String, userID: String?) async throws
    /// The people of a year the user may see (`AppraisalAccess`).
    func people(_ context: AccessContext, year: Int) async throws -> [StoredPerson]
    func setSMVP(_ context: AccessContext, _ smvp: SMVP) async throws
    /// The SMVP that applies to a year.
    func smvp(_ context: AccessContext, year: Int) async throws -> SMVP?
    func setFunds(_ context: AccessContext, year: Int, _ cents: [String: Int64]) async throws
    func funds(_ context: AccessContext, year: Int) async throws -> [String: Int64]
    /// The schede of a year the user may see.
    func appraisals(_ context: AccessContext, year: Int) async throws -> [StoredAppraisal]
    func saveAppraisalInput(_ context: AccessContext, year: Int, person: String, _ input: AppraisalInput, expectedRowVersion: Int) async throws -> StoredAppraisal
    func applyAppraisalAction(_ context: AccessContext, year: Int, person: String, _ action: AppraisalAction, today: Day,
                              complete: Bool, missing: [String], expectedRowVersion: Int) async throws -> StoredAppraisal
    /// Loads the schede of a year as given (inputs and workflow state), replacing those it names.
    func importAppraisals(_ context: AccessContext, year: Int, _ schede: [(input: AppraisalInput, progress: AppraisalProgress)]) async throws
    /// Logs a read of a scheda by someone other than its owner.
    func recordAppraisalRead(_ context: AccessContext, year: Int, person: String) async throws

    // MARK: Audit

    /// Audit entries of the organization, newest first.
    func auditLog(_ context: AccessContext, _ query: AuditQuery) async throws -> [AuditEntry]
}

extension PerformaStore {
    /// The live session for a token, or nil when unknown, expired, or its user is no longer active.
    public func session(token: String, at now: Date) async throws -> StoredSession? {
        try await signedIn(token: token, at: now)?.session
    }
}
