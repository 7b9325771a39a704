// swift-tools-version: 6.1
// Performa's benchmarks (ordo-one/benchmark), kept apart from the main package so that building or testing
// Performa never compiles the benchmark library. Run from this folder: `swift package benchmark`
// (all suites) or `swift package benchmark --target NationalRollUp`; see docs/performance.md.
import Foundation
import PackageDescription

// The root package is a path dependency, whose identity is the name of its folder (which differs between
// a working copy and a CI clone): read it instead of assuming it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let benchmarkDependencies: [Target.Dependency] = [
    "BenchmarkData",
    .product(name: "Benchmark", package: "benchmark"),
    .product(name: "Performa", package: root),
    .product(name: "PerformaFormats", package: root),
    .product(name: "PerformaBulk", package: root),
]

func suite(_ name: String, extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: benchmarkDependencies + extra,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "PerformaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        // The same requirement as the root package's, so both resolve to one Hummingbird (the bare server's floor).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        // Data and reference loops shared by the suites and the timing run of the pandas comparison.
        .target(
            name: "BenchmarkData",
            dependencies: [
                .product(name: "Performa", package: root), .product(name: "PerformaFormats", package: root),
                .product(name: "PerformaBulk", package: root),
            ]
        ),
        suite("TargetParsing"),
        suite("Scoring"),
        suite("NationalRollUp"),
        suite("NationalAppraisal"),
        suite("PlanImport"),
        suite("PianoHTML", extra: [.product(name: "PerformaReports", package: root)]),
        suite("StoreReads", extra: [.product(name: "PerformaStore", package: root)]),
        // `rollup-timing`: Performa's side of scripts/bench/compare_rollup.py (same data, same run as pandas).
        .executableTarget(name: "rollup-timing", dependencies: ["BenchmarkData"]),
        // `perf-probe`: one workload run N times with no harness, for callgrind instruction counts.
        .executableTarget(name: "perf-probe", dependencies: ["BenchmarkData", .product(name: "PerformaReports", package: root)]),
        // `bare-server`: a bare Hummingbird 2 "ok" server, the floor scripts/bench/http_bench.py measures Performa against.
        .executableTarget(name: "bare-server", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
        // `national-store`: 10.000 generated organizations in a database, for the cold start (scripts/bench/cold_start.py).
        .executableTarget(name: "national-store", dependencies: [
            .product(name: "PerformaBulk", package: root), .product(name: "PerformaStore", package: root),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
