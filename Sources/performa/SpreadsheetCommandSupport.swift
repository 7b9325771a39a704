import ArgumentParser
import Foundation
import Performa
import PerformaFormats

/// Input and output shared by the spreadsheet, template and open-data commands: spreadsheet errors
/// become an Italian message and exit status 2, like file errors in `CommandSupport`.
enum SpreadsheetCommandSupport {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xlsx, csv

        /// The format the output path asks for: `.xlsx` → XLSX, anything else a folder of CSV files.
        static func resolve(_ explicit: Format?, output: String) -> Format {
            explicit ?? (output.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv)
        }
    }

    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try CommandSupport.reporting(body)
        } catch let error as SpreadsheetError {
            CommandSupport.printError("Errore: \(error)")
            throw ExitCode(2)
        }
    }

    /// Writes tables as one XLSX workbook, or as one CSV file per table inside the folder `output`.
    static func write(_ tables: [SheetTable], format: Format, to output: String) throws {
        let url = URL(fileURLWithPath: output)
        do {
            switch format {
            case .xlsx: try XLSXWriter.write(tables, to: url)
            case .csv: try SpreadsheetCSV.write(tables, to: url)
            }
        } catch {
            CommandSupport.printError("Errore: impossibile scrivere «\(output)» (\(error.localizedDescription))")
            throw ExitCode(2)
        }
    }

    static func checkpoint(_ text: String?, plan: Plan) throws -> Day {
        guard let text else { return .yearEnd(plan.year) }
        guard let day = Day(parsing: text) else { throw ValidationError("Data non valida per --at: «\(text)» (usare AAAA-MM-GG, es. 2021-12-31).") }
        return day
    }
}
