import Performa

/// Builds a plan from the sheets of a plan workbook (XLSX or a folder of CSV files). The whole workbook
/// is read and checked before anything is returned: a damaged or inconsistent sheet throws a
/// `SpreadsheetError` naming the sheet, the row and the column, and no plan comes out of it.
///
/// What the sheets do not cover comes from `base` (a plan file): organization details, context chapters,
/// scenario, POLA, policy, acts and links. The sheets Piano, Dirigenti, Aziende speciali and Assegnazioni
/// may be left out when a base is given: the base's values are kept for them. Weights that do not add up
/// and similar findings are the validator's business, not the import's.
public enum PlanSheetImport {
    /// Sheets a plan import skips: the template's instructions and the other exports of the same workbook.
    static let otherSheets: Set<String> = [TemplateWorkbook.instructionsSheet, MeasurementSheet.schema.name, ScorecardSheet.schema.name,
                                           ScorecardSheet.infoSheet]

    public static func plan(from sheets: [SheetGrid], base: Plan? = nil, file: String? = nil) throws -> Plan {
        var reader = try PlanWorkbookReader(sheets: sheets, file: file)
        let plan = try reader.plan(base: base)
        // The limits every way in keeps (`FieldLimits`); the cells were read one by one, the plan is checked whole.
        if let problem = FieldLimits.firstProblem(in: plan) {
            throw SpreadsheetError(file: file, message: "campo \(problem.field): \(problem.message)")
        }
        return plan
    }
}

/// The state of one import: the sheets by name and what has been read so far.
struct PlanWorkbookReader {
    let sheets: [String: SheetGrid]
    let file: String?
    var managers: [Manager]? = nil
    var agencies: [SpecialAgency]? = nil

    init(sheets list: [SheetGrid], file: String?) throws {
        self.file = file
        var sheets: [String: SheetGrid] = [:]
        let known = Set(PlanSheets.schemas.map(\.name))
        for grid in list {
            let name = grid.name.trimmingCharacters(in: .whitespaces)
            if PlanSheetImport.otherSheets.contains(name) { continue }
            guard known.contains(name) else {
                throw SpreadsheetError(file: grid.source ?? file, sheet: grid.name, message: "foglio sconosciuto: i fogli previsti sono "
                                       + PlanSheets.schemas.map(\.name).joined(separator: ", "))
            }
            guard sheets[name] == nil else { throw SpreadsheetError(file: file, sheet: name, message: "foglio ripetuto") }
            sheets[name] = grid
        }
        self.sheets = sheets
    }

    func records(_ schema: SheetSchema, family: (String) -> Bool = { _ in false }) throws -> SheetRecords? {
        guard let grid = sheets[schema.name] else { return nil }
        return try SheetRecords(grid, schema: schema, file: file, family: family)
    }

    func missingSheet(_ name: String, _ why: String) -> SpreadsheetError {
        SpreadsheetError(file: file, sheet: name, message: "manca il foglio \(name) (\(why))")
    }

    mutating func plan(base: Plan?) throws -> Plan {
        let header = try readHeader(base: base)
        // A sheet left out keeps the base's values; a sheet present but empty means none.
        managers = try readManagers() ?? base?.organization.managers
        agencies = try readAgencies().map { $0.isEmpty ? nil : $0 } ?? base?.organization.specialAgencies
        try checkManagerAgencies()
        let tree = try ObjectiveTreeReader(workbook: self).read()
        let assignments = try readAssignments(tree: tree).map { $0.isEmpty ? nil : $0 } ?? base?.assignments

        var plan = base ?? Plan(id: header.id, title: header.title, span: header.span, year: header.year,
                                organization: Organization(id: header.organizationID, name: header.organizationName))
        plan.id = header.id
        plan.title = header.title
        plan.span = header.span
        plan.year = header.year
        plan.status = header.status
        plan.version = header.version
        plan.organization.id = header.organizationID
        plan.organization.name = header.organizationName
        plan.organization.managers = managers ?? []
        plan.organization.specialAgencies = agencies
        plan.areas = tree.areas
        plan.specialAgencyObjectives = tree.agencyObjectives.isEmpty ? nil : tree.agencyObjectives
        plan.assignments = assignments
        return plan
    }

    // MARK: Piano

    struct HeaderValues {
        var id: String, title: String, span: YearSpan, year: Int, status: PlanStatus, version: Int?
        var organizationID: String, organizationName: String
    }

