/// A person of the organization's staff (*dipendente*), as the HR office keeps them for one year's appraisal.
///
/// The plan's managers are people too: a person whose `id` is a manager id of the plan (`ziletti`) is that
/// manager, and the objectives assigned to them in the plan are theirs.
public struct Person: Codable, Hashable, Sendable {
    public var id: String
    /// Surname and name as the HR office writes them (`Rossi Mario`).
    public var name: String
    /// Codice fiscale; optional, and checked (`FiscalCode`) when given.
    public var fiscalCode: String?
    public var category: PersonCategory
    /// Area of the CCNL 2019-21 (comparto and EQ); nil for managers.
    public var area: StaffArea?
    /// The organizational unit (`OrgUnit.id`) the person works in, or the special agency's id.
    public var unit: String
    /// Who evaluates the person when it is not the head of their unit (a person id, or an organ such as `giunta`).
    public var evaluator: String?
    /// Share of a full-time post: 1 for full time, 0,5 for half time.
    public var partTime: Double
    /// First day of service in the year, when it starts after 1 January.
    public var serviceFrom: Day?
    /// Last day of service in the year, when it ends before 31 December.
    public var serviceTo: Day?
    /// Free note of the HR office (fixed-term contract, secondment, …).
    public var note: String?

    public init(id: String, name: String, fiscalCode: String? = nil, category: PersonCategory, area: StaffArea? = nil, unit: String,
                evaluator: String? = nil, partTime: Double = 1, serviceFrom: Day? = nil, serviceTo: Day? = nil, note: String? = nil) {
        self.id = id
        self.name = name
        self.fiscalCode = fiscalCode
        self.category = category
        self.area = area
        self.unit = unit
        self.evaluator = evaluator
        self.partTime = partTime
        self.serviceFrom = serviceFrom
        self.serviceTo = serviceTo
        self.note = note
    }

    /// The 1999 category (A–D) the person's area corresponds to.
    public var legacyCategory: LegacyCategory? { area?.legacyCategory }

    /// Months of service in `year` (see `ServiceMonths`).
    public func serviceMonths(in year: Int) -> Int {
        ServiceMonths.count(from: serviceFrom, to: serviceTo, year: year)
    }

    /// What is wrong with the person's own fields, in Italian, field by field (the people import and any form use it).
    public var problems: [(field: String, message: String)] {
        var found: [(String, String)] = []
        if id.trimmingCharacters(in: .whitespaces).isEmpty { found.append(("id", "identificativo mancante")) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { found.append(("name", "nome mancante")) }
        if let fiscalCode, let problem = FiscalCode.problem(fiscalCode) { found.append(("fiscalCode", problem)) }
        if !(partTime > 0 && partTime <= 1) {
            found.append(("partTime", "quota di part-time fuori scala «\(ItalianNumber.percent(partTime))»: attesa oltre 0% e fino a 100%"))
        }
        if (category == .comparto || category == .elevataQualificazione) && area == nil {
            found.append(("area", "area o categoria mancante per il personale del comparto"))
        }
        if category.isManagerial && area != nil { found.append(("area", "i dirigenti non hanno area o categoria del comparto")) }
        if category == .elevataQualificazione && area != nil && area != .funzionari {
            found.append(("area", "l'Elevata Qualificazione è un incarico dell'Area dei Funzionari"))
        }
        if let from = serviceFrom, let to = serviceTo, to < from {
            found.append(("serviceTo", "la fine del servizio (\(to.italian)) precede l'inizio (\(from.italian))"))
        }
        return found
    }
}
