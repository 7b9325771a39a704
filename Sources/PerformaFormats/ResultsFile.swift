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
        let index = PlanIndex(plan)
        func fail(_ path: [CodingKey], _ message: String) -> FileError {
            let mark = FileDecoding.node(at: path, in: root).mark
            return FileError(file: fileName, line: mark?.line, column: mark?.column, field: FileDecoding.fieldPath(path), message: message)
        }
        if results.plan != plan.id {
            throw fail([PathKey("plan")], "i risultati si riferiscono al piano «\(results.plan)», non a «\(plan.id)»")
        }
        for (position, measurement) in results.measurements.enumerated() {
            let path: [CodingKey] = [PathKey("measurements"), PathKey(position)]
            guard let indicator = index.indicator(measurement.indicator) else {
                throw fail(path + [PathKey("indicator")], "indicatore «\(measurement.indicator)» inesistente nel piano")
            }
            guard let entry = indicator.target(at: measurement.at) else {
                let dates = indicator.targets.map(\.at.italian).joined(separator: ", ")
                throw fail(path + [PathKey("at")], "l'indicatore \(measurement.indicator) non ha un target al \(measurement.at.italian) (scadenze: \(dates))")
            }
            if let problem = measurement.value.problem(for: entry.target.kind) {
                throw fail(path + [PathKey("value")], "\(measurement.indicator): \(problem)")
            }
        }
        for (position, neutralisation) in (results.neutralisations ?? []).enumerated() where index.indicator(neutralisation.indicator) == nil {
            throw fail([PathKey("neutralisations"), PathKey(position), PathKey("indicator")], "indicatore «\(neutralisation.indicator)» inesistente nel piano")
        }
        for (position, override) in (results.overrides ?? []).enumerated() {
            let known = index.entry(override.subject) != nil || IndicatorKey(parsing: override.subject).flatMap(index.indicator) != nil
            if !known {
                throw fail([PathKey("overrides"), PathKey(position), PathKey("subject")], "«\(override.subject)» non è un obiettivo né un indicatore del piano")
            }
            if !(0...1_000).contains(override.achievement) || !override.achievement.isFinite {
                throw fail([PathKey("overrides"), PathKey(position), PathKey("achievement")], "grado di raggiungimento fuori scala: \(override.achievement)")
            }
        }
        return results
    }

    public static func read(contentsOf url: URL, plan: Plan) throws -> Results {
        try read(try FileDecoding.readText(url), plan: plan, fileName: url.lastPathComponent)
    }

    public static func yaml(_ results: Results) throws -> String { try YAMLEncoder().encode(results) }
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
