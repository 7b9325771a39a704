/// The RPCT's changes to the 2.3 register besides the measures: the mapped processes, their risk events with the
/// assessment, and the transparency obligations table. A register is started by its first process.
extension PIAOEdit {
    /// What the process form changes.
    public struct ProcessFields: Sendable {
        public var title: String
        public var area: RiskArea
        public var unit: String?
        public var description: String?

        public init(title: String, area: RiskArea, unit: String? = nil, description: String? = nil) {
            self.title = title
            self.area = area
            self.unit = unit
            self.description = description
        }
    }

    /// Changes process `code`, or adds process `newCode` when `code` is nil (starting the register if the plan has
    /// none). A process's code does not change: its events are named after it.
    public static func setProcess(_ plan: Plan, code: String?, newCode: String, _ fields: ProcessFields) throws(EditError) -> Plan {
        var register = plan.piao?.risks ?? RiskRegister()
        try requireCode(newCode, "codice", example: "P\(String(format: "%02d", register.processes.count + 1))")
        try PlanEdit.require(!fields.title.isEmpty, "titolo", "Indicare il processo.")
        try PlanEdit.limit(fields.title, .title, "titolo", "Processo")
        try PlanEdit.limit(fields.description, .note, "descrizione", "Descrizione")
        try requireUnit(plan, fields.unit, "unita")
        if let code {
            guard let i = register.processes.firstIndex(where: { $0.code == code }) else { throw EditError(field: nil, message: "Il processo «\(code)» non esiste.") }
            try PlanEdit.require(newCode == code, "codice", "Il codice di un processo non cambia: i suoi eventi rischiosi vi sono collegati.")
            register.processes[i].title = fields.title
            register.processes[i].area = fields.area
            register.processes[i].unit = fields.unit
            register.processes[i].description = fields.description
        } else {
            try PlanEdit.require(!register.processes.contains { $0.code == newCode }, "codice", "Esiste già il processo «\(newCode)».")
            var process = RiskProcess(code: newCode, title: fields.title, area: fields.area, unit: fields.unit)
            process.description = fields.description
            register.processes.append(process)
        }
        return withPIAO(plan) { $0.risks = register }
    }

    /// Removes process `code` with its events, unless a measure still treats one of them.
    public static func deleteProcess(_ plan: Plan, code: String) throws(EditError) -> Plan {
        guard var register = plan.piao?.risks, let i = register.processes.firstIndex(where: { $0.code == code }) else {
            throw EditError(field: nil, message: "Il processo «\(code)» non esiste.")
        }
        for event in register.processes[i].events { try requireUntreated(register, event.code) }
        register.processes.remove(at: i)
        return withPIAO(plan) { $0.risks = register }
    }

    /// What the risk event form changes.
    public struct EventFields: Sendable {
        public var description: String
        public var factors: [String]
        public var assessment: RiskAssessment?

        public init(description: String, factors: [String] = [], assessment: RiskAssessment? = nil) {
            self.description = description
            self.factors = factors
            self.assessment = assessment
        }
    }

    /// Changes event `code` of process `process`, or adds event `newCode` to it when `code` is nil. Event codes are
    /// unique in the whole register, since measures name them.
    public static func setEvent(_ plan: Plan, process: String, code: String?, newCode: String, _ fields: EventFields) throws(EditError) -> Plan {
        guard var register = plan.piao?.risks, let p = register.processes.firstIndex(where: { $0.code == process }) else {
            throw EditError(field: nil, message: "Il processo «\(process)» non esiste.")
        }
        try requireCode(newCode, "codice", example: "\(process).R\(register.processes[p].events.count + 1)")
        try PlanEdit.require(!fields.description.isEmpty, "descrizione", "Descrivere l'evento rischioso.")
        try PlanEdit.limit(fields.description, .note, "descrizione", "Evento rischioso")
        for factor in fields.factors { try PlanEdit.limit(factor, .title, "fattori", "Fattore abilitante") }
        if let assessment = fields.assessment {
            for (value, field, label) in [(assessment.probability, "probabilita", "Probabilità"), (assessment.impact, "impatto", "Impatto")] {
                if let value { try PlanEdit.require((1...5).contains(value), field, "\(label): un numero intero da 1 a 5.") }
            }
            try PlanEdit.limit(assessment.motivation, .note, "motivazione", "Motivazione")
            try PlanEdit.require(assessment.rating == nil || !(assessment.motivation ?? "").isEmpty, "motivazione",
                                 "Il giudizio dato dal RPCT va motivato (PNA 2019, Allegato 1).")
        }
        var event: RiskEvent
        if let code {
            guard let e = register.processes[p].events.firstIndex(where: { $0.code == code }) else { throw EditError(field: nil, message: "L'evento «\(code)» non esiste.") }
            try PlanEdit.require(newCode == code, "codice", "Il codice di un evento non cambia: le misure vi sono collegate.")
            event = register.processes[p].events[e]
        } else {
            try PlanEdit.require(!register.processes.flatMap(\.events).contains { $0.code == newCode }, "codice", "Esiste già l'evento «\(newCode)».")
            event = RiskEvent(code: newCode, description: fields.description)
        }
        event.description = fields.description
        event.factors = fields.factors.isEmpty ? nil : fields.factors
        event.assessment = fields.assessment
        if let e = register.processes[p].events.firstIndex(where: { $0.code == code }) {
            register.processes[p].events[e] = event
        } else {
            register.processes[p].events.append(event)
        }
        return withPIAO(plan) { $0.risks = register }
    }

