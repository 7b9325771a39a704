import Benchmark
import BenchmarkData
import Performa

/// Target-text parsing: every target and baseline text of the Brescia plan, parsed as a plan file does.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds,
                                           maxDuration: .seconds(3), maxIterations: 1_000)

    Benchmark("TargetParser: every target and baseline text of the Brescia plan") { benchmark in
        let texts = BresciaTexts.all
        benchmark.startMeasurement()
        for text in texts { blackHole(TargetParser.parse(text)) }
    }
}

enum BresciaTexts {
    /// Every target and baseline text of the plan, as written (about two hundred).
    static let all: [String] = {
        let plan = BenchmarkFiles.brescia().plan
        return PlanIndex(plan).indicators.flatMap { entry in
            entry.indicator.targets.map(\.target.text) + [entry.indicator.baseline?.text].compactMap { $0 }
        }
    }()
}
