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
        switch format ?? .of(url.path) {
        case .csv:
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SpreadsheetError(file: url.lastPathComponent, message: "file inesistente o illeggibile")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw SpreadsheetError(file: url.lastPathComponent, message: "il file non è in UTF-8")
            }
            return try PeopleCSV.people(fromCSV: text, file: url.lastPathComponent)
        case .xlsx:
            let sheets = try XLSXReader.sheets(contentsOf: url)
            guard let grid = sheets.first(where: { $0.name == PeopleSheet.schema.name }) ?? (sheets.count == 1 ? sheets.first : nil) else {
                throw SpreadsheetError(file: url.lastPathComponent, message: "manca il foglio «\(PeopleSheet.schema.name)»")
            }
            return try PeopleCSV.people(from: grid, file: url.lastPathComponent)
        }
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
