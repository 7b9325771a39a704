import Benchmark
import BenchmarkData
import Foundation
import Performa
import PerformaBulk
import PerformaFormats

/// Issue 13's target: every scheda of a national staff scored and each organization's funds distributed per
/// profile in under 1 s on one core (the compiled path). 10.000 organizations of 100 people (`SyntheticStaff`), each
/// with the Brescia units, plan scorecard and SMVP; the staff is generated before the measurement. The other two
/// entries build each organization's context (the index of its schede) inside the measurement.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds,
                                           maxDuration: .seconds(30), maxIterations: 5)

    // The compiled path (issue 13's target): the staff compiled once (`CompiledStaff`, the load step, before the
    // measurement, as the national roll-up's plans are), then every scheda scored and every fund shared; the same
    // numbers and cents as the other two (`CompiledStaffTests`).
    Benchmark("National, compiled staff: 1.000.000 schede scored and bonus distributed (10.000 organizations × 100)") { benchmark in
        // A copy of the staff compiled once: scoring replaces its result columns (the copy's first writes to the
        // individual objectives' columns are measured too).
        var compiled = nationalCompiledStaff
        benchmark.startMeasurement()
        blackHole(NationalStaff.scoreAndPay(&compiled))
    }

    // The bulk path: the numbers of every scheda (`AppraisalScoring.numbersAll`), no texts; the same scores and
    // cents as the full schede below (`AppraisalNumbersTests`).
    Benchmark("National, bulk numbers: 1.000.000 schede scored and bonus distributed (10.000 organizations × 100)") { benchmark in
        let data = nationalStaff
        benchmark.startMeasurement()
        blackHole(data.scoreAndPayAll())
    }

    // The full schede with every step in Italian, as before (kept on record).
    Benchmark("National: 1.000.000 schede scored and bonus distributed (10.000 organizations × 100)") { benchmark in
        let data = nationalStaff
        benchmark.startMeasurement()
        var paid: Int64 = 0
        for staff in data.organizations {
            let context = AppraisalContext(smvp: data.smvp, organization: data.organization, scorecard: data.scorecard, year: 2021,
                                           people: staff.people, inputs: staff.inputs)
            let schede = AppraisalScoring.appraiseAll(context)
            for distribution in AppraisalBonus.distributions(schede: schede, context: context, funds: { _ in 10_000_000 }) {
                paid &+= distribution.lines.reduce(0) { $0 &+ $1.totalCents }
            }
        }
        blackHole(paid)
    }
}

/// The national staff, generated once per process, and compiled once (8–9 s, outside every measurement).
let nationalStaff = NationalStaff(organizations: 10_000)
let nationalCompiledStaff = nationalStaff.compiled()
