/// A Piano della Performance: one organization's three-year plan with its annual operational part.
/// This is the root of a plan file; everything the Piano prints hangs from here.
public struct Plan: Codable, Hashable, Sendable {
    /// File format marker, `performa-plan/1`.
    public var format: String?
    /// Stable identifier, e.g. `cciaa-brescia-2021-2023`.
    public var id: String
    public var title: String
    /// First and last year of the plan (2021–2023).
    public var span: YearSpan
    /// The year of the operational objectives (2021).
    public var year: Int
    public var status: PlanStatus
    /// Version number: 1 for the adopted plan, then one more for each revision.
    public var version: Int?
    /// OIV validation, Giunta adoption, revisions.
    public var acts: [ApprovalAct]?
    /// Programma di mandato, Relazione previsionale e programmatica, Bilancio preventivo, …
    public var links: [LinkedDocument]?
    public var organization: Organization
    /// Narrative chapters the Piano prints (premessa, mission, indirizzi strategici, …).
    public var sections: [NarrativeSection]?
    /// Budget facts of the presentation chapter (disavanzo, diritto annuale, …).
    public var budgetFacts: [BudgetFact]?
    public var scenario: Scenario?
    public var areas: [StrategicArea]
    /// Objectives of special agencies (Azienda Speciale), which have no strategic parent.
    public var specialAgencyObjectives: [SpecialAgencyObjectives]?
    public var assignments: [Assignment]?
    public var agileWork: AgileWorkPlan?
    /// The organization's scoring rules (Sistema di misurazione e valutazione); defaults when absent.
    public var policy: ScoringPolicy?
    /// The PIAO this plan is subsection 2.2 of (since 2022): its other sections, reusing the plan's data.
    public var piao: PIAO?

    public init(
        id: String, title: String, span: YearSpan, year: Int, status: PlanStatus = .draft,
        organization: Organization, areas: [StrategicArea] = []
    ) {
        self.format = "performa-plan/1"
        self.id = id
        self.title = title
        self.span = span
        self.year = year
        self.status = status
        self.organization = organization
        self.areas = areas
    }
}

public struct YearSpan: Codable, Hashable, Sendable {
    public var from: Int
    public var to: Int
    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
    public var years: ClosedRange<Int> { from...max(from, to) }
}

/// draft → validated (OIV) → adopted (Giunta) → revised (new version).
public enum PlanStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case draft, validated, adopted, revised
    /// The cycle of the plan is over: its Relazione sulla Performance was adopted and then validated by the OIV
    /// (D.Lgs. 150/2009 art. 10 c. 1 lett. b, art. 14 c. 4 lett. c). Nothing of it changes any more.
    case closed

    public var italian: String {
        switch self {
        case .draft: return "bozza"
        case .validated: return "validato dall'OIV"
        case .adopted: return "adottato"
        case .revised: return "revisionato"
        case .closed: return "chiuso (Relazione validata)"
        }
    }
}

/// An act that moved the plan along: OIV validation, Giunta adoption, revision.
public struct ApprovalAct: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case oivValidation, adoption, revision, other
        /// The Relazione sulla Performance of the plan's year, adopted by the political body, then validated by
        /// the OIV: the second closes the plan.
        case reportAdoption, reportValidation

        public var italian: String {
            switch self {
            case .oivValidation: return "Validazione OIV"
            case .adoption: return "Adozione"
            case .revision: return "Revisione"
            case .other: return "Altro atto"
            case .reportAdoption: return "Adozione della Relazione"
            case .reportValidation: return "Validazione OIV della Relazione"
            }
        }
    }
    public var kind: Kind
    /// Who: `OIV`, `Giunta camerale`.
    public var body: String?
    /// Act number as written (`45`, `62/SG`); may be blank in the source (`n.____`).
    public var number: String?
    public var date: Day?
    public var note: String?

    public init(kind: Kind, body: String? = nil, number: String? = nil, date: Day? = nil, note: String? = nil) {
        self.kind = kind
        self.body = body
        self.number = number
        self.date = date
        self.note = note
    }
}

/// A programming document the plan derives from (Programma di mandato, RPP, Bilancio preventivo).
public struct LinkedDocument: Codable, Hashable, Sendable {
    public var title: String
    /// The act that approved it, as written: `delibera del Consiglio n. 11/c del 12 novembre 2020`.
    public var act: String?
    public var date: Day?
    public init(title: String, act: String? = nil, date: Day? = nil) {
        self.title = title
        self.act = act
        self.date = date
    }
}

/// A chapter of running text the Piano prints as it is.
public struct NarrativeSection: Codable, Hashable, Sendable {
    /// Stable key (`premessa`, `mission`, `indirizzi-strategici`, …).
    public var key: String
    public var title: String
    /// Paragraphs separated by blank lines; lines starting with `- ` are list items.
    public var text: String
    public init(key: String, title: String, text: String) {
        self.key = key
        self.title = title
        self.text = text
    }
}

/// A budget fact of the presentation chapter: `disavanzo economico 2021 € 7.487.995`.
public struct BudgetFact: Codable, Hashable, Sendable {
    public var label: String
    public var amount: Amount?
    public var note: String?
    public init(label: String, amount: Amount? = nil, note: String? = nil) {
        self.label = label
        self.amount = amount
        self.note = note
    }
}
