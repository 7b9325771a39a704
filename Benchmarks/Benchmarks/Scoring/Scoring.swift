import Benchmark
import BenchmarkData
import Performa
import PerformaBulk

/// Scoring and validation of the Brescia plan with the illustrative 2021 results: the full scorecard
/// (every indicator, objective, area, the organization, the agency and the managers, with notes), the
/// validator, and both together (the target: under 1 ms).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds,
                                           maxDuration: .seconds(3), maxIterations: 10_000)

    Benchmark("Brescia: scorecard at 31/12 (Scorer)") { benchmark in
        let (plan, results) = Brescia.data
        benchmark.startMeasurement()
        blackHole(Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)))
    }

    Benchmark("Brescia: validation") { benchmark in
        let (plan, _) = Brescia.data
        benchmark.startMeasurement()
        blackHole(PlanValidator().validate(plan))
    }

    Benchmark("Brescia: validation + scorecard") { benchmark in
        let (plan, results) = Brescia.data
        benchmark.startMeasurement()
        blackHole(PlanValidator().validate(plan))
        blackHole(Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)))
    }

    Benchmark("Brescia: compiled roll-up (compile + score)") { benchmark in
        let (plan, results) = Brescia.data
        benchmark.startMeasurement()
        var rollUp = CompiledRollUp(checkpoint: .yearEnd(2021))
        rollUp.add(plan, results: results)
        blackHole(rollUp.organizationScore(0))
    }
}

enum Brescia {
    static let data = BenchmarkFiles.brescia()
}
