/// The changes the struttura tecnica makes to a plan from the web forms, as pure functions from one plan to the
/// next. Each either returns the changed plan or throws an `EditError` naming the field at fault; the caller
/// saves the result (in place for a draft, as a revision for an adopted plan).
public enum PlanEdit {
    /// What can change in an objective's sheet.
    public struct ObjectiveFields: Sendable {
        public var code: String
        public var title: String
        public var weight: Double?
        public var description: String?
        public var unitsInvolved: String?
        public var staffCommitted: String?
        public var relevance: Double?
        /// Strategic objectives only: the own indicators' share (the operational share is the rest).
        public var ownShare: Double?

        public init(code: String, title: String, weight: Double? = nil, description: String? = nil, unitsInvolved: String? = nil,
                    staffCommitted: String? = nil, relevance: Double? = nil, ownShare: Double? = nil) {
            self.code = code
            self.title = title
            self.weight = weight
            self.description = description
            self.unitsInvolved = unitsInvolved
            self.staffCommitted = staffCommitted
            self.relevance = relevance
            self.ownShare = ownShare
        }
    }

    /// What can change in an indicator: description, baseline, a target (and, for strategic indicators, a weight)
    /// per checkpoint, its weight, the evidence the OIV may ask for.
    public struct IndicatorFields: Sendable {
        public var title: String
        public var baseline: String?
        public var targets: [(at: Day, text: String, weight: Double?)]
        public var weight: Double?
        public var evidence: String?

        public init(title: String, baseline: String? = nil, targets: [(at: Day, text: String, weight: Double?)], weight: Double? = nil,
                    evidence: String? = nil) {
            self.title = title
            self.baseline = baseline
            self.targets = targets
            self.weight = weight
            self.evidence = evidence
        }
    }

    // MARK: Areas

    public static func setArea(_ plan: Plan, code: String?, newCode: String, title: String, weight: Double?) throws(EditError) -> Plan {
        var plan = plan
        try require(!newCode.isEmpty, "codice", "Indicare il codice dell'area (es. 4).")
        try require(!title.isEmpty, "titolo", "Indicare il titolo dell'area.")
        try limit(newCode, .title, "codice", "Codice")
        try limit(title, .title, "titolo", "Titolo")
        try limit(weight, "peso", "Peso")
        if let code {
            guard let i = plan.areas.firstIndex(where: { $0.code == code }) else { throw EditError(field: nil, message: "L'area «\(code)» non esiste.") }
            try require(newCode == code || !plan.areas.contains { $0.code == newCode }, "codice", "Esiste già un'area con il codice «\(newCode)».")
            try require(newCode == code || plan.areas[i].objectives.isEmpty, "codice",
                        "Il codice di un'area con obiettivi non si cambia: i codici degli obiettivi ne dipendono.")
            plan.areas[i].code = newCode
            plan.areas[i].title = title
            plan.areas[i].weight = weight
        } else {
            try require(!plan.areas.contains { $0.code == newCode }, "codice", "Esiste già un'area con il codice «\(newCode)».")
            plan.areas.append(StrategicArea(code: newCode, title: title, weight: weight))
        }
        return plan
    }

    // MARK: Objectives

    /// Changes the sheet of an existing objective (`1.2`, `1.2.1`, `PB.1`).
    public static func setObjective(_ plan: Plan, key: String, _ fields: ObjectiveFields) throws(EditError) -> Plan {
        var plan = plan
        try require(!fields.title.isEmpty, "titolo", "Indicare il titolo dell'obiettivo.")
        try limit(fields)
        var found = false
        for a in plan.areas.indices {
            for s in plan.areas[a].objectives.indices {
                if plan.areas[a].objectives[s].code == key {
                    apply(fields, to: &plan.areas[a].objectives[s])
                    found = true
                }
                for o in plan.areas[a].objectives[s].operationalObjectives.indices where plan.areas[a].objectives[s].operationalObjectives[o].code == key {
                    apply(fields, to: &plan.areas[a].objectives[s].operationalObjectives[o])
                    found = true
                }
            }
        }
        for g in (plan.specialAgencyObjectives ?? []).indices {
            let prefix = agencyPrefix(plan, plan.specialAgencyObjectives![g].agency)
            for o in plan.specialAgencyObjectives![g].objectives.indices where "\(prefix).\(plan.specialAgencyObjectives![g].objectives[o].code)" == key {
                apply(fields, to: &plan.specialAgencyObjectives![g].objectives[o])
                found = true
            }
        }
        guard found else { throw EditError(field: nil, message: "L'obiettivo «\(key)» non esiste nel piano.") }
        return plan
    }

