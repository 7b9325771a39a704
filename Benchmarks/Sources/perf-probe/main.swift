// Runs one workload N times with no harness around it, for `valgrind --tool=callgrind` instruction counts
// (reproducible on a loaded machine) and quick wall-clock checks (see docs/performance.md):
//
//     perf-probe validate|score|validate+score|piano|parse|import-brescia 100
//     perf-probe import-national 100        # 100 generated plan files of 300 indicators, read once each
//     perf-probe appraisal-national 1000    # the appraisal bulk path over 1.000 organizations of 100 people, 5 times
//     perf-probe appraisal-compiled 1000    # the same staff compiled (CompiledStaff), scored and paid 5 times
import BenchmarkData
import Foundation
import Performa
import PerformaBulk
import PerformaFormats
import PerformaReports

let workload = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "validate"
let runs = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 1 : 1
let clock = ContinuousClock()
var checksum = 0

@MainActor func run(_ body: () throws -> Int) rethrows {
    var times: [Duration] = []
    for _ in 0..<runs {
        let start = clock.now
        checksum &+= try body()
        times.append(clock.now - start)
    }
    times.sort()
    print("\(workload): median \(times[times.count / 2]) min \(times[0]) over \(runs) runs (checksum \(checksum))")
}

switch workload {
case "validate", "score", "validate+score", "piano", "parse":
    let (plan, results) = BenchmarkFiles.brescia()
    switch workload {
    case "validate": run { PlanValidator().validate(plan).count }
    case "score": run { Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)).indicators.count }
    case "validate+score":
        run { PlanValidator().validate(plan).count + Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021)).indicators.count }
    case "piano": run { PlanDocument(plan: plan).render().utf8.count }
    default:
        let texts = PlanIndex(plan).indicators.flatMap { entry in
            entry.indicator.targets.map(\.target.text) + [entry.indicator.baseline?.text].compactMap { $0 }
        }
        run { texts.reduce(0) { count, text in count + (TargetParser.parse(text) == .notApplicable ? 1 : 0) } }
    }
case "appraisal-national":
    let staff = NationalStaff(organizations: runs)
    var times: [Duration] = []
    for _ in 0..<5 {
        let start = clock.now
        checksum &+= Int(staff.scoreAndPayAll())
        times.append(clock.now - start)
    }
    print("appraisal-national: \(runs) organizations, median \(times.sorted()[2]) over 5 runs (checksum \(checksum))")
case "appraisal-compiled":
    let staff = NationalStaff(organizations: runs)
    let compileStart = clock.now
    var compiled = staff.compiled()
    print("appraisal-compiled: \(runs) organizations compiled in \(clock.now - compileStart)")
    var times: [Duration] = []
    for _ in 0..<5 {
        let start = clock.now
        checksum &+= Int(NationalStaff.scoreAndPay(&compiled))
        times.append(clock.now - start)
    }
    print("appraisal-compiled: \(runs) organizations, median \(times.sorted()[2]) over 5 runs (checksum \(checksum))")
case "import-brescia":
    let text = try String(contentsOf: BenchmarkFiles.bresciaPlanFile, encoding: .utf8)
    try run { try PlanFile.read(text, fileName: "brescia.yaml").areas.count }
default:
    let count = runs
    let generator = SyntheticPlans(organizations: count, indicatorsPerOrganization: 300, seed: 1)
    let texts = try (0..<count).map { try PlanFile.yaml(generator.plan($0)) }
    let start = clock.now
    for text in texts { checksum &+= try PlanFile.read(text).areas.count }
    print("import-national: \(count) files in \(clock.now - start) (checksum \(checksum))")
}
