import Performa
import PerformaReports
import PerformaStore

/// What every page shows around its content: header with organization and user, the navigation of the plan,
/// breadcrumbs, notices, and the CSRF token that every form of the page carries.
struct PageChrome: Sendable {
    struct Link: Sendable {
        var label: String
        var href: String
        var current: Bool = false
    }

    struct PlanHeading: Sendable {
        var title: String
        var status: String
        var version: String
        var href: String
    }

    struct UserHeading: Sendable {
        var name: String
        var role: String
        /// Links to the office's pages outside any plan that the role reaches (users, audit log), as HTML: a cached
        /// page puts them in its slot for each user (`PersonalisablePage`).
        var linksHTML: String
    }

    /// The header's line for a signed-in user: name and role in Italian, and the office's pages of the role.
    static func heading(_ user: SignedInUser) -> UserHeading {
        var links: [Link] = []
        if user.role.may(.editPlan) { links.append(Link(label: "Carica", href: UploadPage.path)) }
        if user.role.may(.manageUsers) { links.append(Link(label: "Utenti", href: UsersPage.path)) }
        if user.role.may(.readAuditLog) { links.append(Link(label: "Registro", href: AuditLogPage.path)) }
        if user.role.may(.manageUsers) { links.append(Link(label: "Posta", href: OutboxPage.path)) }
        let html = links.map { "<a href=\"\(XMLText.escape($0.href))\" class=\"text-white ms-2\">\(XMLText.escape($0.label))</a>" }.joined()
        return UserHeading(name: user.user.displayName, role: user.role.italian, linksHTML: html)
    }

    var title: String
    var organization: String
    var plan: PlanHeading?
    var user: UserHeading?
    var csrf: String
    var navigation: [Link]
    /// What the navigation bar is, for screen readers.
    var navigationLabel = "Sezioni del piano"
    var breadcrumbs: [Link]
    var notices: [Notice]
    var sprites = UIAssets.sprites
    // Stored, not computed: Mustache sees only stored properties.
    var hasNavigation = false
    var hasBreadcrumbs = false

    /// The sections of a plan, in the order of the navigation bar.
    enum Section: CaseIterable, Sendable {
        case dashboard, tree, measurements, managers, validation, agileWork, piao, diagnostics, documents, plan

        var label: String {
            switch self {
            case .dashboard: return "Cruscotto"
            case .tree: return "Albero"
            case .measurements: return "Rilevazioni"
            case .managers: return "Dirigenti"
            case .validation: return "Validazione OIV"
            case .agileWork: return "POLA"
            case .piao: return "PIAO"
            case .diagnostics: return "Diagnostica"
            case .documents: return "Documenti"
            case .plan: return "Piano"
            }
        }

        func href(_ plan: String) -> String {
            switch self {
            case .dashboard: return Paths.dashboard(plan)
            case .tree: return Paths.tree(plan)
            case .measurements: return Paths.measurements(plan)
            case .managers: return Paths.managers(plan)
            case .validation: return Paths.validation(plan)
            case .agileWork: return Paths.agileWork(plan)
            case .piao: return Paths.piao(plan)
            case .diagnostics: return Paths.diagnostics(plan)
            case .documents: return Paths.documents(plan)
            case .plan: return Paths.planOverview(plan)
            }
        }
    }

    /// The chrome of a page about one plan.
    init(title: String, section: Section?, plan: StoredPlan, context: WebRequestContext, breadcrumbs: [Link] = [], notices: [Notice] = []) {
        let id = plan.info.planID
        self.title = title
        organization = plan.plan.organization.name
        self.plan = PlanHeading(title: plan.plan.title, status: plan.info.status.italian, version: String(plan.info.version), href: Paths.dashboard(id))
        user = context.identity.map(Self.heading)
        csrf = context.csrfToken
        navigation = Section.allCases.map { Link(label: $0.label, href: $0.href(id), current: $0 == section) }
        self.breadcrumbs = section == .dashboard ? [] : [Link(label: "Cruscotto", href: Paths.dashboard(id))] + breadcrumbs
        self.notices = notices
        hasNavigation = true
        hasBreadcrumbs = !self.breadcrumbs.isEmpty
    }

    /// The sections of the individual appraisal of a year, in the order of the navigation bar; each page shows the
    /// ones the user's role and relations reach (`AppraisalAccessView.sections`).
    enum AppraisalSection: CaseIterable, Sendable {
        case mine, staff, campaign, bonus, differentiation

        var label: String {
            switch self {
            case .mine: return "La mia valutazione"
            case .staff: return "Il mio personale"
            case .campaign: return "Campagna di valutazione"
            case .bonus: return "Premi"
            case .differentiation: return "Differenziazione"
            }
        }

        var path: String {
            switch self {
            case .mine: return Paths.myAppraisal
            case .staff: return Paths.staff
            case .campaign: return Paths.appraisalCampaign
            case .bonus: return Paths.bonus
            case .differentiation: return Paths.differentiation
            }
        }
    }

    /// The chrome of a page of the individual appraisal of `year`.
    init(title: String, organization: String, appraisal section: AppraisalSection?, sections: [AppraisalSection], year: Int,
         context: WebRequestContext, breadcrumbs: [Link] = [], notices: [Notice] = []) {
        self.title = title
        self.organization = organization
        plan = nil
        user = context.identity.map(Self.heading)
        csrf = context.csrfToken
        navigation = sections.map { Link(label: $0.label, href: Paths.year($0.path, year), current: $0 == section) }
        navigationLabel = "Valutazione individuale"
        self.breadcrumbs = breadcrumbs
        self.notices = notices
        hasNavigation = !navigation.isEmpty
        hasBreadcrumbs = !breadcrumbs.isEmpty
    }

    /// The chrome of a page outside any plan (login, plan list, errors).
    init(title: String, organization: String, context: WebRequestContext, notices: [Notice] = []) {
        self.title = title
        self.organization = organization
        plan = nil
        user = context.identity.map(Self.heading)
        csrf = context.csrfToken
        navigation = []
        breadcrumbs = []
        self.notices = notices
    }
}

/// A message at the top of a page (Bootstrap Italia alert).
struct Notice: Sendable {
    enum Kind: String, Sendable { case success, info, warning, danger }
    var text: String
    var css: String

    init(kind: Kind, text: String) {
        self.text = text
        css = "alert alert-\(kind.rawValue)"
    }

    static func success(_ text: String) -> Notice { Notice(kind: .success, text: text) }
    static func info(_ text: String) -> Notice { Notice(kind: .info, text: text) }
    static func warning(_ text: String) -> Notice { Notice(kind: .warning, text: text) }
    static func danger(_ text: String) -> Notice { Notice(kind: .danger, text: text) }
}
