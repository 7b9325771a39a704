/// The struttura tecnica's changes to the parts of the PIAO that are neither 2.3 nor section 3: the scheda
/// anagrafica and the PIAO's life (span, adoption), the public-value objectives of 2.1 and the flags of 2.2.
extension PIAOEdit {
    /// What the scheda anagrafica form changes.
    public struct RegistryFields: Sendable {
        public var registry: AdministrationRegistry
        public var span: YearSpan
        /// The Giunta's act adopting the PIAO, if adopted.
        public var adoption: ApprovalAct?

        public init(registry: AdministrationRegistry, span: YearSpan, adoption: ApprovalAct? = nil) {
            self.registry = registry
            self.span = span
            self.adoption = adoption
        }
    }

    /// Sets the scheda anagrafica, the span and the adoption act (replacing an earlier adoption, keeping the yearly
    /// updates and the filing on the portal).
    public static func setRegistry(_ plan: Plan, _ fields: RegistryFields) throws(EditError) -> Plan {
        let r = fields.registry
        if let code = r.fiscalCode {
            try PlanEdit.require((code.count == 11 && code.allSatisfy(\.isNumber)) || (code.count == 16 && code.allSatisfy { $0.isLetter || $0.isNumber }),
                                 "codice-fiscale", "Il codice fiscale dell'ente ha 11 cifre (o 16 caratteri).")
        }
        if let ipa = r.ipaCode { try PlanEdit.require(ipa.count <= 20 && ipa.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, "codice-ipa", "Il codice IPA è fatto di lettere, cifre e «_».") }
        if let pec = r.pec { try PlanEdit.require(pec.contains("@") && !pec.contains(" "), "pec", "Scrivere l'indirizzo PEC, ad esempio protocollo@pec.ente.it.") }
        if let site = r.website { try PlanEdit.require(site.hasPrefix("https://") || site.hasPrefix("http://"), "sito", "Scrivere l'indirizzo completo, ad esempio https://www.ente.it.") }
        if let employees = r.employees { try PlanEdit.require((0...1_000_000).contains(employees), "dipendenti", "I dipendenti sono un numero intero non negativo.") }
        for (text, field, label) in [(r.address, "indirizzo", "Indirizzo"), (r.head, "rappresentante", "Rappresentante legale"), (r.rpct, "rpct", "RPCT"),
                                     (r.pec, "pec", "PEC"), (r.website, "sito", "Sito")] {
            try PlanEdit.limit(text, .title, field, label)
        }
        try PlanEdit.require(fields.span.to - fields.span.from == 2, "al", "Il PIAO è triennale: ad esempio dal \(plan.year) al \(plan.year + 2).")
        try PlanEdit.require(fields.span.years.contains(plan.year), "dal", "Il periodo del PIAO comprende l'anno del piano, \(plan.year).")
        var acts = (plan.piao?.acts ?? []).filter { $0.kind != .adoption }
        if let adoption = fields.adoption { acts.insert(adoption, at: 0) }
        return withPIAO(plan) { piao in
            piao.registry = r
            piao.span = fields.span == plan.span ? nil : fields.span
            piao.acts = acts.isEmpty ? nil : acts
        }
    }

    /// What the public-value form changes.
    public struct PublicValueFields: Sendable {
        public var title: String
        public var outcome: String?
        public var stakeholders: [String]
        public var strategies: [String]
        public var objectives: [String]
        public var impactIndicators: [ImpactIndicator]

        public init(title: String, outcome: String? = nil, stakeholders: [String] = [], strategies: [String] = [], objectives: [String],
                    impactIndicators: [ImpactIndicator] = []) {
            self.title = title
            self.outcome = outcome
            self.stakeholders = stakeholders
            self.strategies = strategies
            self.objectives = objectives
            self.impactIndicators = impactIndicators
        }
    }

