/// Subsection 2.3 *Rischi corruttivi e trasparenza*, as the RPCT keeps it: the processes mapped per risk area and
/// unit, the risk events of each with their assessment, the prevention measures, and the transparency obligations.
public struct RiskRegister: Codable, Hashable, Sendable {
    /// How risk is rated; `qualitative` (PNA 2019, Allegato 1) when absent.
    public var method: RiskMethod?
    /// Context analysis, the RPCT's report of the year, anything the section prints as running text.
    public var sections: [NarrativeSection]?
    public var processes: [RiskProcess]
    public var measures: [PreventionMeasure]
    public var transparency: [TransparencyObligation]?

    public init(processes: [RiskProcess] = [], measures: [PreventionMeasure] = []) {
        self.processes = processes
        self.measures = measures
    }

    public var ratingMethod: RiskMethod { method ?? .qualitative }
}

/// The risk areas of L. 190/2012 art. 1 c. 16, the general ones of the PNA, and those the administration adds.
/// The first four plus the RPCT's own choice are all a simplified PIAO maps (DM 132/2022 art. 6).
public enum RiskArea: String, Codable, Hashable, Sendable, CaseIterable {
    case authorisations, contracts, grants, recruitment
    case assets, inspections, appointments, legalAffairs
    case other

    public var italian: String {
        switch self {
        case .authorisations: return "Autorizzazioni e concessioni"
        case .contracts: return "Contratti pubblici"
        case .grants: return "Sovvenzioni, contributi e vantaggi economici"
        case .recruitment: return "Acquisizione e gestione del personale"
        case .assets: return "Gestione delle entrate, delle spese e del patrimonio"
        case .inspections: return "Controlli, verifiche, ispezioni e sanzioni"
        case .appointments: return "Incarichi e nomine"
        case .legalAffairs: return "Affari legali e contenzioso"
        case .other: return "Altri processi individuati dall'amministrazione"
        }
    }

    /// The areas every administration maps, also with a simplified PIAO (L. 190/2012 art. 1 c. 16).
    public var isStatutory: Bool { [.authorisations, .contracts, .grants, .recruitment].contains(self) }
}

/// A mapped process (*processo*): what the office does, where the risk lives.
public struct RiskProcess: Codable, Hashable, Sendable {
    /// `P01`, …
    public var code: String
    public var title: String
    public var area: RiskArea
    /// Unit id of `Organization.units` that runs it.
    public var unit: String?
    public var description: String?
    public var events: [RiskEvent]

    public init(code: String, title: String, area: RiskArea, unit: String? = nil, events: [RiskEvent] = []) {
        self.code = code
        self.title = title
        self.area = area
        self.unit = unit
        self.events = events
    }
}

/// A risk event (*evento rischioso*) of a process, with its causes and its assessment.
public struct RiskEvent: Codable, Hashable, Sendable {
    /// `P01.R1`, unique in the register; measures name it.
    public var code: String
    public var description: String
    /// Causes (*fattori abilitanti*): lack of controls, excess of discretion, …
    public var factors: [String]?
    public var assessment: RiskAssessment?

    public init(code: String, description: String, assessment: RiskAssessment? = nil) {
        self.code = code
        self.description = description
        self.assessment = assessment
    }
}
