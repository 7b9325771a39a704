// Performa's side of the pandas comparison (scripts/bench/compare_rollup.py): generates the organizations
// of a seed, compiles them, writes the tables the pandas peer reads, then times in this one process the
// full compiled roll-up on one core, the same roll-up split over `--tasks` child tasks (default: one per core),
// the bare weighted-sum loop over the same columns, and the re-scoring of one measurement; checks that the
// parallel roll-up gives the one-core numbers bit for bit; writes every computed score for the comparison and
// prints the timings as one JSON object.
//
//     rollup-timing --organizations 10000 --indicators-per-org 300 --seed 1 --runs 15 --tables DIR --scores FILE [--tasks 2]
import BenchmarkData
import Foundation
import Performa
import PerformaBulk

func option(_ name: String, default value: String? = nil) -> String {
    let arguments = CommandLine.arguments
    if let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count { return arguments[index + 1] }
    guard let value else {
        FileHandle.standardError.write(Data("Manca l'opzione --\(name).\n".utf8))
        exit(2)
    }
    return value
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Every score and status of every level, as bits (NaN equals itself).
func resultBits(_ rollUp: CompiledRollUp) -> [[UInt64]] {
    let scores = [rollUp.indicators.score, rollUp.groups.score, rollUp.strategics.score, rollUp.areas.score, rollUp.organizations.score,
                  rollUp.agencies.score, rollUp.managers.score]
    let statuses = [rollUp.indicators.status, rollUp.groups.status, rollUp.strategics.status, rollUp.areas.status, rollUp.organizations.status,
                    rollUp.agencies.status, rollUp.managers.status]
    return scores.map { $0.map(\.bitPattern) } + statuses.map { $0.map(UInt64.init) }
}

/// The run, in a function: its roll-up is a local variable, which the parallel roll-up (a mutating async method)
/// may change across its wait; a top-level variable is isolated to the main actor and may not.
func run() async throws {
    let organizations = Int(option("organizations")) ?? 0
    let indicatorsPerOrganization = Int(option("indicators-per-org")) ?? 0
    let seed = UInt64(option("seed", default: "1")) ?? 1
    let runs = max(1, Int(option("runs", default: "15")) ?? 15)
    let tables = option("tables", default: "")
    let scores = option("scores", default: "")
    let tasks = max(1, Int(option("tasks", default: String(ProcessInfo.processInfo.activeProcessorCount))) ?? 1)
    let clock = ContinuousClock()

    let compileStart = clock.now
    var rollUp = await NationalData.compile(organizations: organizations, indicatorsPerOrganization: indicatorsPerOrganization, seed: seed)
    let compileSeconds = milliseconds(clock.now - compileStart) / 1_000
    if !tables.isEmpty { try RollUpTables.write(rollUp, to: URL(fileURLWithPath: tables)) }

    // Alternate the three loops so that all of them see the same machine state (other builds, frequency).
    var bare = BareWeightedSum(for: rollUp)
    var rollUpTimes: [Double] = [], parallelTimes: [Double] = [], bareTimes: [Double] = [], checksum = 0.0
    rollUp.rollUp()
    let oneCore = resultBits(rollUp)
    await rollUp.rollUp(tasks: tasks)
    let sameBits = resultBits(rollUp) == oneCore
    _ = bare.run(rollUp)
    for _ in 0..<runs {
        let start = clock.now
        rollUp.rollUp()
        rollUpTimes.append(milliseconds(clock.now - start))
        let parallelStart = clock.now
        await rollUp.rollUp(tasks: tasks)
        parallelTimes.append(milliseconds(clock.now - parallelStart))
        let bareStart = clock.now
        checksum += bare.run(rollUp)
        bareTimes.append(milliseconds(clock.now - bareStart))
    }

    if !scores.isEmpty { try RollUpTables.writeScores(rollUp, to: URL(fileURLWithPath: scores)) }

    // Incremental, after the scores are written (it changes measurements): indicators spread over the whole
    // set, each given a new value.
    var incrementalTimes: [Double] = []
    let step = max(1, rollUp.indicatorCount / 997)
    for n in 0..<2_000 {
        let i = (n * step) % rollUp.indicatorCount
        let value = MeasuredValue.number(Double(n % 100), percent: false)
        let start = clock.now
        rollUp.record(value, indicator: i)
        incrementalTimes.append(milliseconds(clock.now - start) * 1_000)
    }

    let report: [String: Any] = [
        "organizations": organizations, "indicators": rollUp.indicatorCount, "seed": seed, "runs": runs,
        "compile_seconds": compileSeconds,
        "rollup_ms": rollUpTimes, "rollup_median_ms": median(rollUpTimes),
        "tasks": tasks, "parallel_ms": parallelTimes, "parallel_median_ms": median(parallelTimes), "parallel_same_bits": sameBits,
        "ratio_per_run": zip(rollUpTimes, bareTimes).map { $0 / $1 },
        "bare_ms": bareTimes, "bare_median_ms": median(bareTimes),
        "incremental_median_us": median(incrementalTimes), "incremental_max_us": incrementalTimes.max() ?? 0,
        "checksum": checksum.isFinite ? checksum : 0,
    ]
    let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}

try await run()
