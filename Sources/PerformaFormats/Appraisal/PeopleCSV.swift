import Foundation
import Performa

/// People import and export as CSV with Italian headers (`PeopleSheet`). The import reads the whole file or
/// nothing: the first problem throws, naming the row and the column.
public enum PeopleCSV {
    public static func csv(_ people: [Person]) -> String {
        SpreadsheetCSV.text(table(people))
    }

    public static func table(_ people: [Person]) -> SheetTable {
        typealias S = PeopleSheet
        let records: [[String: SheetCell]] = people.map { person in
            var row: [String: SheetCell] = [
                S.id: .text(person.id), S.name: .text(person.name), S.category: .text(categoryText(person.category)),
                S.unit: .text(person.unit),
                S.partTime: .text(ItalianNumber.format(person.partTime * 100, fractionDigits: 2)),
            ]
            if let code = person.fiscalCode { row[S.fiscalCode] = .text(code) }
            if let area = person.area {
                row[S.area] = .text(areaText(area))
                row[S.legacyCategory] = .text(area.legacyCategory.rawValue)
            }
            if let evaluator = person.evaluator { row[S.evaluator] = .text(evaluator) }
            if let from = person.serviceFrom { row[S.serviceFrom] = .text(from.italian) }
            if let to = person.serviceTo { row[S.serviceTo] = .text(to.italian) }
            if let note = person.note { row[S.note] = .text(note) }
            return row
        }
        return SheetTable(name: S.schema.name, columns: S.schema.columns.map(\.tableColumn), records: records)
    }

    /// The category as the sheet writes it.
    static func categoryText(_ category: PersonCategory) -> String {
        switch category {
        case .segretarioGenerale: return "Segretario Generale"
        case .dirigente: return "dirigente"
        case .elevataQualificazione: return "EQ"
        case .comparto: return "comparto"
        }
    }

    static func areaText(_ area: StaffArea) -> String {
        switch area {
        case .operatori: return "Operatori"
        case .operatoriEsperti: return "Operatori esperti"
        case .istruttori: return "Istruttori"
        case .funzionari: return "Funzionari"
        }
    }

    public static func people(fromCSV text: String, file: String = "personale.csv") throws -> [Person] {
        let grid: SheetGrid
        do {
            grid = try CSVReader.grid(text, name: PeopleSheet.schema.name)
        } catch {
            throw SpreadsheetError(file: file, sheet: PeopleSheet.schema.name, row: error.record, message: error.message)
        }
        return try people(from: grid, file: file)
    }

    public static func people(from grid: SheetGrid, file: String? = nil) throws -> [Person] {
        typealias S = PeopleSheet
        let sheet = try SheetRecords(grid, schema: S.schema, file: file)
        var people: [Person] = []
        var seen: [String: Int] = [:]
        for record in sheet.records {
            let id = try record.requiredCode(S.id)
            if let first = seen[id] { throw record.error(S.id, "persona ripetuta «\(id)» (già alla riga \(first))") }
            seen[id] = record.row
            let categoryText = try record.requiredCode(S.category)
            guard let category = PersonCategory(parsing: categoryText) else {
                throw record.error(S.category, "categoria sconosciuta «\(categoryText)»: attesa dirigente, Segretario Generale, EQ oppure comparto")
            }
            var area: StaffArea?
            if let text = try record.code(S.area) {
                guard let parsed = StaffArea(parsing: text) else {
                    throw record.error(S.area, "area sconosciuta «\(text)»: attesa Operatori, Operatori esperti, Istruttori o Funzionari (oppure A, B, C, D)")
                }
                area = parsed
            }
            if let text = try record.code(S.legacyCategory) {
                guard let legacy = LegacyCategory(parsing: text) else { throw record.error(S.legacyCategory, "categoria 2021 sconosciuta «\(text)»: attesa A, B, C o D") }
                if let area, area.legacyCategory != legacy {
                    throw record.error(S.legacyCategory, "la categoria \(legacy.rawValue) non corrisponde all'area «\(areaText(area))» (categoria \(area.legacyCategory.rawValue))")
                }
                area = StaffArea(legacy)
            }
            // Read back to the millionth: `83,33` is 0,8333, as exported, without binary noise.
            let partTime = ((try record.percent(S.partTime, range: 0...100) ?? 100) * 10_000).rounded() / 1_000_000
            let person = Person(id: id, name: try record.requiredText(S.name).trimmingCharacters(in: .whitespacesAndNewlines),
                                fiscalCode: try record.code(S.fiscalCode), category: category, area: area, unit: try record.requiredCode(S.unit),
                                evaluator: try record.code(S.evaluator), partTime: partTime, serviceFrom: try record.day(S.serviceFrom),
                                serviceTo: try record.day(S.serviceTo), note: try record.text(S.note))
            if let problem = person.problems.first {
                let column: String
                switch problem.field {
                case "fiscalCode": column = S.fiscalCode
                case "partTime": column = S.partTime
                case "area": column = S.area
                case "serviceTo": column = S.serviceTo
                case "name": column = S.name
                default: column = S.id
                }
                throw record.error(column, problem.message)
            }
            people.append(person)
        }
        return people
    }
}
