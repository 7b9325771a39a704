import Foundation
import Performa

/// The people table from a file on disk: a CSV file (`PeopleCSV`), or an XLSX workbook whose sheet *Personale*
/// (or its only sheet) holds the same columns. Written back the same two ways; the template is the header with
/// the meaning of each column. Errors are `SpreadsheetError`s naming the row and the column.
public enum PeopleFile {
    public enum Format: String, Sendable, CaseIterable {
        case csv, xlsx
        /// The format a file name asks for: `.xlsx` → XLSX, anything else CSV.
        public static func of(_ path: String) -> Format { path.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv }
    }

    public static func read(contentsOf url: URL, format: Format? = nil) throws -> [Person] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SpreadsheetError(file: url.lastPathComponent, message: "file inesistente o illeggibile")
        }
        return try read(data, fileName: url.lastPathComponent, format: format)
    }

    /// The people of a file's bytes (an upload, or a file read by `read(contentsOf:)`); the format from the name
    /// when not given.
    public static func read(_ data: Data, fileName: String, format: Format? = nil) throws -> [Person] {
        switch format ?? .of(fileName) {
        case .csv:
            guard let text = String(data: data, encoding: .utf8) else {
                throw SpreadsheetError(file: fileName, message: "il file non è in UTF-8")
            }
            return try PeopleCSV.people(fromCSV: text, file: fileName)
        case .xlsx:
            let sheets = try XLSXReader.sheets(data, fileName: fileName)
            guard let grid = sheets.first(where: { $0.name == PeopleSheet.schema.name }) ?? (sheets.count == 1 ? sheets.first : nil) else {
                throw SpreadsheetError(file: fileName, message: "manca il foglio «\(PeopleSheet.schema.name)»")
            }
            return try PeopleCSV.people(from: grid, file: fileName)
        }
    }

    /// `133 persone: 3 dirigenti, 1 Segretario Generale, …`.
    public static func summary(_ people: [Person]) -> String {
        let counts = PersonCategory.allCases.compactMap { category -> String? in
            let count = people.filter { $0.category == category }.count
            return count == 0 ? nil : "\(count) \(category.italian)"
        }
        return "\(people.count) persone" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))
    }

    /// The people as file bytes in `format`.
    public static func data(_ people: [Person], format: Format) throws -> Data {
        switch format {
        case .csv: return Data(PeopleCSV.csv(people).utf8)
        case .xlsx: return try XLSXWriter.data([PeopleCSV.table(people)])
        }
    }

    /// The blank table to fill in: in XLSX an *Istruzioni* sheet with each column's meaning, then *Personale*;
    /// in CSV the header line alone (the meanings are in docs/smvp-format.md).
    public static func template(format: Format) throws -> Data {
        switch format {
        case .csv: return try data([], format: .csv)
        case .xlsx:
            let rows: [[SheetCell]] = PeopleSheet.schema.columns.map { [.text($0.header), .text($0.required ? "SI" : ""), .text($0.meaning)] }
            let instructions = SheetTable(name: TemplateWorkbook.instructionsSheet, columns: [.init("Colonna", maxWidth: 20), .init("Obbligatoria", maxWidth: 12),
                                                                                            .init("Contenuto", maxWidth: 90)], rows: rows)
            return try XLSXWriter.data([instructions, PeopleCSV.table([])])
        }
    }
}
