import Foundation

/// The sheets of a spreadsheet given on the command line: an `.xlsx` workbook, one `.csv` file, or a
/// folder of `.csv` files named after their sheets (`Obiettivi.csv`, `Indicatori.csv`, …).
public enum SpreadsheetInput {
    /// - Parameter csvSheet: the sheet a single CSV file stands for (`Rilevazioni`); its file name otherwise.
    public static func sheets(at url: URL, csvSheet: String? = nil) throws -> [SheetGrid] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw SpreadsheetError(file: url.path, message: "file o cartella inesistente")
        }
        if isFolder.boolValue {
            let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension.lowercased() == "csv" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            guard !files.isEmpty else { throw SpreadsheetError(file: url.path, message: "la cartella non contiene file .csv") }
            return try files.map { try CSVReader.grid(contentsOf: $0, name: $0.deletingPathExtension().lastPathComponent) }
        }
        switch url.pathExtension.lowercased() {
        case "xlsx": return try XLSXReader.sheets(contentsOf: url)
        case "csv": return [try CSVReader.grid(contentsOf: url, name: csvSheet ?? url.deletingPathExtension().lastPathComponent)]
        default:
            throw SpreadsheetError(file: url.lastPathComponent, message: "formato non riconosciuto: usare un file .xlsx, un file .csv o una cartella di file .csv")
        }
    }
}
