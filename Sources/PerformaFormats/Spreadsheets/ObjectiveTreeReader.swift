import Performa

/// Reads the objective tree of a plan workbook: the Obiettivi sheet (areas and objectives), then the
/// Azioni, Indicatori and Risorse sheets, whose rows attach to the objectives by key. Rows keep their
/// order; a row may come before its parent's.
struct ObjectiveTreeReader {
    struct Tree {
        var areas: [StrategicArea] = []
        var agencyObjectives: [SpecialAgencyObjectives] = []
        /// Every objective key (`1.1`, `1.1.1`, `PB.1`).
        var keys: Set<String> = []
    }

    let workbook: PlanWorkbookReader

    /// Where an objective lives in the tree being built.
    private enum Place {
        case strategic(area: Int, index: Int)
        case operational(area: Int, strategic: Int, index: Int)
        case agency(group: Int, index: Int)
    }

    private var tree = Tree()
    private var places: [String: Place] = [:]

    init(workbook: PlanWorkbookReader) { self.workbook = workbook }

    consuming func read() throws -> Tree {
        try readObjectives()
        try readActions()
        try readIndicators()
        try readBudget()
        return tree
    }

    // MARK: Obiettivi

    private mutating func readObjectives() throws {
        typealias O = PlanSheets.Objectives
        guard let sheet = try workbook.records(O.schema) else {
            throw workbook.missingSheet(O.schema.name, "dà le aree e gli obiettivi del piano")
        }
        var strategicRows: [(record: SheetRecord, parent: String, objective: StrategicObjective)] = []
        var operationalRows: [(record: SheetRecord, parent: String, objective: OperationalObjective)] = []
        var agencyRows: [(record: SheetRecord, parent: String, objective: OperationalObjective)] = []
        for record in sheet.records {
            let levelText = try record.requiredCode(O.level)
            guard let level = PlanSheets.Level.allCases.first(where: { $0.rawValue == levelText.lowercased() }) else {
                throw record.error(O.level, "livello sconosciuto «\(levelText)»: usare "
                                   + PlanSheets.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try refuseFields(record, level: level)
            let code = try record.requiredCode(O.code)
            let title = try record.requiredText(O.title)
            switch level {
            case .area:
                guard !tree.areas.contains(where: { $0.code == code }) else { throw record.error(O.code, "area ripetuta «\(code)»") }
                tree.areas.append(StrategicArea(code: code, title: title, weight: try record.percent(O.weight)))
            case .strategic:
                var objective = StrategicObjective(code: code, title: title, weight: try record.percent(O.weight), split: try split(record))
                objective.subtitle = try record.text(O.subtitle)
                try fillSheet(&objective, record)
                objective.notes = try record.text(O.notes)
                strategicRows.append((record, try parent(record), objective))
            case .operational, .agency:
                var objective = OperationalObjective(code: code, title: title, weight: try record.percent(O.weight))
                objective.printedEffectiveWeight = try record.percent(O.printedEffectiveWeight)
                try fillSheet(&objective, record)
                objective.additional = try record.bool(O.additional)
                objective.notes = try record.text(O.notes)
                if level == .operational {
                    operationalRows.append((record, try parent(record), objective))
                } else {
                    agencyRows.append((record, try parent(record), objective))
                }
            }
        }
        for row in strategicRows {
            guard let area = tree.areas.firstIndex(where: { $0.code == row.parent }) else {
                throw row.record.error(O.parent, "area «\(row.parent)» inesistente nel foglio Obiettivi")
            }
            try claim(row.objective.code, row.record)
            places[row.objective.code] = .strategic(area: area, index: tree.areas[area].objectives.count)
            tree.areas[area].objectives.append(row.objective)
        }
        for row in operationalRows {
            guard case .strategic(let area, let strategic)? = places[row.parent] else {
                throw row.record.error(O.parent, "obiettivo strategico «\(row.parent)» inesistente nel foglio Obiettivi")
            }
            try claim(row.objective.code, row.record)
            places[row.objective.code] = .operational(area: area, strategic: strategic,
                                                      index: tree.areas[area].objectives[strategic].operationalObjectives.count)
            tree.areas[area].objectives[strategic].operationalObjectives.append(row.objective)
        }
        for row in agencyRows {
            guard let agency = (workbook.agencies ?? []).first(where: { $0.id == row.parent }) else {
                throw row.record.error(O.parent, "azienda speciale «\(row.parent)» inesistente nel foglio Aziende speciali")
            }
            let key = "\(agency.code).\(row.objective.code)"
            try claim(key, row.record)
            let group: Int
            if let found = tree.agencyObjectives.firstIndex(where: { $0.agency == agency.id }) {
                group = found
            } else {
                tree.agencyObjectives.append(SpecialAgencyObjectives(agency: agency.id, objectives: []))
                group = tree.agencyObjectives.count - 1
            }
            places[key] = .agency(group: group, index: tree.agencyObjectives[group].objectives.count)
            tree.agencyObjectives[group].objectives.append(row.objective)
        }
    }

    private mutating func claim(_ key: String, _ record: SheetRecord) throws {
        guard !tree.keys.contains(key) else { throw record.error(PlanSheets.Objectives.code, "obiettivo ripetuto «\(key)»") }
        tree.keys.insert(key)
    }

    private func parent(_ record: SheetRecord) throws -> String {
        try record.requiredCode(PlanSheets.Objectives.parent)
    }

    /// A field filled in on a level that has no such field would be lost: refused instead.
    private func refuseFields(_ record: SheetRecord, level: PlanSheets.Level) throws {
        typealias O = PlanSheets.Objectives
        let allowed: Set<String>
        let common: Set<String> = [O.level, O.code, O.parent, O.title, O.weight, O.missionCode, O.mission, O.programmeCode, O.programme,
                                   O.description, O.unitsInvolved, O.staffCommitted, O.relevance, O.notes]
        switch level {
        case .area: allowed = [O.level, O.code, O.title, O.weight]
        case .strategic: allowed = common.union([O.subtitle, O.ownShare, O.operationalShare])
        case .operational, .agency: allowed = common.union([O.printedEffectiveWeight, O.additional])
        }
        let levelName = level == .area ? "un'area" : level == .agency ? "un obiettivo dell'azienda speciale" : "un obiettivo \(level.rawValue)"
        if let column = O.schema.columns.map(\.header).first(where: { record.has($0) && !allowed.contains($0) }) {
            throw record.error(column, "campo non previsto per \(levelName): lasciare vuoto")
        }
    }

    private func split(_ record: SheetRecord) throws -> ResultSplit? {
        typealias O = PlanSheets.Objectives
        let own = try record.percent(O.ownShare), operational = try record.percent(O.operationalShare)
        switch (own, operational) {
        case (nil, nil): return nil
        case (let own?, let operational?): return ResultSplit(ownIndicators: own, operationalObjectives: operational)
        case (nil, _): throw record.error(O.ownShare, "indicare entrambe le quote (indicatori propri e obiettivi operativi)")
        case (_, nil): throw record.error(O.operationalShare, "indicare entrambe le quote (indicatori propri e obiettivi operativi)")
        }
    }

    /// The fields every objective sheet has.
    private func fillSheet<Sheet: EditableObjectiveSheet>(_ sheet: inout Sheet, _ record: SheetRecord) throws {
        typealias O = PlanSheets.Objectives
        let parts = [O.missionCode, O.mission, O.programmeCode, O.programme]
        let values = try parts.map { try record.text($0) }
        if values.contains(where: { $0 != nil }) {
            if let missing = zip(parts, values).first(where: { $0.1 == nil }) {
                throw record.error(missing.0, "classificazione incompleta: indicare codice e titolo di missione e programma")
            }
            sheet.classification = BudgetClassification(
                missione: CodedTitle(code: try record.requiredCode(O.missionCode), title: try record.requiredText(O.mission)),
                programma: CodedTitle(code: try record.requiredCode(O.programmeCode), title: try record.requiredText(O.programme)))
        }
        sheet.description = try record.text(O.description)
        sheet.unitsInvolved = try record.text(O.unitsInvolved)
        sheet.staffCommitted = try record.text(O.staffCommitted)
        sheet.relevance = try record.number(O.relevance)
    }

    // MARK: Azioni

    private mutating func readActions() throws {
        typealias A = PlanSheets.Actions
        guard let sheet = try workbook.records(A.schema) else { return }
        for record in sheet.records {
            let key = try record.requiredCode(A.objective)
            guard case .strategic(let area, let index)? = places[key] else {
                throw record.error(A.objective, "obiettivo strategico «\(key)» inesistente nel foglio Obiettivi (le azioni sono degli strategici)")
            }
            let year = try record.requiredInteger(A.year)
            let action = try record.requiredText(A.action)
            var groups = tree.areas[area].objectives[index].actions ?? []
            if let group = groups.firstIndex(where: { $0.year == year }) {
                groups[group].items.append(action)
            } else {
                groups.append(YearActions(year: year, items: [action]))
            }
            tree.areas[area].objectives[index].actions = groups
        }
    }

    // MARK: Indicatori

    private mutating func readIndicators() throws {
        typealias I = PlanSheets.Indicators
        guard let sheet = try workbook.records(I.schema, family: I.isCheckpointColumn) else {
            throw workbook.missingSheet(I.schema.name, "dà gli indicatori degli obiettivi")
        }
        let targetColumns = sheet.headers.compactMap { header in I.checkpoint(in: header, prefix: I.targetPrefix).map { (header, $0) } }
            .sorted { $0.1 < $1.1 }
        for header in sheet.headers {
            if let day = I.checkpoint(in: header, prefix: I.targetWeightPrefix), !targetColumns.contains(where: { $0.1 == day }) {
                throw sheet.error(row: sheet.headerRow, column: header, "manca la colonna «\(I.targetPrefix)\(day.italian)» per questo peso")
            }
        }
        for record in sheet.records {
            let key = try record.requiredCode(I.objective)
            guard let place = places[key] else { throw record.error(I.objective, "obiettivo «\(key)» inesistente nel foglio Obiettivi") }
            let number = try record.requiredInteger(I.number)
            guard number >= 1 else { throw record.error(I.number, "il numero dell'indicatore parte da 1") }
            if indicators(at: place).contains(where: { $0.number == number }) {
                throw record.error(I.number, "indicatore \(key)/\(number) ripetuto")
            }
            var targets: [IndicatorTarget] = []
            for (header, day) in targetColumns {
                let weightHeader = I.targetWeightPrefix + day.italian
                guard let target = try record.target(header) else {
                    if record.has(weightHeader) { throw record.error(weightHeader, "peso senza target alla stessa scadenza") }
                    continue
                }
                targets.append(IndicatorTarget(at: day, target: target, weight: try record.percent(weightHeader)))
            }
            var indicator = Indicator(number: number, title: try record.requiredText(I.title), baseline: try record.target(I.baseline),
                                      targets: targets, weight: try record.percent(I.weight), evidence: try record.text(I.evidence))
            indicator.unit = try record.text(I.unit)
            indicator.dataSource = try record.text(I.dataSource)
            indicator.formula = try record.text(I.formula)
            indicator.notes = try record.text(I.notes)
            let from = try record.day(I.neutralisedFrom)
            if let reason = try record.text(I.neutralisationReason) {
                indicator.neutralised = Neutralisation(reason: reason, from: from)
            } else if from != nil {
                throw record.error(I.neutralisationReason, "indicare il motivo della neutralizzazione")
            }
            append(indicator, at: place)
        }
    }

    private func indicators(at place: Place) -> [Indicator] {
        switch place {
        case .strategic(let area, let index): return tree.areas[area].objectives[index].indicators
        case .operational(let area, let strategic, let index): return tree.areas[area].objectives[strategic].operationalObjectives[index].indicators
        case .agency(let group, let index): return tree.agencyObjectives[group].objectives[index].indicators
        }
    }

    private mutating func append(_ indicator: Indicator, at place: Place) {
        switch place {
        case .strategic(let area, let index): tree.areas[area].objectives[index].indicators.append(indicator)
        case .operational(let area, let strategic, let index): tree.areas[area].objectives[strategic].operationalObjectives[index].indicators.append(indicator)
        case .agency(let group, let index): tree.agencyObjectives[group].objectives[index].indicators.append(indicator)
        }
    }

    // MARK: Risorse

    private mutating func readBudget() throws {
        typealias B = PlanSheets.Budget
        guard let sheet = try workbook.records(B.schema, family: { B.year(in: $0) != nil }) else { return }
        let yearColumns = sheet.headers.compactMap { header in B.year(in: header).map { (header, $0) } }.sorted { $0.1 < $1.1 }
        for record in sheet.records {
            let key = try record.requiredCode(B.objective)
            guard let place = places[key] else { throw record.error(B.objective, "obiettivo «\(key)» inesistente nel foglio Obiettivi") }
            var amounts: [YearAmount] = []
            for (header, year) in yearColumns {
                guard let amount = try record.amount(header) else { continue }
                let blank = amount.text.trimmingCharacters(in: .whitespaces).lowercased() == B.blankAmount
                amounts.append(YearAmount(year: year, amount: blank ? Amount("") : amount))
            }
            // The objective's code alone: its resources table is printed without rows.
            if record.values.count == 1 {
                setBudgetLines(at: place) { $0 = $0 ?? [] }
                continue
            }
            var line = BudgetLine(account: try record.text(B.account), accountCode: try record.code(B.accountCode),
                                  budgetCentre: try record.text(B.budgetCentre), amounts: amounts)
            line.pira = try record.code(B.pira)
            setBudgetLines(at: place) { $0 = ($0 ?? []) + [line] }
        }
    }

    private mutating func setBudgetLines(at place: Place, _ change: (inout [BudgetLine]?) -> Void) {
        switch place {
        case .strategic(let area, let index): change(&tree.areas[area].objectives[index].budgetLines)
        case .operational(let area, let strategic, let index): change(&tree.areas[area].objectives[strategic].operationalObjectives[index].budgetLines)
        case .agency(let group, let index): change(&tree.agencyObjectives[group].objectives[index].budgetLines)
        }
    }
}

/// The writable fields shared by strategic and operational objectives, so that one function fills both.
protocol EditableObjectiveSheet {
    var classification: BudgetClassification? { get set }
    var description: String? { get set }
    var unitsInvolved: String? { get set }
    var staffCommitted: String? { get set }
    var relevance: Double? { get set }
}

extension StrategicObjective: EditableObjectiveSheet {}
extension OperationalObjective: EditableObjectiveSheet {}
