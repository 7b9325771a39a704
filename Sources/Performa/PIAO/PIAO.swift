/// The Piano Integrato di Attività e Organizzazione (DL 80/2021 art. 6, DM 30 giugno 2022 n. 132): since 2022 the
/// performance plan is its subsection 2.2. Performa holds the PIAO inside the plan it integrates, so that the
/// sections reuse what the plan already has (objectives, indicators, units, the POLA) instead of copying it:
///
/// - scheda anagrafica → `registry` (and `Plan.organization`);
/// - 2.1 valore pubblico → `publicValue`, linked to the plan's objectives;
/// - 2.2 performance → the plan itself, with `dimensions` flagging the objectives the DM names;
/// - 2.3 rischi corruttivi e trasparenza → `risks`, whose measures are measured like indicators;
/// - 3.1 struttura organizzativa → `Plan.organization.units`; 3.2 lavoro agile → `Plan.agileWork`;
///   3.3 fabbisogni e formazione → `staffing`, `training`;
/// - 4 monitoraggio → generated from what Performa does (`PIAOMonitoring`).
public struct PIAO: Codable, Hashable, Sendable {
    /// The three-year span the PIAO covers (usually the plan's).
    public var span: YearSpan?
    /// Adoption and yearly updates (act kind `adoption`, `revision`), and the filing on the Funzione Pubblica portal.
    public var acts: [ApprovalAct]?
    /// Set for data made up to show the PIAO (the Brescia demo's 2.3 register): the documents say so.
    public var illustrative: Bool?
    public var registry: AdministrationRegistry?
    public var publicValue: [PublicValueObjective]?
    /// Objectives of 2.2 flagged as simplification, digitalisation, accessibility or equal opportunities.
    public var dimensions: [ObjectiveDimensions]?
    public var risks: RiskRegister?
    public var staffing: StaffingPlan?
    public var training: [TrainingAction]?

    public init() {}
}

/// The scheda anagrafica dell'amministrazione: what the PIAO portal asks beside the organization's name.
public struct AdministrationRegistry: Codable, Hashable, Sendable {
    public var fiscalCode: String?
    /// Codice IPA (Indice dei domicili digitali della PA).
    public var ipaCode: String?
    public var address: String?
    public var pec: String?
    public var website: String?
    /// Employees counted for the PIAO's size (fewer than 50 → simplified PIAO, DM 132/2022 art. 6); when absent,
    /// `Organization.staff.total`.
    public var employees: Int?
    /// Legal representative (the President, the Mayor …).
    public var head: String?
    /// Responsabile della prevenzione della corruzione e della trasparenza.
    public var rpct: String?

    public init() {}
}

/// The DM's four PIAO dimensions of 2.2 the objectives are flagged with.
public enum PIAODimension: String, Codable, Hashable, Sendable, CaseIterable {
    case simplification, digitalisation, accessibility, equalOpportunities

    public var italian: String {
        switch self {
        case .simplification: return "semplificazione"
        case .digitalisation: return "digitalizzazione"
        case .accessibility: return "piena accessibilità"
        case .equalOpportunities: return "pari opportunità ed equilibrio di genere"
        }
    }
}

public struct ObjectiveDimensions: Codable, Hashable, Sendable {
    /// Objective key (`3.1.2`, `PB.1`).
    public var objective: String
    public var dimensions: [PIAODimension]
    public init(objective: String, dimensions: [PIAODimension]) {
        self.objective = objective
        self.dimensions = dimensions
    }
}

extension Plan {
    /// The keys the RPCT records for: each prevention measure's own (`MPC.2`) or the objective it is (`3.1.7`).
    public var preventionMonitoringKeys: Set<String> {
        Set((piao?.risks?.measures ?? []).map(\.monitoredKey))
    }
}

extension PIAO {
    /// Employees that decide ordinary or simplified PIAO: the registry's figure, else the organization's staff.
    public static func employees(of plan: Plan) -> Int? {
        plan.piao?.registry?.employees ?? plan.organization.staff?.total
    }
}
