import Foundation

/// Tables as CSV for spreadsheet programs: UTF-8 with a byte order mark (without it Excel reads UTF-8 as
/// a legacy code page and garbles accented letters), `;` between fields, CRLF line ends, Italian formats
/// (`1.489`, `97,4`, `30,00%`, `€ 50.000,00`, `31/12/2021`, `SI`/`NO`). One file per table.
public enum SpreadsheetCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func text(_ table: SheetTable) -> String {
        let writer = CSVWriter()
        var out = byteOrderMark + writer.line(table.columns.map(\.header))
        for row in table.rows { out += writer.line(row.map(\.csvText)) }
        return out
    }

    /// The file a table is written to inside a folder: its sheet name, `.csv`.
    public static func fileName(_ table: SheetTable) -> String { table.name + ".csv" }

    /// Writes each table to `folder/<sheet>.csv`, creating the folder.
    public static func write(_ tables: [SheetTable], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for table in tables {
            try Data(text(table).utf8).write(to: folder.appendingPathComponent(fileName(table)), options: .atomic)
        }
    }
}
