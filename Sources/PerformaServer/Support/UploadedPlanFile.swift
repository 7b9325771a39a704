import Foundation
import Performa
import PerformaFormats

/// A plan or results file uploaded in the browser, read with the same readers as `performa import` and
/// `performa spreadsheet`: a plan as YAML, JSON or the XLSX template; results as YAML or JSON, or the measurement sheet
/// as XLSX or CSV. An unreadable file is refused with the reader's own message (line, or sheet, row and column).
enum UploadedPlanFile {
    enum Kind: String, CaseIterable, Sendable {
        case plan = "piano", results = "risultati"

        var italian: String {
            switch self {
            case .plan: return "piano (YAML, JSON o modello XLSX)"
            case .results: return "risultati (YAML o JSON) o foglio delle rilevazioni (XLSX o CSV)"
            }
        }
    }

    enum Content: Sendable {
        case plan(Plan)
        case results(Results)
    }

    struct Refused: Error, Sendable {
        var message: String
    }

    /// Largest file accepted here: the confirmation sends it back encoded in base64, within the request limit.
    static let maximumBytes = 15 * 1024 * 1024

    static func read(_ data: Data, fileName: String, kind: Kind, plan: Plan?, currentResults: Results?) throws(Refused) -> Content {
        guard !data.isEmpty else { throw Refused(message: "Il file «\(fileName)» è vuoto.") }
        guard data.count <= maximumBytes else {
            throw Refused(message: "Il file «\(fileName)» supera \(maximumBytes / 1024 / 1024) MB: per file così grandi usare «performa import».")
        }
        let suffix = (fileName as NSString).pathExtension.lowercased()
        do {
            switch (kind, suffix) {
            case (.plan, "yaml"), (.plan, "yml"), (.plan, "json"):
                return .plan(try PlanFile.read(try text(data, fileName), fileName: fileName))
            case (.plan, "xlsx"):
                return .plan(try PlanSheetImport.plan(from: try XLSXReader.sheets(data, fileName: fileName), file: fileName))
            case (.results, "yaml"), (.results, "yml"), (.results, "json"):
                return .results(try ResultsFile.read(try text(data, fileName), plan: try required(plan), fileName: fileName))
            case (.results, "xlsx"):
                return .results(try MeasurementSheetImport.results(from: try XLSXReader.sheets(data, fileName: fileName), plan: try required(plan),
                                                                   base: currentResults, file: fileName))
            case (.results, "csv"):
                let grid = try CSVReader.grid(try text(data, fileName), name: MeasurementSheet.schema.name)
                return .results(try MeasurementSheetImport.results(from: [grid], plan: try required(plan), base: currentResults, file: fileName))
            default:
                throw Refused(message: "Formato di «\(fileName)» non riconosciuto per un file di \(kind.italian).")
            }
        } catch let refused as Refused {
            throw refused
        } catch {
            throw Refused(message: "\(error)")
        }
    }

    private static func text(_ data: Data, _ fileName: String) throws(Refused) -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw Refused(message: "Il file «\(fileName)» non è testo UTF-8.") }
        return text
    }

    private static func required(_ plan: Plan?) throws(Refused) -> Plan {
        guard let plan else { throw Refused(message: "Scegliere il piano a cui si riferiscono i risultati.") }
        return plan
    }
}
