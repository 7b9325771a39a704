import Foundation
import Testing
import Performa
@testable import PerformaFormats

/// Helpers of the spreadsheet tests: scratch folders, the sheets of a workbook by name, and LibreOffice.
enum SpreadsheetTestSupport {
    /// A fresh folder under the system's temporary folder; the caller removes it.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("performa-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func sheet(_ name: String, in sheets: [SheetGrid]) throws -> SheetGrid {
        try #require(sheets.first { $0.name == name }, "no sheet \(name)")
    }

    /// The value of a cell of a grid, by row number and header.
    static func value(_ grid: SheetGrid, row: Int, header: String) throws -> SheetValue? {
        let headerRow = try #require(grid.rows.first)
        let column = try #require(headerRow.cells.first { $0.value.text == header }?.key, "no column \(header) in \(grid.name)")
        return grid.rows.first { $0.number == row }?.cells[column]
    }

    /// Replaces the value of one cell of a table, found by its row (0-based, after the header) and header.
    static func replacing(_ tables: [SheetTable], sheet: String, row: Int, header: String, with cell: SheetCell) throws -> [SheetTable] {
        var tables = tables
        let tableIndex = try #require(tables.firstIndex { $0.name == sheet })
        let column = try #require(tables[tableIndex].columns.firstIndex { $0.header == header }, "no column \(header) in \(sheet)")
        tables[tableIndex].rows[row][column] = cell
        return tables
    }

    static func rowIndex(_ tables: [SheetTable], sheet: String, where match: [String: String]) throws -> Int {
        let table = try #require(tables.first { $0.name == sheet })
        return try #require(table.rows.firstIndex { row in
            match.allSatisfy { header, text in
                guard let column = table.columns.firstIndex(where: { $0.header == header }) else { return false }
                return row[column].csvText == text
            }
        }, "no row \(match) in \(sheet)")
    }
}

/// LibreOffice run headless, as CI installs it (`.ci/install-libreoffice.sh`), with a throw-away profile
/// and home folder so that it needs no user set-up and leaves nothing behind.
enum LibreOffice {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/soffice"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "LibreOffice (soffice) non è installato: eseguire .ci/install-libreoffice.sh")
    }

    /// `soffice --headless --convert-to FILTER --outdir OUT FILE`, in the C locale (so numbers print as
    /// `40.00%`, `€ 50,000.00`). Returns the output folder's files.
    @discardableResult
    static func convert(_ file: URL, to filter: String, in folder: URL) throws -> [URL] {
        let home = folder.appendingPathComponent("home")
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["-env:UserInstallation=file://\(home.path)/profile", "--headless", "--norestore",
                             "--convert-to", filter, "--outdir", output.path, file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let log = folder.appendingPathComponent("soffice.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let files = try FileManager.default.contentsOfDirectory(at: output, includingPropertiesForKeys: nil)
        guard process.terminationStatus == 0, !files.isEmpty else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(description: "soffice non ha convertito \(file.lastPathComponent) (stato \(process.terminationStatus)): \(text)")
        }
        return files
    }

    /// Every sheet of a workbook as CSV (one file per sheet, `FILE-Sheet.csv`), UTF-8, commas, values
    /// as displayed (`asShown`) or raw.
    static func csvSheets(of workbook: URL, asShown: Bool, in folder: URL) throws -> [String: [[String]]] {
        // Filter options: separator 44 (,), quote 34 ("), UTF-8 (76), from row 1, …, token 9 = save as shown,
        // token 12 = -1: every sheet to its own file.
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,\(asShown),false,false,-1"
        var sheets: [String: [[String]]] = [:]
        let stem = workbook.deletingPathExtension().lastPathComponent + "-"
        for file in try convert(workbook, to: filter, in: folder) where file.pathExtension == "csv" {
            let name = String(file.deletingPathExtension().lastPathComponent.dropFirst(stem.count))
            let grid = try CSVReader.grid(String(contentsOf: file, encoding: .utf8), name: name)
            sheets[name] = grid.rows.map { row in
                let width = (row.cells.keys.max() ?? -1) + 1
                return (0..<width).map { row.cells[$0]?.text ?? "" }
            }
        }
        return sheets
    }
}
