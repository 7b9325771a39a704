import Foundation
import Performa
import PerformaFormats

/// The repository's example files, found from this source file's location (the benchmarks run from a
/// build of this folder, inside the repository).
public enum BenchmarkFiles {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let bresciaPlanFile = repository.appendingPathComponent("examples/cciaa-brescia-2021-2023.yaml")
    public static let bresciaResultsFile = repository.appendingPathComponent("examples/results-2021.yaml")

    /// The Brescia plan and its illustrative 2021 results. A benchmark without them cannot run: stop with the reason.
    public static func brescia() -> (plan: Plan, results: Results) {
        do {
            let plan = try PlanFile.read(contentsOf: bresciaPlanFile)
            return (plan, try ResultsFile.read(contentsOf: bresciaResultsFile, plan: plan))
        } catch {
            fatalError("Impossibile leggere il piano di Brescia da \(repository.path): \(error)")
        }
    }
}
