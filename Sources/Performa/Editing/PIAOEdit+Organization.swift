/// The HR office's changes to section 3 besides the staffing plan: the organizational units (3.1), the lavoro agile
/// plan's figures and rules (3.2), the training plan (3.3). Rows are numbered from 0 as in the forms, so that each
/// error names its row's field.
extension PIAOEdit {
    /// Replaces the training plan.
    public static func setTraining(_ plan: Plan, rows: [TrainingAction]) throws(EditError) -> Plan {
        let span = plan.piao?.span ?? plan.span
        for (n, row) in rows.enumerated() {
            try PlanEdit.require(!row.title.isEmpty, "titolo-\(n)", "Riga \(n + 1): indicare l'azione formativa.")
            try PlanEdit.require(span.years.contains(row.year), "anno-\(n)", "Riga \(n + 1): l'anno \(row.year) è fuori dal periodo \(span.from)-\(span.to).")
            try PlanEdit.limit(row.title, .title, "titolo-\(n)", "Azione formativa")
            try PlanEdit.limit(row.audience, .title, "destinatari-\(n)", "Destinatari")
            try PlanEdit.require((row.hours ?? 0) >= 0 && (row.hours ?? 0) <= 10_000, "ore-\(n)", "Riga \(n + 1): le ore sono un numero da 0 a 10.000.")
            try PlanEdit.require((row.participants ?? 0) >= 0 && (row.participants ?? 0) <= 100_000, "partecipanti-\(n)",
                                 "Riga \(n + 1): i partecipanti sono un numero intero non negativo.")
        }
        return withPIAO(plan) { $0.training = rows.isEmpty ? nil : rows }
    }

    /// Replaces the organizational units. A unit that the plan still names (a process, a measure, a transparency
    /// obligation, a manager) cannot go; parents must be units of the list, without cycles; heads are managers.
    public static func setUnits(_ plan: Plan, rows: [OrgUnit]) throws(EditError) -> Plan {
        let ids = rows.map(\.id)
        let managers = Set(plan.organization.managers.map(\.id))
        for (n, row) in rows.enumerated() {
            try requireCode(row.id, "id-\(n)", example: "AREA1")
            try PlanEdit.require(ids.firstIndex(of: row.id) == n, "id-\(n)", "Riga \(n + 1): il codice «\(row.id)» è già usato da un'altra unità.")
            try PlanEdit.require(!row.name.isEmpty, "nome-\(n)", "Riga \(n + 1): indicare il nome dell'unità.")
            try PlanEdit.limit(row.name, .title, "nome-\(n)", "Nome")
            if let parent = row.parent {
                try PlanEdit.require(ids.contains(parent) && parent != row.id, "superiore-\(n)", "Riga \(n + 1): l'unità superiore «\(parent)» non è nell'elenco.")
            }
            if let head = row.head { try PlanEdit.require(managers.contains(head), "responsabile-\(n)", "Riga \(n + 1): «\(head)» non è un dirigente dell'ente.") }
        }
        for (n, row) in rows.enumerated() {
            // Following the parents from each unit must end at the top within as many steps as there are units.
            var current = row.parent, steps = 0
            while let parent = current, steps <= rows.count {
                current = rows.first { $0.id == parent }?.parent
                steps += 1
            }
            try PlanEdit.require(current == nil, "superiore-\(n)", "Riga \(n + 1): le unità superiori formano un ciclo.")
        }
        let kept = Set(ids)
        if let (unit, user) = unitReferences(plan).first(where: { !kept.contains($0.unit) }) {
            throw EditError(field: nil, message: "L'unità «\(unit)» è indicata da \(user): non si può togliere.")
        }
        var plan = plan
        plan.organization.units = rows.isEmpty ? nil : rows
        return plan
    }

