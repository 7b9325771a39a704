/// The sections of the PIAO in the order of the DM 132/2022 template, which ones an administration must fill
/// (ordinary PIAO, or simplified with fewer than 50 employees, art. 6) and whether a plan fills them.
public enum PIAOSection: String, Hashable, Sendable, CaseIterable {
    case registry, publicValue, performance, risks, organization, agileWork, staffing, training, monitoring

    /// The number the template gives it (`2.3`); the scheda anagrafica is section 1.
    public var number: String {
        switch self {
        case .registry: return "1"
        case .publicValue: return "2.1"
        case .performance: return "2.2"
        case .risks: return "2.3"
        case .organization: return "3.1"
        case .agileWork: return "3.2"
        case .staffing, .training: return "3.3"
        case .monitoring: return "4"
        }
    }

    public var italian: String {
        switch self {
        case .registry: return "Scheda anagrafica dell'amministrazione"
        case .publicValue: return "Valore pubblico"
        case .performance: return "Performance"
        case .risks: return "Rischi corruttivi e trasparenza"
        case .organization: return "Struttura organizzativa"
        case .agileWork: return "Organizzazione del lavoro agile"
        case .staffing: return "Piano triennale dei fabbisogni di personale"
        case .training: return "Formazione del personale"
        case .monitoring: return "Monitoraggio"
        }
    }

    public var heading: String { "\(number) \(italian)" }
}

/// Ordinary PIAO, or the simplified one of administrations with fewer than 50 employees (DM 132/2022 art. 6).
public enum PIAOKind: String, Hashable, Sendable {
    case ordinary, simplified

    /// The employee threshold of art. 6: 50 or more fill the ordinary PIAO.
    public static let simplifiedBelow = 50

    /// Unknown size counts as ordinary: asking for more is the safe mistake.
    public init(employees: Int?) {
        self = (employees.map { $0 < Self.simplifiedBelow } ?? false) ? .simplified : .ordinary
    }

    public var italian: String { self == .ordinary ? "ordinario" : "semplificato (meno di 50 dipendenti)" }

    /// The sections this kind of PIAO must contain. The simplified one (art. 6) keeps the scheda anagrafica,
    /// 2.3 limited to the statutory risk areas, 3.1, 3.2 and the staffing programme of 3.3; it skips 2.1, 2.2,
    /// the training plan and section 4.
    public var dueSections: [PIAOSection] {
        switch self {
        case .ordinary: return PIAOSection.allCases
        case .simplified: return [.registry, .risks, .organization, .agileWork, .staffing]
        }
    }
}

extension PIAOKind {
    public init(_ plan: Plan) { self.init(employees: PIAO.employees(of: plan)) }
}

extension PIAOSection {
    /// Whether `plan` holds what the section needs to be printed: generated sections (2.2, 3.1, 4) need the plan's
    /// own data, the others their PIAO part.
    public func isFilled(in plan: Plan) -> Bool {
        let piao = plan.piao
        switch self {
        case .registry: return piao?.registry != nil
        case .publicValue: return !(piao?.publicValue ?? []).isEmpty
        case .performance: return !plan.areas.isEmpty
        case .risks: return !(piao?.risks?.processes ?? []).isEmpty && !(piao?.risks?.measures ?? []).isEmpty
        case .organization: return !(plan.organization.units ?? []).isEmpty
        case .agileWork: return plan.agileWork != nil
        case .staffing: return piao?.staffing != nil
        case .training: return !(piao?.training ?? []).isEmpty
        case .monitoring: return piao != nil
        }
    }
}