    /// Adds an objective under `parent`: an area code (strategic), a strategic objective (operational), or a
    /// special agency id (agency objective). The code must extend the parent's (`2.4` → `2.4.1`).
    public static func addObjective(_ plan: Plan, parent: String, _ fields: ObjectiveFields) throws(EditError) -> Plan {
        var plan = plan
        let code = fields.code
        try require(!code.isEmpty, "codice", "Indicare il codice dell'obiettivo.")
        try require(!fields.title.isEmpty, "titolo", "Indicare il titolo dell'obiettivo.")
        try limit(fields)
        let existing = Set(PlanIndex(plan).entries.map(\.key))
        if let a = plan.areas.firstIndex(where: { $0.code == parent }) {
            try require(code.hasPrefix(parent + ".") && !code.dropFirst(parent.count + 1).contains("."), "codice",
                        "Il codice di un obiettivo strategico dell'area \(parent) è \(parent).N (es. \(parent).\(plan.areas[a].objectives.count + 1)).")
            try require(!existing.contains(code), "codice", "Esiste già un obiettivo con il codice «\(code)».")
            var objective = StrategicObjective(code: code, title: fields.title)
            apply(fields, to: &objective)
            plan.areas[a].objectives.append(objective)
            return plan
        }
        for a in plan.areas.indices {
            if let s = plan.areas[a].objectives.firstIndex(where: { $0.code == parent }) {
                try require(code.hasPrefix(parent + ".") && !code.dropFirst(parent.count + 1).contains("."), "codice",
                            "Il codice di un obiettivo operativo di \(parent) è \(parent).N (es. \(parent).\(plan.areas[a].objectives[s].operationalObjectives.count + 1)).")
                try require(!existing.contains(code), "codice", "Esiste già un obiettivo con il codice «\(code)».")
                var objective = OperationalObjective(code: code, title: fields.title)
                apply(fields, to: &objective)
                plan.areas[a].objectives[s].operationalObjectives.append(objective)
                return plan
            }
        }
        if let g = plan.specialAgencyObjectives?.firstIndex(where: { $0.agency == parent }) {
            let prefix = agencyPrefix(plan, parent)
            try require(Int(code) != nil, "codice", "Il codice di un obiettivo dell'azienda speciale è un numero (es. \(plan.specialAgencyObjectives![g].objectives.count + 1)).")
            try require(!existing.contains("\(prefix).\(code)"), "codice", "Esiste già un obiettivo con il codice «\(prefix).\(code)».")
            var objective = OperationalObjective(code: code, title: fields.title)
            apply(fields, to: &objective)
            plan.specialAgencyObjectives![g].objectives.append(objective)
            return plan
        }
        throw EditError(field: nil, message: "«\(parent)» non è né un'area, né un obiettivo strategico, né un'azienda speciale del piano.")
    }

    /// The objective's fields within `ValueLimits`, each refused next to its form field.
    private static func limit(_ fields: ObjectiveFields) throws(EditError) {
        try limit(fields.code, .title, "codice", "Codice")
        try limit(fields.title, .title, "titolo", "Titolo")
        try limit(fields.weight, "peso", "Peso")
        try limit(fields.description, .chapter, "descrizione", "Descrizione")
        try limit(fields.unitsInvolved, .note, "uffici", "Aree e uffici coinvolti")
        try limit(fields.staffCommitted, .note, "impegno", "Impegno richiesto")
        try limit(fields.relevance, "rilevanza", "Rilevanza")
        try limit(fields.ownShare, "quota", "Quota")
    }

