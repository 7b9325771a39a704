/// The ente: a tenant of Performa, with its organs, structure, people, sites and participations.
public struct Organization: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var shortName: String?
    /// Legal basis and nature (`Ente autonomo di diritto pubblico, L. 580/1993`).
    public var legalNature: String?
    public var organs: [Organ]?
    public var units: [OrgUnit]?
    public var managers: [Manager]
    public var specialAgencies: [SpecialAgency]?
    public var sites: [Site]?
    public var staff: StaffFigures?
    public var participations: [ParticipationSector]?

    public init(id: String, name: String, managers: [Manager] = []) {
        self.id = id
        self.name = name
        self.managers = managers
    }
}

/// Consiglio, Giunta, Presidente, Collegio dei Revisori, OIV.
public struct Organ: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var description: String?
    /// How many members the organ has by law or statute (may differ from the list printed).
    public var size: Int?
    public var members: [OrganMember]?
    public var note: String?
    public init(id: String, name: String, description: String? = nil, members: [OrganMember]? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.members = members
    }
}

public struct OrganMember: Codable, Hashable, Sendable {
    public var name: String
    /// Role inside the organ (`Presidente`, `Vicepresidente`).
    public var role: String?
    /// Sector represented (`Artigianato`, `Industria`).
    public var sector: String?
    public var note: String?
    public init(name: String, role: String? = nil, sector: String? = nil, note: String? = nil) {
        self.name = name
        self.role = role
        self.sector = sector
        self.note = note
    }
}

/// Area dirigenziale, Servizio, Ufficio or Staff.
public struct OrgUnit: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case secretariat, area, service, office, staff

        public var italian: String {
            switch self {
            case .secretariat: return "Segreteria generale"
            case .area: return "Area dirigenziale"
            case .service: return "Servizio"
            case .office: return "Ufficio"
            case .staff: return "Staff"
            }
        }
    }
    public var id: String
    public var name: String
    public var kind: Kind
    public var parent: String?
    /// Manager id of the head.
    public var head: String?
    public init(id: String, name: String, kind: Kind, parent: String? = nil, head: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.head = head
    }
}

/// A dirigente: Segretario Generale, Conservatore, dirigente d'area, direttore dell'azienda speciale.
public struct Manager: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    /// Honorific as printed (`dr`, `dr.ssa`, `sig.`).
    public var honorific: String?
    /// Roles as the assignment table prints them.
    public var roles: [String]
    public var units: [String]?
    public var agency: String?
    public init(id: String, name: String, honorific: String? = nil, roles: [String], units: [String]? = nil, agency: String? = nil) {
        self.id = id
        self.name = name
        self.honorific = honorific
        self.roles = roles
        self.units = units
        self.agency = agency
    }
}

/// Azienda Speciale (Pro Brixia): has its own objectives and director.
public struct SpecialAgency: Codable, Hashable, Sendable {
    public var id: String
    /// Prefix of its objectives' keys (`PB` → objective `PB.1`).
    public var code: String
    public var name: String
    public var description: String?
    /// Manager id of the director.
    public var director: String?
    public init(id: String, code: String, name: String, description: String? = nil, director: String? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.description = description
        self.director = director
    }
}

public struct Site: Codable, Hashable, Sendable {
    public var name: String
    /// `sede principale`, `sede decentrata`, `sportello`, `sede legale`, `sede operativa`.
    public var kind: String?
    public var address: String?
    public var phones: [String]?
    public var emails: [String]?
    public var website: String?
    public var openingHours: [String]?
    public var note: String?
    /// Agency id when the site belongs to a special agency.
    public var agency: String?
    public init(name: String, kind: String? = nil, address: String? = nil) {
        self.name = name
        self.kind = kind
        self.address = address
    }
}

/// Staff figures of the Risorse umane section.
public struct StaffFigures: Codable, Hashable, Sendable {
    public var asOf: Day
    public var total: Int
    public var byCategory: [StaffCategory]
    public var permanent: Int?
    public var fixedTerm: Int?
    public var partTime: Int?
    public var note: String?
    public init(asOf: Day, total: Int, byCategory: [StaffCategory]) {
        self.asOf = asOf
        self.total = total
        self.byCategory = byCategory
    }
}

public struct StaffCategory: Codable, Hashable, Sendable {
    public var category: String
    public var count: Int
    public init(category: String, count: Int) {
        self.category = category
        self.count = count
    }
}

/// A column of the participations table: a sector and the companies held in it.
public struct ParticipationSector: Codable, Hashable, Sendable {
    public var sector: String
    public var companies: [Participation]
    public init(sector: String, companies: [Participation]) {
        self.sector = sector
        self.companies = companies
    }
}

public struct Participation: Codable, Hashable, Sendable {
    public var name: String
    /// Share as printed (`84,63%`, `86,27`).
    public var share: String
    public init(name: String, share: String) {
        self.name = name
        self.share = share
    }
    /// Share as a percentage value, when readable.
    public var sharePercent: Double? {
        ItalianNumber.parse(share.replacingOccurrences(of: "%", with: ""))
    }
}
