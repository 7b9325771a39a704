import Foundation
import Performa
import Yams

/// Reading and writing results files (`performa-results/1`): measurements, neutralisations, OIV overrides.
public enum ResultsFile {
    /// Reads results and checks them against the plan: every indicator must exist and every value must suit
    /// its target at that checkpoint. The first problem is thrown with its line.
    public static func read(_ text: String, plan: Plan, fileName: String = "risultati") throws -> Results {
        let results = try FileDecoding.decode(Results.self, from: text, fileName: fileName)
        let root = try FileDecoding.compose(text, fileName: fileName)
        func fail(_ path: [CodingKey], _ message: String) -> FileError {
            let mark = FileDecoding.node(at: path, in: root).mark
            return FileError(file: fileName, line: mark?.line, column: mark?.column, field: FileDecoding.fieldPath(path), message: message)
        }
        if let problem = problem(in: results, plan: plan) { throw fail(problem.path, problem.message) }
        return results
    }

    /// The first way `results` does not fit `plan`: the path of the offending field and an Italian message.
    /// Shared by every reader of results (this file format, the measurement sheet), so they check alike.
    static func problem(in results: Results, plan: Plan) -> (path: [CodingKey], message: String)? {
        // Lengths, control characters and scales first (`FieldLimits`), as every way in checks them.
        if let problem = FieldLimits.firstProblem(in: results) { return (problem.path, problem.message) }
        let index = PlanIndex(plan)
        if results.plan != plan.id {
            return ([PathKey("plan")], "i risultati si riferiscono al piano «\(results.plan)», non a «\(plan.id)»")
        }
        for (position, measurement) in results.measurements.enumerated() {
            let path: [CodingKey] = [PathKey("measurements"), PathKey(position)]
            guard let indicator = index.indicator(measurement.indicator) else {
                return (path + [PathKey("indicator")], "indicatore «\(measurement.indicator)» inesistente nel piano")
            }
            guard let entry = indicator.target(at: measurement.at) else {
                let dates = indicator.targets.map(\.at.italian).joined(separator: ", ")
                return (path + [PathKey("at")], "l'indicatore \(measurement.indicator) non ha un target al \(measurement.at.italian) (scadenze: \(dates))")
            }
            if let problem = measurement.value.problem(for: entry.target.kind) {
                return (path + [PathKey("value")], "\(measurement.indicator): \(problem)")
            }
        }
        for (position, neutralisation) in (results.neutralisations ?? []).enumerated() where index.indicator(neutralisation.indicator) == nil {
            return ([PathKey("neutralisations"), PathKey(position), PathKey("indicator")], "indicatore «\(neutralisation.indicator)» inesistente nel piano")
        }
        for (position, override) in (results.overrides ?? []).enumerated() {
            let known = index.entry(override.subject) != nil || IndicatorKey(parsing: override.subject).flatMap(index.indicator) != nil
            if !known {
                return ([PathKey("overrides"), PathKey(position), PathKey("subject")], "«\(override.subject)» non è un obiettivo né un indicatore del piano")
            }
        }
        return nil
    }

    public static func read(contentsOf url: URL, plan: Plan) throws -> Results {
        try read(try FileDecoding.readText(url), plan: plan, fileName: url.lastPathComponent)
    }

    public static func yaml(_ results: Results) throws -> String { try ReadableYAML.text(results) }
}

/// A coding key built by hand, to point at a place in a file.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) {
        stringValue = string
        intValue = nil
    }
    init(_ index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}