    private static func apply(_ fields: ObjectiveFields, to objective: inout StrategicObjective) {
        objective.title = fields.title
        objective.weight = fields.weight
        objective.description = fields.description
        objective.unitsInvolved = fields.unitsInvolved
        objective.staffCommitted = fields.staffCommitted
        objective.relevance = fields.relevance
        if let own = fields.ownShare {
            objective.split = ResultSplit(ownIndicators: own, operationalObjectives: 100 - own)
        }
    }

    private static func apply(_ fields: ObjectiveFields, to objective: inout OperationalObjective) {
        objective.title = fields.title
        objective.weight = fields.weight
        objective.description = fields.description
        objective.unitsInvolved = fields.unitsInvolved
        objective.staffCommitted = fields.staffCommitted
        objective.relevance = fields.relevance
    }

    public static func agencyPrefix(_ plan: Plan, _ agency: String) -> String {
        plan.organization.specialAgencies?.first { $0.id == agency }?.code ?? agency
    }

    // MARK: Indicators

    /// Changes indicator `number` of an objective, or adds the next one when `number` is nil.
    public static func setIndicator(_ plan: Plan, objective key: String, number: Int?, _ fields: IndicatorFields) throws(EditError) -> Plan {
        try require(!fields.title.isEmpty, "titolo", "Indicare la descrizione dell'indicatore (cosa misura).")
        try limit(fields.title, .title, "titolo", "Descrizione")
        try limit(fields.baseline, .note, "storico", "Target storico")
        for entry in fields.targets {
            try limit(entry.text, .note, "target-\(entry.at)", "Risultato atteso")
            try limit(entry.weight, "peso-\(entry.at)", "Peso")
        }
        try limit(fields.weight, "peso", "Peso")
        try limit(fields.evidence, .note, "documentazione", "Documentazione")
        var plan = plan
        var found = false
        func edit(_ indicators: inout [Indicator]) throws(EditError) {
            found = true
            if let number {
                guard let i = indicators.firstIndex(where: { $0.number == number }) else {
                    throw EditError(field: nil, message: "L'indicatore \(key)/\(number) non esiste.")
                }
                indicators[i] = updated(indicators[i], fields)
            } else {
                let next = (indicators.map(\.number).max() ?? 0) + 1
                indicators.append(updated(Indicator(number: next, title: fields.title, targets: []), fields))
            }
        }
        for a in plan.areas.indices {
            for s in plan.areas[a].objectives.indices {
                if plan.areas[a].objectives[s].code == key { try edit(&plan.areas[a].objectives[s].indicators) }
                for o in plan.areas[a].objectives[s].operationalObjectives.indices where plan.areas[a].objectives[s].operationalObjectives[o].code == key {
                    try edit(&plan.areas[a].objectives[s].operationalObjectives[o].indicators)
                }
            }
        }
        for g in (plan.specialAgencyObjectives ?? []).indices {
            let prefix = agencyPrefix(plan, plan.specialAgencyObjectives![g].agency)
            for o in plan.specialAgencyObjectives![g].objectives.indices where "\(prefix).\(plan.specialAgencyObjectives![g].objectives[o].code)" == key {
                try edit(&plan.specialAgencyObjectives![g].objectives[o].indicators)
            }
        }
        for m in (plan.piao?.risks?.measures ?? []).indices where plan.piao!.risks!.measures[m].key == key {
            var indicators = plan.piao!.risks!.measures[m].indicators ?? []
            try edit(&indicators)
            plan.piao!.risks!.measures[m].indicators = indicators
        }
        for m in (plan.piao?.risks?.measures ?? []).indices where plan.piao!.risks!.measures[m].key == key {
            var indicators = plan.piao!.risks!.measures[m].indicators ?? []
            try edit(&indicators)
            plan.piao!.risks!.measures[m].indicators = indicators
        }
        guard found else { throw EditError(field: nil, message: "L'obiettivo «\(key)» non esiste nel piano.") }
        return plan
    }

