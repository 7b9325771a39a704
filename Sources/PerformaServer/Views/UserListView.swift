/// *Utenti* (struttura tecnica): every user of the organization with role, link to the plan's manager, last login
/// and state, and the way to a new one.
struct UserListView: Sendable {
    struct Row: Sendable {
        var username: String
        var name: String
        var href: String
        var role: String
        var link: String
        var lastLogin: String
        var active: Bool
        var demo: Bool
    }

    var page: PageChrome
    var rows: [Row]
    var newHref: String
}

/// The form of one user (new or existing) for the struttura tecnica, and the temporary password shown once after a
/// creation or a reset.
struct UserFormView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var page: PageChrome
    var heading: String
    var action: String
    var isNew: Bool
    var username: String
    var name: String
    var email: String
    /// For single sign-on by fiscal code (SPID/CIE through a broker).
    var fiscalCode: String
    var roles: [Option]
    var managers: [Option]
    var active: Bool
    var version: String
    var resetAction: String?
    /// Shown once: after a creation or a reset, never stored in clear.
    var temporaryPassword: String?
    var errorSummary: FormErrorSummary?
    var listHref: String
}
