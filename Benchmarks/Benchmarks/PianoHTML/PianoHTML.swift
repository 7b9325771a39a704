import Benchmark
import BenchmarkData
import PerformaReports

/// The Piano della Performance of Brescia as a print-ready HTML document (target: under 20 ms).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .milliseconds,
                                           maxDuration: .seconds(5), maxIterations: 500)

    Benchmark("Brescia: Piano HTML (PlanDocument)") { benchmark in
        let plan = BenchmarkFiles.brescia().plan
        benchmark.startMeasurement()
        blackHole(PlanDocument(plan: plan).render())
    }
}
