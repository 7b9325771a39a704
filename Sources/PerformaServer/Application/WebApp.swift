import Hummingbird
import Logging
import PerformaStore

/// What the page and API handlers share: the store, the templates, the configuration and the security helpers.
struct WebApp: Sendable {
    let store: any PerformaStore
    let pages: PageRenderer
    let configuration: ServerConfiguration
    let hasher: PasswordHasher
    let throttle: LoginThrottle
    /// Shown on the login page in demo mode.
    let demoAccounts: [DemoData.Account]
    /// Puts notices of what happened into the outbox.
    let notifier: Notifier
    /// Plans with their results and scorecards, reused while the organization's data version is unchanged.
    let snapshots = VersionedCache<PlanSnapshot>()
    /// Appraisal years (`AppraisalSnapshot`), by the same rule.
    let appraisalYears = VersionedCache<AppraisalSnapshot?>(capacity: 16)

    /// The application's shared parts, made from the configuration.
    init(store: any PerformaStore, pages: PageRenderer, configuration: ServerConfiguration, demoAccounts: [DemoData.Account], logger: Logger) {
        self.store = store
        self.pages = pages
        self.configuration = configuration
        hasher = PasswordHasher(cost: configuration.passwordCost)
        throttle = LoginThrottle(limit: configuration.loginAttempts, window: configuration.loginWindow)
        self.demoAccounts = demoAccounts
        notifier = Notifier(store: store, notices: MailNotices(pages: pages, baseURL: configuration.baseURL), logger: logger)
    }

    /// The plan as the request's user sees it now (from the cache while nothing of the organization changed).
    func snapshot(_ user: SignedInUser, planID: String) async throws -> PlanSnapshot {
        let store = store
        return try await snapshots.load(user, id: planID) { previous in
            try await PlanSnapshot.read(store, user, planID: planID, previous: previous)
        }
    }

    /// The appraisal year as of the request's data version; nil when the year has no SMVP or no staff.
    func appraisalYear(_ user: SignedInUser, year: Int) async throws -> AppraisalSnapshot? {
        let app = self
        return try await appraisalYears.load(user, id: String(year)) { _ in try await AppraisalSnapshot.read(app, user, year: year) }
    }
}

/// Thrown by a handler that needs a signed-in user when there is none: pages redirect to the login form,
/// the API answers 401.
struct SignInRequired: Error {}

extension WebRequestContext {
    /// The signed-in user, or `SignInRequired`.
    func requireUser() throws -> SignedInUser {
        guard let identity else { throw SignInRequired() }
        return identity
    }

    /// The signed-in user when their role may do `capability`; otherwise 403 with the reason in Italian.
    func requireUser(_ capability: Capability) throws -> SignedInUser {
        let user = try requireUser()
        guard user.role.may(capability) else {
            throw HTTPError(.forbidden, message: "Operazione non consentita al ruolo «\(user.role.italian)».")
        }
        return user
    }
}
