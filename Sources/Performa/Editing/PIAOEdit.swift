/// The changes the offices make to the PIAO from the web forms (the RPCT to 2.3, the HR office to section 3, the
/// struttura tecnica to the rest), as pure functions from one plan to the next, like `PlanEdit`: each returns the changed plan or throws an
/// `EditError` naming the field at fault.
public enum PIAOEdit {
    /// What the measure form changes.
    public struct MeasureFields: Sendable {
        public var title: String
        public var kind: PreventionMeasure.Kind
        public var type: String?
        public var risks: [String]
        public var owner: String?
        public var unit: String?
        public var timing: String?
        public var description: String?

        public init(title: String, kind: PreventionMeasure.Kind, type: String? = nil, risks: [String] = [], owner: String? = nil,
                    unit: String? = nil, timing: String? = nil, description: String? = nil) {
            self.title = title
            self.kind = kind
            self.type = type
            self.risks = risks
            self.owner = owner
            self.unit = unit
            self.timing = timing
            self.description = description
        }
    }

    /// Changes measure `code`, or adds measure `newCode` when `code` is nil. A measure with its own monitoring gets
    /// `indicator` as its first indicator; a measure that is an objective of the plan keeps that objective's.
    public static func setMeasure(_ plan: Plan, code: String?, newCode: String, _ fields: MeasureFields,
                                  indicator: PlanEdit.IndicatorFields?) throws(EditError) -> Plan {
        guard var register = plan.piao?.risks else {
            throw EditError(field: nil, message: "Il piano non ha la sottosezione 2.3 del PIAO: caricarne il registro dal file del piano.")
        }
        try requireCode(newCode, "codice", example: String(register.measures.count + 1))
        try PlanEdit.require(!fields.title.isEmpty, "titolo", "Indicare la misura.")
        try PlanEdit.limit(fields.title, .title, "titolo", "Misura")
        try PlanEdit.limit(fields.type, .title, "tipologia", "Tipologia")
        try PlanEdit.limit(fields.timing, .title, "tempi", "Tempi di attuazione")
        try PlanEdit.limit(fields.description, .note, "descrizione", "Descrizione")
        let events = Set(register.processes.flatMap(\.events).map(\.code))
        if let unknown = fields.risks.first(where: { !events.contains($0) }) {
            throw EditError(field: "rischi", message: "L'evento rischioso «\(unknown)» non è nel registro (codici come \(events.sorted().first ?? "P01.R1")).")
        }
        if let owner = fields.owner, !plan.organization.managers.contains(where: { $0.id == owner }) {
            throw EditError(field: "responsabile", message: "Il responsabile «\(owner)» non è un dirigente dell'ente.")
        }
        try requireUnit(plan, fields.unit, "unita")
        var measure: PreventionMeasure
        let index: Int?
        if let code {
            guard let i = register.measures.firstIndex(where: { $0.code == code }) else { throw EditError(field: nil, message: "La misura «\(code)» non esiste.") }
            try PlanEdit.require(newCode == code, "codice", "Il codice di una misura non cambia: i suoi valori vi sono collegati.")
            measure = register.measures[i]
            index = i
        } else {
            try PlanEdit.require(!register.measures.contains { $0.code == newCode }, "codice", "Esiste già la misura «\(newCode)».")
            measure = PreventionMeasure(code: newCode, title: fields.title, kind: fields.kind)
            index = nil
        }
        measure.title = fields.title
        measure.kind = fields.kind
        measure.type = fields.type
        measure.risks = fields.risks.isEmpty ? nil : fields.risks
        measure.owner = fields.owner
        measure.unit = fields.unit
        measure.timing = fields.timing
        measure.description = fields.description
        if let i = index { register.measures[i] = measure } else { register.measures.append(measure) }
        let plan = withPIAO(plan) { $0.risks = register }
        guard measure.objective == nil, let indicator else { return plan }
        let first = measure.indicators?.first?.number
        if first == nil {
            // A new measure's first indicator: the whole weight of its monitoring.
            var fields = indicator
            fields.weight = fields.weight ?? 100
            return try PlanEdit.setIndicator(plan, objective: measure.key, number: nil, fields)
        }
        return try PlanEdit.setIndicator(plan, objective: measure.key, number: first, indicator)
    }

    /// One row of the staffing form: departures and hires of one category in one year.
    public struct StaffingRow: Sendable {
        public var year: Int
        public var category: String
        public var departures: Int
        public var hires: Int
        public var channel: String?
        public init(year: Int, category: String, departures: Int, hires: Int, channel: String? = nil) {
            self.year = year
            self.category = category
            self.departures = departures
            self.hires = hires
            self.channel = channel
        }
    }

    /// Replaces the staffing plan's departures, hires and spending capacity, keeping its starting staff and note.
    public static func setStaffing(_ plan: Plan, rows: [StaffingRow], capacity: [YearAmount]) throws(EditError) -> Plan {
        let span = plan.piao?.span ?? plan.span
        for (n, row) in rows.enumerated() {
            try PlanEdit.require(span.years.contains(row.year), "anno-\(n)", "Riga \(n + 1): l'anno \(row.year) è fuori dal periodo \(span.from)-\(span.to).")
            try PlanEdit.require(!row.category.isEmpty, "categoria-\(n)", "Riga \(n + 1): indicare la categoria.")
            try PlanEdit.require(row.departures >= 0 && row.hires >= 0 && row.departures <= 100_000 && row.hires <= 100_000, "assunzioni-\(n)",
                                 "Riga \(n + 1): cessazioni e assunzioni sono numeri interi non negativi.")
            try PlanEdit.limit(row.category, .title, "categoria-\(n)", "Categoria")
            try PlanEdit.limit(row.channel, .title, "canale-\(n)", "Modalità")
        }
        for entry in capacity {
            try PlanEdit.require(entry.amount.cents != nil, "capacita-\(entry.year)", "Capacità assunzionale \(entry.year): scrivere un importo in euro, es. 250.000,00.")
        }
        var staffing = plan.piao?.staffing ?? StaffingPlan()
        staffing.departures = rows.filter { $0.departures > 0 }.map { StaffMovement(year: $0.year, category: $0.category, count: $0.departures) }
        staffing.hires = rows.filter { $0.hires > 0 }.map { StaffMovement(year: $0.year, category: $0.category, count: $0.hires, channel: $0.channel) }
        staffing.spendingCapacity = capacity.isEmpty ? nil : capacity
        return withPIAO(plan) { $0.staffing = staffing }
    }

    /// `plan` with its PIAO changed, started if the plan has none.
    static func withPIAO(_ plan: Plan, _ change: (inout PIAO) -> Void) -> Plan {
        var plan = plan
        var piao = plan.piao ?? PIAO()
        change(&piao)
        plan.piao = piao
        return plan
    }
}
