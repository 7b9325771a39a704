import Performa

/// A plan as the tables of its workbook (see `PlanSheets`): one row per area and objective, per action,
/// per indicator, per budget line, per assigned objective, per manager and per special agency.
public enum PlanSheetExport {
    public static func tables(_ plan: Plan) -> [SheetTable] {
        // The PIAO's measures have a workbook of their own (`PIAOSheets`).
        let index = PlanIndex(plan, measures: false)
        let used = index.indicators.flatMap { $0.indicator.targets.map(\.at) }
        let checkpoints = Set(standardCheckpoints(span: plan.span, year: plan.year) + used).sorted()
        let amountYears = index.entries.flatMap { ($0.sheet.budgetLines ?? []).flatMap { $0.amounts.map(\.year) } }
        let years = Set(Array(plan.span.years) + amountYears).sorted()
        return [
            header(plan), objectives(plan), actions(plan), indicators(index, checkpoints: checkpoints), budget(index, years: years),
            assignments(plan), managers(plan.organization.managers), agencies(plan.organization.specialAgencies ?? []),
        ]
    }

    /// The blank template's tables: headers only, checkpoint and year columns for a three-year plan from `year`.
    public static func blankTables(year: Int) -> [SheetTable] {
        let span = YearSpan(from: year, to: year + 2)
        var header = self.header(nil)
        header.rows = PlanSheets.Header.items.map { item in
            let value: SheetCell
            switch item.item {
            case PlanSheets.Header.firstYear, PlanSheets.Header.year: value = .integer(year)
            case PlanSheets.Header.lastYear: value = .integer(year + 2)
            case PlanSheets.Header.status: value = .text(PlanStatus.draft.italian)
            case PlanSheets.Header.version: value = .integer(1)
            default: value = .empty
            }
            return [.text(item.item), value]
        }
        return [
            header, table(PlanSheets.Objectives.schema, []), table(PlanSheets.Actions.schema, []),
            indicators(PlanIndex(Plan(id: "", title: "", span: span, year: year, organization: Organization(id: "", name: ""))),
                       checkpoints: standardCheckpoints(span: span, year: year)),
            budget(PlanIndex(Plan(id: "", title: "", span: span, year: year, organization: Organization(id: "", name: ""))),
                   years: Array(span.years)),
            table(PlanSheets.Assignments.schema, []), table(PlanSheets.Managers.schema, []), table(PlanSheets.Agencies.schema, []),
        ]
    }

    /// 30/6 and 31/12 of the operational year, 31/12 of every year of the span.
    static func standardCheckpoints(span: YearSpan, year: Int) -> [Day] {
        Set([Day.midYear(year), .yearEnd(year)] + span.years.map(Day.yearEnd)).sorted()
    }

    private static func table(_ schema: SheetSchema, _ records: [[String: SheetCell]]) -> SheetTable {
        SheetTable(name: schema.name, columns: schema.columns.map(\.tableColumn), records: records)
    }

    private static func header(_ plan: Plan?) -> SheetTable {
        typealias H = PlanSheets.Header
        var table = SheetTable(name: H.schema.name, columns: H.schema.columns.map(\.tableColumn))
        guard let plan else { return table }
        let values: [String: SheetCell] = [
            H.id: .text(plan.id), H.title: .text(plan.title), H.firstYear: .integer(plan.span.from), H.lastYear: .integer(plan.span.to),
            H.year: .integer(plan.year), H.status: .text(plan.status.italian), H.version: .integer(plan.version),
            H.organizationID: .text(plan.organization.id), H.organizationName: .text(plan.organization.name),
        ]
        table.rows = H.items.map { [.text($0.item), values[$0.item] ?? .empty] }
        return table
    }

    private static func objectives(_ plan: Plan) -> SheetTable {
        typealias O = PlanSheets.Objectives
        func sheetFields(_ sheet: any ObjectiveSheet) -> [String: SheetCell] {
            [
                O.code: .text(sheet.code), O.title: .text(sheet.title), O.weight: .percent(sheet.weight),
                O.missionCode: .text(sheet.classification?.missione.code), O.mission: .text(sheet.classification?.missione.title),
                O.programmeCode: .text(sheet.classification?.programma.code), O.programme: .text(sheet.classification?.programma.title),
                O.description: .text(sheet.description), O.unitsInvolved: .text(sheet.unitsInvolved),
                O.staffCommitted: .text(sheet.staffCommitted), O.relevance: .number(sheet.relevance),
            ]
        }
        func operationalFields(_ objective: OperationalObjective, level: PlanSheets.Level, parent: String) -> [String: SheetCell] {
            sheetFields(objective).merging([
                O.level: .text(level.rawValue), O.parent: .text(parent),
                O.printedEffectiveWeight: .percent(objective.printedEffectiveWeight), O.additional: .bool(objective.additional),
                O.notes: .text(objective.notes),
            ]) { $1 }
        }
        var records: [[String: SheetCell]] = []
        for area in plan.areas {
            records.append([O.level: .text(PlanSheets.Level.area.rawValue), O.code: .text(area.code), O.title: .text(area.title),
                            O.weight: .percent(area.weight)])
            for strategic in area.objectives {
                records.append(sheetFields(strategic).merging([
                    O.level: .text(PlanSheets.Level.strategic.rawValue), O.parent: .text(area.code), O.subtitle: .text(strategic.subtitle),
                    O.ownShare: .percent(strategic.split?.ownIndicators), O.operationalShare: .percent(strategic.split?.operationalObjectives),
                    O.notes: .text(strategic.notes),
                ]) { $1 })
                for operational in strategic.operationalObjectives {
                    records.append(operationalFields(operational, level: .operational, parent: strategic.code))
                }
            }
        }
        for group in plan.specialAgencyObjectives ?? [] {
            for objective in group.objectives {
                records.append(operationalFields(objective, level: .agency, parent: group.agency))
            }
        }
        return table(O.schema, records)
    }

