import Foundation
import Performa

/// Reading and writing SMVP files (`performa-smvp/1`, docs/smvp-format.md): YAML or JSON read by the plan files'
/// decoder (errors naming the line and the field, unknown keys refused), then checked by `SMVPCheck`.
public enum SMVPFile {
    public static func read(_ text: String, fileName: String = "smvp") throws -> SMVP {
        let smvp = try FileDecoding.decode(SMVP.self, from: text, fileName: fileName)
        if let problem = SMVPCheck.problems(smvp).first {
            let mark = FileDecoding.node(at: problem.path, in: try FileDecoding.compose(text, fileName: fileName)).mark
            throw FileError(file: fileName, line: mark?.line, field: FileDecoding.fieldPath(problem.path), message: problem.message)
        }
        return smvp
    }

    public static func read(contentsOf url: URL) throws -> SMVP {
        try read(try FileDecoding.readText(url), fileName: url.lastPathComponent)
    }

    /// Pretty-printed JSON with sorted keys (stable output); JSON is YAML, so `read` takes it back.
    public static func json(_ smvp: SMVP) throws -> String {
        try FileDecoding.json(smvp)
    }
}
