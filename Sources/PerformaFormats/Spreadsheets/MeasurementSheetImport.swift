import Performa

/// Reads measurements from the Rilevazioni sheet into results for a plan, checked against the plan as a
/// results file is (`ResultsFile.problem`): the indicator must exist, have a target at that checkpoint,
/// and the value must suit the target. The first problem throws, naming the sheet, the row and the column.
public enum MeasurementSheetImport {
    /// - Parameter base: results the new measurements are added to (after its own, so that a value for
    ///   the same indicator and checkpoint is a correction); a new results set for the plan when nil.
    public static func results(from sheets: [SheetGrid], plan: Plan, base: Results? = nil, file: String? = nil) throws -> Results {
        typealias M = MeasurementSheet
        guard let grid = sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces) == M.schema.name }) else {
            throw SpreadsheetError(file: file, sheet: M.schema.name, message: "manca il foglio \(M.schema.name) con le rilevazioni")
        }
        let sheet = try SheetRecords(grid, schema: M.schema, file: file)
        var results = base ?? Results(plan: plan.id)
        let offset = results.measurements.count
        var rows: [SheetRecord] = []
        for record in sheet.records where [M.value, M.note, M.author, M.recordedAt, M.evidence].contains(where: record.has) {
            let key = IndicatorKey(objective: try record.requiredCode(M.objective), number: try record.requiredInteger(M.number))
            let at = try record.requiredDay(M.checkpoint)
            let text = try record.requiredCode(M.value)
            let note = try record.text(M.note), author = try record.code(M.author)
            var measurement: Measurement
            do throws(MeasurementError) {
                measurement = try Measurement(indicator: key, at: at, text: text, note: note, author: author)
            } catch {
                throw record.error(M.value, error.description)
            }
            measurement.recordedAt = try record.code(M.recordedAt)
            measurement.evidence = try record.lines(M.evidence)
            results.measurements.append(measurement)
            rows.append(record)
        }
        if let problem = ResultsFile.problem(in: results, plan: plan) {
            guard problem.path.count >= 3, problem.path[0].stringValue == "measurements", let position = problem.path[1].intValue,
                  position >= offset else {
                throw SpreadsheetError(file: file, message: problem.message)
            }
            let record = rows[position - offset]
            let column: String
            switch problem.path[2].stringValue {
            case "indicator": column = PlanIndex(plan).entry(results.measurements[position].indicator.objective) == nil ? M.objective : M.number
            case "at": column = M.checkpoint
            case "note": column = M.note
            case "author": column = M.author
            case "recordedAt": column = M.recordedAt
            case "evidence": column = M.evidence
            default: column = M.value
            }
            throw record.error(column, problem.message)
        }
        return results
    }
}