    private static func actions(_ plan: Plan) -> SheetTable {
        typealias A = PlanSheets.Actions
        var records: [[String: SheetCell]] = []
        for strategic in plan.areas.flatMap(\.objectives) {
            for group in strategic.actions ?? [] {
                for item in group.items {
                    records.append([A.objective: .text(strategic.code), A.year: .integer(group.year), A.action: .text(item)])
                }
            }
        }
        return table(A.schema, records)
    }

    private static func indicators(_ index: PlanIndex, checkpoints: [Day]) -> SheetTable {
        typealias I = PlanSheets.Indicators
        var columns: [SheetTable.Column] = []
        for column in I.schema.columns {
            if column.header.hasPrefix(I.targetPrefix) {
                for day in checkpoints {
                    columns.append(SheetTable.Column(I.targetPrefix + day.italian, maxWidth: column.maxWidth))
                    columns.append(SheetTable.Column(I.targetWeightPrefix + day.italian,
                                                     maxWidth: I.schema.column(I.targetWeightPrefix + "GG/MM/AAAA")?.maxWidth ?? 12))
                }
            } else if !column.header.hasPrefix(I.targetWeightPrefix) {
                columns.append(column.tableColumn)
            }
        }
        let records = index.indicators.map { key, indicator, _ -> [String: SheetCell] in
            var record: [String: SheetCell] = [
                I.objective: .text(key.objective), I.number: .integer(indicator.number), I.title: .text(indicator.title),
                I.baseline: .text(TargetCell.text(indicator.baseline)), I.weight: .percent(indicator.weight),
                I.evidence: .text(indicator.evidence), I.unit: .text(indicator.unit), I.dataSource: .text(indicator.dataSource),
                I.formula: .text(indicator.formula), I.neutralisationReason: .text(indicator.neutralised?.reason),
                I.neutralisedFrom: .date(indicator.neutralised?.from), I.notes: .text(indicator.notes),
            ]
            for entry in indicator.targets {
                record[I.targetPrefix + entry.at.italian] = .text(TargetCell.text(entry.target))
                record[I.targetWeightPrefix + entry.at.italian] = .percent(entry.weight)
            }
            return record
        }
        return SheetTable(name: I.schema.name, columns: columns, records: records)
    }

    private static func budget(_ index: PlanIndex, years: [Int]) -> SheetTable {
        typealias B = PlanSheets.Budget
        var columns = B.schema.columns.filter { !$0.header.hasPrefix(B.amountPrefix) }.map(\.tableColumn)
        columns += years.map { SheetTable.Column(B.amountPrefix + String($0), maxWidth: 18) }
        var records: [[String: SheetCell]] = []
        for entry in index.entries {
            // A resources table printed without rows: a row with the objective alone.
            if entry.sheet.budgetLines?.isEmpty == true { records.append([B.objective: .text(entry.key)]) }
            for line in entry.sheet.budgetLines ?? [] {
                var record: [String: SheetCell] = [
                    B.objective: .text(entry.key), B.account: .text(line.account), B.accountCode: .text(line.accountCode),
                    B.budgetCentre: .text(line.budgetCentre), B.pira: .text(line.pira),
                ]
                for amount in line.amounts { record[B.amountPrefix + String(amount.year)] = cell(amount.amount) }
                records.append(record)
            }
        }
        return SheetTable(name: B.schema.name, columns: columns, records: records)
    }

    /// A euro number when the text is the amount's own way of printing it (`€ 50.000,00`), so that it
    /// comes back the same; otherwise the text as printed (`-`, `€ _____`, `50.000 euro`); `(vuoto)` for blank.
    static func cell(_ amount: Amount) -> SheetCell {
        if amount.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .text(PlanSheets.Budget.blankAmount) }
        if let cents = amount.cents, Amount(cents: cents).text == amount.text { return .euro(Double(cents) / 100) }
        return .text(amount.text)
    }

    private static func assignments(_ plan: Plan) -> SheetTable {
        typealias A = PlanSheets.Assignments
        var records: [[String: SheetCell]] = []
        for assignment in plan.assignments ?? [] {
            for (position, item) in assignment.objectives.enumerated() {
                records.append([
                    A.manager: .text(assignment.manager), A.objective: .text(item.objective), A.weight: .percent(item.weight),
                    A.printedTitle: .text(item.printedTitle), A.printedTotal: position == 0 ? .percent(assignment.printedTotal) : .empty,
                ])
            }
        }
        return table(A.schema, records)
    }

    private static func managers(_ managers: [Manager]) -> SheetTable {
        typealias M = PlanSheets.Managers
        return table(M.schema, managers.map { manager in
            [M.id: .text(manager.id), M.name: .text(manager.name), M.honorific: .text(manager.honorific), M.roles: .lines(manager.roles),
             M.units: .lines(manager.units), M.agency: .text(manager.agency)]
        })
    }

    private static func agencies(_ agencies: [SpecialAgency]) -> SheetTable {
        typealias A = PlanSheets.Agencies
        return table(A.schema, agencies.map { agency in
            [A.id: .text(agency.id), A.code: .text(agency.code), A.name: .text(agency.name), A.description: .text(agency.description),
             A.director: .text(agency.director)]
        })
    }
}
