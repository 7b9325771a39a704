import Foundation
import Performa

/// The limits on what Performa reads from outside (plan and results files, CSV and XLSX imports, uploads),
/// defined once. Real plans are far below them (the Brescia plan is 0,3 MB, nests 12 levels deep); a file
/// over a limit is refused with an Italian message before anything is parsed or written.
public enum InputLimits {
    /// Largest plan, results, CSV or XLSX file (bytes).
    public static let maximumFileBytes = 50 * 1024 * 1024
    /// Largest uncompressed part of an XLSX package (bytes): the guard against ZIP bombs, enforced on the
    /// bytes actually inflated, not on the size the archive declares.
    public static let maximumPartBytes = 200 * 1024 * 1024
    /// Deepest nesting of YAML/JSON collections. libyaml alone stops at 1.000, deep enough to exhaust the
    /// stack of the recursive decoders on a server thread.
    public static let maximumNestingDepth = 64
    /// Largest sheet, as Excel's own limits: rows and columns.
    public static let maximumSheetRows = 1_048_576
    public static let maximumSheetColumns = 16_384

    /// Years a plan may speak of (as `Day.isValid` and the plan sheet's import): code iterates over the span's
    /// years, so `span: {from: 1, to: 9223372036854775807}` would never finish.
    public static let planYears = 1900...2200

    /// The field of `plan` outside these limits and an Italian message; nil when there is none.
    static func planProblem(_ plan: Plan) -> (path: [CodingKey], message: String)? {
        let range = "\(planYears.lowerBound)–\(planYears.upperBound)"
        if !planYears.contains(plan.span.from) { return ([PathKey("span"), PathKey("from")], "anno fuori dai limiti (\(range)): \(plan.span.from)") }
        if !planYears.contains(plan.span.to) { return ([PathKey("span"), PathKey("to")], "anno fuori dai limiti (\(range)): \(plan.span.to)") }
        if !planYears.contains(plan.year) { return ([PathKey("year")], "anno fuori dai limiti (\(range)): \(plan.year)") }
        return nil
    }

    /// Megabytes in Italian, for messages: `50 MB`.
    static func megabytes(_ bytes: Int) -> String { "\((bytes + 1024 * 1024 - 1) / (1024 * 1024)) MB" }

    /// Why the file at `url` must not be read (too large), nil when it may. Checked before reading, so that
    /// a huge file is never loaded into memory.
    public static func sizeProblem(of url: URL) -> String? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
              size > maximumFileBytes else { return nil }
        return "il file è troppo grande (\(megabytes(size)), il massimo è \(megabytes(maximumFileBytes)))"
    }

    /// The text of a plan or results file: refused (`FileError`, in Italian) when too large or not UTF-8.
    public static func text(contentsOf url: URL) throws -> String { try FileDecoding.readText(url) }

    /// The bytes of a file no larger than the limit.
    /// - Parameter refuse: builds the caller's error from an Italian message.
    static func data(contentsOf url: URL, refuse: (String) -> any Error) throws -> Data {
        if let problem = sizeProblem(of: url) { throw refuse(problem) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw refuse("impossibile leggere il file (\(error.localizedDescription))")
        }
        // The file may have grown between the check and the read.
        guard data.count <= maximumFileBytes else {
            throw refuse("il file è troppo grande (\(megabytes(data.count)), il massimo è \(megabytes(maximumFileBytes)))")
        }
        return data
    }
}
