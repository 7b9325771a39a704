import Benchmark
import BenchmarkData
import Performa
import PerformaBulk
import Synchronization

/// The national roll-up for one checkpoint: generated organizations of 300 indicators each (seed 1),
/// compiled once in the setup, then measured: the full compiled roll-up (target: 10,000 organizations,
/// 3 M indicators, under 100 ms on one core), the bare weighted-sum loop over the same arrays (the
/// "within 4×" reference), re-scoring one measurement with 3 M indicators loaded (target: under 50 µs),
/// and the full roll-up at 1,000 and 3,000 organizations to show how the cost grows.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuUser, .throughput, .peakMemoryResident], timeUnits: .milliseconds,
                                           warmupIterations: 2, maxDuration: .seconds(15), maxIterations: 40)

    for organizations in [1_000, 3_000, 10_000] {
        let size = "\(organizations / 1_000),000 organizations x 300 indicators"
        Benchmark("Compiled roll-up: \(size)", closure: { _ in
            national.withLock { $0!.rollUp.rollUp() }
        }, setup: { await prepare(organizations) })

        Benchmark("Bare weighted-sum loop: \(size)", closure: { _ in
            blackHole(national.withLock { state in
                // Moved out and back, so that both columns stay uniquely owned (no copy).
                var current = state.take()!
                defer { state = current }
                return current.bare.run(current.rollUp)
            })
        }, setup: { await prepare(organizations) })
    }

    Benchmark("Incremental re-score of one measurement (3 M indicators loaded)",
              configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, scalingFactor: .kilo,
                                   maxDuration: .seconds(10), maxIterations: 200),
              closure: { benchmark in
                  national.withLock { state in
                      for _ in benchmark.scaledIterations {
                          state!.next = (state!.next + 7_919) % state!.rollUp.indicatorCount
                          state!.rollUp.record(.number(Double(state!.next % 150), percent: false), indicator: state!.next)
                      }
                  }
              }, setup: { await prepare(10_000) })
}

/// The data of the benchmark being run: one size at a time, so that memory stays bounded.
struct NationalState: Sendable {
    var organizations: Int
    var rollUp: CompiledRollUp
    var bare: BareWeightedSum
    var next = 0
}

let national = Mutex<NationalState?>(nil)

func prepare(_ organizations: Int) async {
    if national.withLock({ $0?.organizations == organizations }) { return }
    national.withLock { $0 = nil }
    let rollUp = await NationalData.compile(organizations: organizations, indicatorsPerOrganization: 300, seed: 1)
    national.withLock { $0 = NationalState(organizations: organizations, rollUp: rollUp, bare: BareWeightedSum(for: rollUp)) }
}
