import Foundation
import Performa
import Yams

/// Reading and writing plan files (YAML or JSON; JSON is read by the YAML reader, being a subset of it).
public enum PlanFile {
    /// Reads a plan from YAML or JSON text. Errors name the line and the field, in Italian.
    public static func read(_ text: String, fileName: String = "piano") throws -> Plan {
        let plan = try FileDecoding.decode(Plan.self, from: text, fileName: fileName)
        if let problem = InputLimits.planProblem(plan) {
            let mark = FileDecoding.node(at: problem.path, in: try FileDecoding.compose(text, fileName: fileName)).mark
            throw FileError(file: fileName, line: mark?.line, field: FileDecoding.fieldPath(problem.path), message: problem.message)
        }
        return plan
    }

    public static func read(contentsOf url: URL) throws -> Plan {
        try read(try FileDecoding.readText(url), fileName: url.lastPathComponent)
    }

    /// Writes a plan as YAML, in the key order of the model, readable and editable by hand (`ReadableYAML`).
    public static func yaml(_ plan: Plan) throws -> String {
        try ReadableYAML.text(plan)
    }

    /// Writes a plan as pretty-printed JSON with sorted keys (stable output).
    public static func json(_ plan: Plan) throws -> String {
        try FileDecoding.json(plan)
    }
}