    /// A target text left as it was keeps its original reading (which may be an explicit kind from the plan
    /// file); a changed text is parsed again.
    private static func updated(_ indicator: Indicator, _ fields: IndicatorFields) -> Indicator {
        var indicator = indicator
        indicator.title = fields.title
        if let text = fields.baseline {
            indicator.baseline = indicator.baseline?.text == text ? indicator.baseline : Target(parsing: text)
        } else {
            indicator.baseline = nil
        }
        indicator.targets = fields.targets.map { entry in
            let previous = indicator.target(at: entry.at)
            let target = previous?.target.text == entry.text ? previous!.target : Target(parsing: entry.text)
            return IndicatorTarget(at: entry.at, target: target, weight: entry.weight)
        }
        indicator.weight = fields.weight
        indicator.evidence = fields.evidence
        return indicator
    }

    // MARK: Assignments

    /// Replaces a manager's row of the assignment table. Objectives must exist; weights are percentages.
    public static func setAssignment(_ plan: Plan, manager: String, _ items: [(objective: String, weight: Double)]) throws(EditError) -> Plan {
        var plan = plan
        guard plan.organization.managers.contains(where: { $0.id == manager }) else {
            throw EditError(field: nil, message: "Il dirigente «\(manager)» non esiste nel piano.")
        }
        let keys = Set(PlanIndex(plan).entries.map(\.key))
        for item in items where !keys.contains(item.objective) {
            throw EditError(field: nil, message: "L'obiettivo «\(item.objective)» non esiste nel piano.")
        }
        try require(Set(items.map(\.objective)).count == items.count, nil, "Ogni obiettivo va indicato una sola volta per dirigente.")
        for (row, item) in items.enumerated() { try limit(item.weight, "peso-\(row)", "Peso della riga \(row + 1)") }
        var assignments = plan.assignments ?? []
        // The titles as the printed table spelled them stay with the objectives that remain.
        let printed = Dictionary((assignments.first { $0.manager == manager }?.objectives ?? []).map { ($0.objective, $0.printedTitle) },
                                 uniquingKeysWith: { first, _ in first })
        let row = Assignment(manager: manager, objectives: items.map {
            AssignedObjective(objective: $0.objective, weight: $0.weight, printedTitle: printed[$0.objective] ?? nil)
        })
        if let i = assignments.firstIndex(where: { $0.manager == manager }) {
            if items.isEmpty { assignments.remove(at: i) } else { assignments[i] = row }
        } else if !items.isEmpty {
            assignments.append(row)
        }
        plan.assignments = assignments
        return plan
    }

    static func require(_ condition: Bool, _ field: String?, _ message: String) throws(EditError) {
        if !condition { throw EditError(field: field, message: message) }
    }

    /// A weight or share within `ValueLimits.weights`, as every way into a plan requires.
    private static func limit(_ weight: Double?, _ field: String, _ label: String) throws(EditError) {
        if let weight, let problem = ValueLimits.weightProblem(weight) { throw EditError(field: field, message: "\(label): \(problem).") }
    }

    /// A text within its kind's length and free of control characters (`ValueLimits.textProblem`).
    static func limit(_ text: String?, _ kind: ValueLimits.TextKind, _ field: String, _ label: String) throws(EditError) {
        if let text, let problem = ValueLimits.textProblem(text, kind) { throw EditError(field: field, message: "\(label): \(problem).") }
    }
}

/// Why an edit was refused, in Italian, with the form field it is about.
public struct EditError: Error, Sendable, Equatable {
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }
}

extension [EditError] {
    /// `error` added unless a problem of the same field is listed already (a field shows one message: the first
    /// one found, usually its format, which must be corrected before anything else about it can be judged).
    public mutating func add(_ error: EditError) {
        if error.field == nil || !contains(where: { $0.field == error.field }) { append(error) }
    }
}
