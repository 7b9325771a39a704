import Benchmark
import BenchmarkData
import Foundation
import Performa
import PerformaBulk
import PerformaFormats

/// Issue 13's target: every scheda of a national staff scored and each organization's funds distributed per
/// profile in under 1 s on one core. 10.000 organizations of 100 people (`SyntheticStaff`), each with the Brescia
/// units, plan scorecard and SMVP; the staff is generated before the measurement, the context (the index of one
/// organization's schede), the schede and the distributions inside it.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds,
                                           maxDuration: .seconds(30), maxIterations: 5)

    // The bulk path: the numbers of every scheda (`AppraisalScoring.numbersAll`), no texts; the same scores and
    // cents as the full schede below (`AppraisalNumbersTests`).
    Benchmark("National, bulk numbers: 1.000.000 schede scored and bonus distributed (10.000 organizations × 100)") { benchmark in
        let data = NationalStaff.shared
        benchmark.startMeasurement()
        var paid: Int64 = 0
        for staff in data.organizations {
            let context = AppraisalContext(smvp: data.smvp, organization: data.organization, scorecard: data.scorecard, year: 2021,
                                           people: staff.people, inputs: staff.inputs)
            let numbers = AppraisalScoring.numbersAll(context)
            for distribution in AppraisalBonus.distributions(numbers: numbers, context: context, funds: { _ in 10_000_000 }) {
                paid &+= distribution.lines.reduce(0) { $0 &+ $1.totalCents }
            }
        }
        blackHole(paid)
    }

    // The full schede with every step in Italian, as before (kept on record).
    Benchmark("National: 1.000.000 schede scored and bonus distributed (10.000 organizations × 100)") { benchmark in
        let data = NationalStaff.shared
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

/// The national staff, generated once per process.
enum NationalStaff {
    struct Data: Sendable {
        let smvp: SMVP
        let organization: Organization
        let scorecard: Scorecard
        let organizations: [(people: [Person], inputs: [AppraisalInput])]
    }

    static let shared: Data = {
        let (plan, results) = BenchmarkFiles.brescia()
        let smvp: SMVP
        do {
            smvp = try SMVPFile.read(contentsOf: BenchmarkFiles.repository.appendingPathComponent("examples/smvp-cciaa-brescia.yaml"))
        } catch {
            fatalError("Impossibile leggere lo SMVP di esempio: \(error)")
        }
        let scorecard = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let organizations = (0..<10_000).map {
            SyntheticStaff.organization($0, seed: 1, people: 100, in: plan.organization, smvp: smvp, year: 2021)
        }
        return Data(smvp: smvp, organization: plan.organization, scorecard: scorecard, organizations: organizations)
    }()
}