    private func readHeader(base: Plan?) throws -> HeaderValues {
        typealias H = PlanSheets.Header
        guard let sheet = try records(H.schema) else {
            guard let base else { throw missingSheet(H.schema.name, "senza un piano di base il foglio dà identificativo, titolo, anni ed ente") }
            return HeaderValues(id: base.id, title: base.title, span: base.span, year: base.year, status: base.status, version: base.version,
                                organizationID: base.organization.id, organizationName: base.organization.name)
        }
        var rows: [String: SheetRecord] = [:]
        var itemRows: [String: Int] = [:]
        for record in sheet.records {
            let item = try record.requiredCode(H.item)
            guard H.items.contains(where: { $0.item == item }) else {
                throw record.error(H.item, "voce sconosciuta «\(item)»: le voci previste sono " + H.items.map(\.item).joined(separator: ", "))
            }
            guard itemRows[item] == nil else { throw record.error(H.item, "voce ripetuta «\(item)»") }
            itemRows[item] = record.row
            if record.has(H.value) { rows[item] = record }
        }
        func missing(_ item: String) -> SpreadsheetError {
            sheet.error(row: itemRows[item], column: itemRows[item] == nil ? H.item : H.value, "manca il valore della voce «\(item)»")
        }
        func text(_ item: String, _ fallback: String?) throws -> String {
            if let record = rows[item] { return try record.requiredCode(H.value) }
            guard let fallback else { throw missing(item) }
            return fallback
        }
        func integer(_ item: String, _ fallback: Int?) throws -> Int {
            if let record = rows[item] {
                let value = try record.requiredInteger(H.value)
                guard (1900...2200).contains(value) || item == H.version else { throw record.error(H.value, "anno non valido «\(value)»") }
                return value
            }
            guard let fallback else { throw missing(item) }
            return fallback
        }
        let from = try integer(H.firstYear, base?.span.from)
        let to = try integer(H.lastYear, base?.span.to)
        if to < from, let record = rows[H.lastYear] ?? rows[H.firstYear] {
            throw record.error(H.value, "l'ultimo anno (\(to)) precede il primo (\(from))")
        }
        let year = try integer(H.year, base?.year)
        if !(from...max(from, to)).contains(year), let record = rows[H.year] {
            throw record.error(H.value, "l'anno degli obiettivi operativi (\(year)) è fuori dal triennio \(from)-\(to)")
        }
        var status = base?.status ?? .draft
        if let record = rows[H.status] {
            let text = try record.requiredCode(H.value).lowercased()
            guard let found = PlanStatus.allCases.first(where: { $0.italian.lowercased() == text || $0.rawValue.lowercased() == text }) else {
                throw record.error(H.value, "stato sconosciuto «\(text)»: usare " + PlanStatus.allCases.map(\.italian).joined(separator: ", "))
            }
            status = found
        }
        var version = base?.version
        if let record = rows[H.version] {
            let value = try record.requiredInteger(H.value)
            guard value >= 1 else { throw record.error(H.value, "la versione parte da 1") }
            version = value
        }
        return HeaderValues(
            id: try text(H.id, base?.id), title: try text(H.title, base?.title), span: YearSpan(from: from, to: to), year: year,
            status: status, version: version, organizationID: try text(H.organizationID, base?.organization.id),
            organizationName: try text(H.organizationName, base?.organization.name))
    }

    // MARK: Dirigenti, Aziende speciali

    private func readManagers() throws -> [Manager]? {
        typealias M = PlanSheets.Managers
        guard let sheet = try records(M.schema) else { return nil }
        var managers: [Manager] = []
        for record in sheet.records {
            let id = try record.requiredCode(M.id)
            guard !managers.contains(where: { $0.id == id }) else { throw record.error(M.id, "dirigente ripetuto «\(id)»") }
            managers.append(Manager(id: id, name: try record.requiredText(M.name), honorific: try record.text(M.honorific),
                                    roles: try record.lines(M.roles) ?? [], units: try record.lines(M.units), agency: try record.code(M.agency)))
        }
        return managers
    }

    private func readAgencies() throws -> [SpecialAgency]? {
        typealias A = PlanSheets.Agencies
        guard let sheet = try records(A.schema) else { return nil }
        var agencies: [SpecialAgency] = []
        for record in sheet.records {
            let id = try record.requiredCode(A.id)
            let code = try record.requiredCode(A.code)
            guard !agencies.contains(where: { $0.id == id }) else { throw record.error(A.id, "azienda speciale ripetuta «\(id)»") }
            guard !agencies.contains(where: { $0.code == code }) else { throw record.error(A.code, "prefisso già usato «\(code)»") }
            let director = try record.code(A.director)
            if let director, !(managers ?? []).contains(where: { $0.id == director }) {
                throw record.error(A.director, "dirigente «\(director)» inesistente nel foglio Dirigenti")
            }
            agencies.append(SpecialAgency(id: id, code: code, name: try record.requiredText(A.name), description: try record.text(A.description),
                                          director: director))
        }
        return agencies
    }

    /// A manager who directs an agency must name one that exists.
    private func checkManagerAgencies() throws {
        guard let sheet = try records(PlanSheets.Managers.schema) else { return }
        for record in sheet.records {
            if let agency = try record.code(PlanSheets.Managers.agency), !(agencies ?? []).contains(where: { $0.id == agency }) {
                throw record.error(PlanSheets.Managers.agency, "azienda speciale «\(agency)» inesistente nel foglio Aziende speciali")
            }
        }
    }

    // MARK: Assegnazioni

    private func readAssignments(tree: ObjectiveTreeReader.Tree) throws -> [Assignment]? {
        typealias A = PlanSheets.Assignments
        guard let sheet = try records(A.schema) else { return nil }
        var assignments: [Assignment] = []
        var totalRows: [String: Int] = [:]
        for record in sheet.records {
            let manager = try record.requiredCode(A.manager)
            guard (managers ?? []).contains(where: { $0.id == manager }) else {
                throw record.error(A.manager, "dirigente «\(manager)» inesistente nel foglio Dirigenti")
            }
            let objective = try record.requiredCode(A.objective)
            guard tree.keys.contains(objective) else {
                throw record.error(A.objective, "obiettivo «\(objective)» inesistente nel foglio Obiettivi")
            }
            let item = AssignedObjective(objective: objective, weight: try record.requiredPercent(A.weight), printedTitle: try record.text(A.printedTitle))
            let position: Int
            if let found = assignments.firstIndex(where: { $0.manager == manager }) {
                position = found
            } else {
                assignments.append(Assignment(manager: manager, objectives: []))
                position = assignments.count - 1
            }
            assignments[position].objectives.append(item)
            if let total = try record.percent(A.printedTotal, range: 0...1_000) {
                if let earlier = totalRows[manager] {
                    throw record.error(A.printedTotal, "totale stampato già indicato alla riga \(earlier) per il dirigente «\(manager)»")
                }
                totalRows[manager] = record.row
                assignments[position].printedTotal = total
            }
        }
        return assignments
    }
}
