/// Who is acting, for which organization and with which role. Every tenant-scoped call of the store takes one:
/// the store scopes every query by `organization`, checks `role` before a change and writes `user` into the
/// audit log. The web application builds it from the session; the command-line tool acts as an administrator.
public struct AccessContext: Hashable, Sendable, Codable {
    public var organization: String
    /// User id, or a name for a system actor (`performa-cli`).
    public var user: String
    public var role: Role

    public init(organization: String, user: String, role: Role) {
        self.organization = organization
        self.user = user
        self.role = role
    }

    /// The command-line tool's identity: an administrator of `organization`.
    public static func commandLine(organization: String) -> AccessContext {
        AccessContext(organization: organization, user: "performa-cli", role: .admin)
    }
}

/// The roles of DESIGN.md §7.
public enum Role: String, Codable, Hashable, Sendable, CaseIterable {
    /// Struttura tecnica: edits plans, users, collection campaigns.
    case admin
    /// Dirigente: enters measurements and evidence for the objectives assigned to them; reads the rest.
    case manager
    /// Organismo Indipendente di Valutazione: reads everything, validates, overrides achievements.
    case oiv
    /// Read-only.
    case viewer
    /// Ufficio personale: the staff, the SMVP, the funds and every scheda of individual appraisal.
    case hr
    /// Dipendente: their own scheda (and those of the people they evaluate, if any); reads the plans.
    case employee
    /// Responsabile della prevenzione della corruzione e della trasparenza: keeps the PIAO's 2.3 register and
    /// records the monitoring of its prevention measures.
    case rpct

    public var italian: String {
        switch self {
        case .admin: return "amministratore (struttura tecnica)"
        case .manager: return "dirigente"
        case .oiv: return "OIV"
        case .viewer: return "sola lettura"
        case .hr: return "ufficio personale"
        case .employee: return "dipendente"
        case .rpct: return "RPCT (prevenzione della corruzione e trasparenza)"
        }
    }
}