    /// Removes event `code` of process `process`, unless a measure still treats it.
    public static func deleteEvent(_ plan: Plan, process: String, code: String) throws(EditError) -> Plan {
        guard var register = plan.piao?.risks, let p = register.processes.firstIndex(where: { $0.code == process }),
              let e = register.processes[p].events.firstIndex(where: { $0.code == code }) else {
            throw EditError(field: nil, message: "L'evento «\(code)» non esiste.")
        }
        try requireUntreated(register, code)
        register.processes[p].events.remove(at: e)
        return withPIAO(plan) { $0.risks = register }
    }

    /// Replaces the transparency obligations table and the rating method. `rows` are numbered from 0 as in the
    /// form, so that each error names its row's field.
    public static func setTransparency(_ plan: Plan, method: RiskMethod, rows: [TransparencyObligation]) throws(EditError) -> Plan {
        var register = plan.piao?.risks ?? RiskRegister()
        for (n, row) in rows.enumerated() {
            try PlanEdit.require(!row.section.isEmpty, "sezione-\(n)", "Riga \(n + 1): indicare la sezione di Amministrazione Trasparente.")
            try PlanEdit.require(!row.content.isEmpty, "contenuto-\(n)", "Riga \(n + 1): indicare il contenuto da pubblicare.")
            try PlanEdit.limit(row.section, .title, "sezione-\(n)", "Sezione")
            try PlanEdit.limit(row.subsection, .title, "sottosezione-\(n)", "Sottosezione")
            try PlanEdit.limit(row.content, .note, "contenuto-\(n)", "Contenuto")
            try PlanEdit.limit(row.reference, .title, "riferimento-\(n)", "Riferimento")
            try requireUnit(plan, row.office, "ufficio-\(n)")
        }
        register.method = method
        register.transparency = rows.isEmpty ? nil : rows
        return withPIAO(plan) { $0.risks = register }
    }

    // MARK: Shared checks

    /// Words the web forms use in their addresses for "a new one": no code may be one of them.
    public static let reservedCodes: Set<String> = ["nuovo", "nuova"]

    /// A code of the register: present, short, without spaces or slashes (it goes into addresses).
    static func requireCode(_ code: String, _ field: String, example: String) throws(EditError) {
        try PlanEdit.require(!code.isEmpty, field, "Indicare il codice (es. \(example)).")
        try PlanEdit.require(!code.contains("/") && !code.contains(" "), field, "Il codice non contiene spazi né «/».")
        try PlanEdit.require(!reservedCodes.contains(code.lowercased()), field, "«\(code)» non può essere un codice: scegliere ad esempio \(example).")
        try PlanEdit.limit(code, .title, field, "Codice")
    }

    /// A unit id of the organization, or none.
    static func requireUnit(_ plan: Plan, _ unit: String?, _ field: String) throws(EditError) {
        if let unit, !(plan.organization.units ?? []).contains(where: { $0.id == unit }) {
            throw EditError(field: field, message: "L'unità organizzativa «\(unit)» non esiste.")
        }
    }

    private static func requireUntreated(_ register: RiskRegister, _ event: String) throws(EditError) {
        if let measure = register.measures.first(where: { ($0.risks ?? []).contains(event) }) {
            throw EditError(field: nil, message: "La misura \(measure.key) tratta l'evento \(event): toglierlo prima dagli eventi della misura.")
        }
    }
}
