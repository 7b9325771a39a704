import Benchmark
import BenchmarkData
import Foundation
import Performa
import PerformaBulk
import PerformaFormats

/// Importing plan files: the Brescia plan, and 100 generated organizations of 300 indicators each
/// (30,000 indicators; a plan file holds one organization, so that is 100 files) read with
/// `PlanFile.read` — YAML parsing, decoding, and the check that refuses unknown fields (target: under 3 s).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds,
                                           maxDuration: .seconds(20), maxIterations: 20)

    Benchmark("Import: Brescia plan (YAML)") { benchmark in
        let text = PlanTexts.brescia
        benchmark.startMeasurement()
        blackHole(try PlanFile.read(text, fileName: "cciaa-brescia-2021-2023.yaml"))
    }

    Benchmark("Import: 100 organizations x 300 indicators (100 YAML files, 30,000 indicators)") { benchmark in
        let texts = PlanTexts.national
        benchmark.startMeasurement()
        for (name, text) in texts { blackHole(try PlanFile.read(text, fileName: name)) }
    }
}

enum PlanTexts {
    static let brescia: String = (try? String(contentsOf: BenchmarkFiles.bresciaPlanFile, encoding: .utf8)) ?? ""

    /// The files `performa generate --organizations 100 --indicators-per-org 300 --seed 1` writes.
    static let national: [(String, String)] = {
        let generator = SyntheticPlans(organizations: 100, indicatorsPerOrganization: 300, seed: 1)
        return (0..<100).map { index in
            let plan = generator.plan(index)
            return (plan.id + ".yaml", (try? PlanFile.yaml(plan)) ?? "")
        }
    }()
}