    /// Every unit id the plan names, with who names it, in Italian.
    private static func unitReferences(_ plan: Plan) -> [(unit: String, user: String)] {
        let register = plan.piao?.risks
        return (register?.processes ?? []).compactMap { p in p.unit.map { ($0, "il processo \(p.code)") } }
            + (register?.measures ?? []).compactMap { m in m.unit.map { ($0, "la misura \(m.key)") } }
            + (register?.transparency ?? []).compactMap { o in o.office.map { ($0, "l'obbligo di pubblicazione «\(o.content)»") } }
            + plan.organization.managers.flatMap { m in (m.units ?? []).map { ($0, "il dirigente \(m.name)") } }
    }

    /// What the lavoro agile form changes: the rules and the monthly figures of the reference year.
    public struct AgileWorkFields: Sendable {
        public var monthlyYear: Int
        public var monthly: [AgileMonth]
        public var maxDaysPerWeek: Int?
        public var maxHoursPerWeek: Int?
        public var windowStart: String?
        public var windowEnd: String?

        public init(monthlyYear: Int, monthly: [AgileMonth], maxDaysPerWeek: Int? = nil, maxHoursPerWeek: Int? = nil,
                    windowStart: String? = nil, windowEnd: String? = nil) {
            self.monthlyYear = monthlyYear
            self.monthly = monthly
            self.maxDaysPerWeek = maxDaysPerWeek
            self.maxHoursPerWeek = maxHoursPerWeek
            self.windowStart = windowStart
            self.windowEnd = windowEnd
        }
    }

    /// Sets the lavoro agile plan's rules and monthly figures, keeping its text, tables and programme; starts a
    /// plan titled after the year when there is none.
    public static func setAgileWork(_ plan: Plan, _ fields: AgileWorkFields) throws(EditError) -> Plan {
        try PlanEdit.require((plan.year - 5...plan.year).contains(fields.monthlyYear), "anno",
                             "L'anno di riferimento è tra il \(plan.year - 5) e il \(plan.year).")
        for month in fields.monthly {
            let n = month.month
            try PlanEdit.require((1...12).contains(n), nil, "Il mese \(n) non esiste.")
            try PlanEdit.require(month.employees >= 0 && month.agileWorkers >= 0 && month.agileWorkers <= month.employees, "agili-\(n)",
                                 "\(Self.monthName(n)): i lavoratori agili sono tra 0 e il numero dei dipendenti.")
            try PlanEdit.require(month.averageAgileDaysPerWeek >= 0 && month.averageAgileDaysPerWeek <= 5, "media-\(n)",
                                 "\(Self.monthName(n)): la media settimanale di giornate agili è tra 0 e 5.")
            try PlanEdit.require(month.agileDaysInMonth >= 0 && month.agileDaysInMonth <= month.agileWorkers * 31, "giornate-\(n)",
                                 "\(Self.monthName(n)): le giornate agili del mese sono al più 31 per lavoratore agile.")
        }
        if let days = fields.maxDaysPerWeek { try PlanEdit.require((0...5).contains(days), "giorni-max", "Le giornate agili settimanali sono da 0 a 5.") }
        if let hours = fields.maxHoursPerWeek { try PlanEdit.require((0...48).contains(hours), "ore-max", "Le ore settimanali sono da 0 a 48.") }
        for (value, field) in [(fields.windowStart, "fascia-inizio"), (fields.windowEnd, "fascia-fine")] {
            if let value { try PlanEdit.require(isClockTime(value), field, "Scrivere l'ora come HH:MM, ad esempio 07:30.") }
        }
        var plan = plan
        var agile = plan.agileWork ?? AgileWorkPlan(title: "Piano organizzativo del lavoro agile", monthlyYear: fields.monthlyYear, monthly: [])
        agile.monthlyYear = fields.monthlyYear
        agile.monthly = fields.monthly.sorted { $0.month < $1.month }
        var rules = agile.rules ?? AgileWorkRules()
        rules.maxDaysPerWeek = fields.maxDaysPerWeek
        rules.maxHoursPerWeek = fields.maxHoursPerWeek
        rules.windowStart = fields.windowStart
        rules.windowEnd = fields.windowEnd
        agile.rules = rules
        plan.agileWork = agile
        return plan
    }

    static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? AgileMonth.italianMonthAbbreviations[month - 1] : String(month)
    }

    /// `HH:MM` on a 24-hour clock.
    private static func isClockTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}