    /// Changes public-value objective `code`, or adds `newCode` when `code` is nil. Its objectives must be objectives
    /// of the plan, since its achievement is theirs.
    public static func setPublicValue(_ plan: Plan, code: String?, newCode: String, _ fields: PublicValueFields) throws(EditError) -> Plan {
        var objectives = plan.piao?.publicValue ?? []
        try requireCode(newCode, "codice", example: "VP\(objectives.count + 1)")
        try PlanEdit.require(!fields.title.isEmpty, "titolo", "Indicare l'obiettivo di valore pubblico.")
        try PlanEdit.limit(fields.title, .title, "titolo", "Obiettivo")
        try PlanEdit.limit(fields.outcome, .note, "impatto", "Impatto atteso")
        for text in fields.stakeholders { try PlanEdit.limit(text, .title, "portatori", "Portatore di interesse") }
        for text in fields.strategies { try PlanEdit.limit(text, .title, "strategie", "Strategia") }
        try PlanEdit.require(!fields.objectives.isEmpty, "obiettivi", "Indicare gli obiettivi del piano che producono questo valore pubblico.")
        try requireObjectives(plan, fields.objectives, "obiettivi")
        for (n, indicator) in fields.impactIndicators.enumerated() {
            for (text, field) in [(indicator.title, "indicatore"), (indicator.framework, "quadro"), (indicator.source, "fonte"),
                                  (indicator.baseline, "base"), (indicator.target, "atteso")] {
                try PlanEdit.limit(text, .title, "\(field)-\(n)", "Indicatore di impatto \(n + 1)")
            }
        }
        var objective = PublicValueObjective(code: newCode, title: fields.title, objectives: fields.objectives)
        if let code {
            guard let i = objectives.firstIndex(where: { $0.code == code }) else { throw EditError(field: nil, message: "L'obiettivo «\(code)» non esiste.") }
            try PlanEdit.require(newCode == code || !objectives.contains { $0.code == newCode }, "codice", "Esiste già l'obiettivo «\(newCode)».")
            objective = objectives[i]
            objective.code = newCode
        } else {
            try PlanEdit.require(!objectives.contains { $0.code == newCode }, "codice", "Esiste già l'obiettivo «\(newCode)».")
        }
        objective.title = fields.title
        objective.outcome = fields.outcome
        objective.stakeholders = fields.stakeholders.isEmpty ? nil : fields.stakeholders
        objective.strategies = fields.strategies.isEmpty ? nil : fields.strategies
        objective.objectives = fields.objectives
        objective.impactIndicators = fields.impactIndicators.isEmpty ? nil : fields.impactIndicators
        if let i = objectives.firstIndex(where: { $0.code == code }) { objectives[i] = objective } else { objectives.append(objective) }
        return withPIAO(plan) { $0.publicValue = objectives }
    }

    public static func deletePublicValue(_ plan: Plan, code: String) throws(EditError) -> Plan {
        guard var objectives = plan.piao?.publicValue, let i = objectives.firstIndex(where: { $0.code == code }) else {
            throw EditError(field: nil, message: "L'obiettivo «\(code)» non esiste.")
        }
        objectives.remove(at: i)
        return withPIAO(plan) { $0.publicValue = objectives.isEmpty ? nil : objectives }
    }

    /// Sets which objectives of 2.2 carry each of the DM's dimensions.
    public static func setDimensions(_ plan: Plan, _ keys: [PIAODimension: [String]]) throws(EditError) -> Plan {
        var byObjective: [String: [PIAODimension]] = [:]
        var order: [String] = []
        for dimension in PIAODimension.allCases {
            let list = keys[dimension] ?? []
            try requireObjectives(plan, list, "dimensione-\(dimension.rawValue)")
            for key in list {
                if byObjective[key] == nil { order.append(key) }
                byObjective[key, default: []].append(dimension)
            }
        }
        let dimensions = order.map { ObjectiveDimensions(objective: $0, dimensions: byObjective[$0] ?? []) }
        return withPIAO(plan) { $0.dimensions = dimensions.isEmpty ? nil : dimensions }
    }

    /// Keys of objectives of the plan (strategic, operational, agency), not of prevention measures.
    private static func requireObjectives(_ plan: Plan, _ keys: [String], _ field: String) throws(EditError) {
        let index = PlanIndex(plan, measures: false)
        if let unknown = keys.first(where: { index.entry($0) == nil }) {
            throw EditError(field: field, message: "L'obiettivo «\(unknown)» non è nel piano (chiavi come \(index.entries.dropFirst().first?.key ?? "1.1")).")
        }
    }
}
