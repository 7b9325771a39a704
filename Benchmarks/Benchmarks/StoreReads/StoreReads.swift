import Benchmark
import BenchmarkData
import Foundation
import Performa
import PerformaStore
import Synchronization

/// Store reads of a full scorecard, as the web application does for a page (`PlanSnapshot.read`): the Brescia
/// plan and its 2021 results are imported once into each store, then every sample reads the current plan version
/// and every measurement through `PerformaStore` and computes the scorecard at 31/12/2021 — and, separately, the
/// measurements alone (what a snapshot reads again when only measurements changed). SQLite: a file in a temporary
/// folder. PostgreSQL: `PERFORMA_BENCH_POSTGRES_URL` or `PERFORMA_TEST_POSTGRES_URL`; without either its benchmarks
/// are left out, with a note.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .milliseconds,
                                           maxDuration: .seconds(5), maxIterations: 1_000)

    var databases: [(name: String, url: DatabaseURL)] = [("SQLite", StoreReads.sqlite)]
    if let postgres = StoreReads.postgres {
        databases.append(("PostgreSQL", postgres))
    } else {
        print("StoreReads: PERFORMA_BENCH_POSTGRES_URL e PERFORMA_TEST_POSTGRES_URL non impostati, PostgreSQL escluso.")
    }

    for (name, url) in databases {
        Benchmark("\(name): read plan + measurements, scorecard at 31/12 (Brescia)") { benchmark in
            // The store's body must be @Sendable; it runs within this call, while `benchmark` is ours alone.
            nonisolated(unsafe) let benchmark = benchmark
            try await StoreReads.withLoadedStore(url) { store in
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let stored = try await store.plan(StoreReads.context, id: StoreReads.planID, version: nil)
                    let results = try await store.results(StoreReads.context, planID: StoreReads.planID)
                    blackHole(Scorer(plan: stored.plan).scorecard(results: results, at: .yearEnd(2021)))
                }
                benchmark.stopMeasurement()
            }
        }

        Benchmark("\(name): read measurements only (Brescia)") { benchmark in
            nonisolated(unsafe) let benchmark = benchmark
            try await StoreReads.withLoadedStore(url) { store in
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    blackHole(try await store.results(StoreReads.context, planID: StoreReads.planID))
                }
                benchmark.stopMeasurement()
            }
        }
    }
}

enum StoreReads {
    static let data = BenchmarkFiles.brescia()
    static var planID: String { data.plan.id }
    static var context: AccessContext { .commandLine(organization: data.plan.organization.id) }

    static let sqlite = DatabaseURL.sqlite(path: FileManager.default.temporaryDirectory
        .appendingPathComponent("performa-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite").path)

    static let postgres: DatabaseURL? = {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["PERFORMA_BENCH_POSTGRES_URL"] ?? environment["PERFORMA_TEST_POSTGRES_URL"] else { return nil }
        return try? DatabaseURL(parsing: text)
    }()

    /// Stores already holding the plan and the results in this run (imported once: results append history).
    private static let loaded = Mutex<Set<String>>([])

    /// Opens the store (outside the measurement), imports the data on first use, and lends the store to `body`.
    static func withLoadedStore(_ url: DatabaseURL, _ body: @Sendable (SQLStore) async throws -> Void) async throws {
        try await StoreLauncher.withStore(url) { store in
            if loaded.withLock({ $0.insert(url.description).inserted }) {
                _ = try await store.importPlan(context, data.plan, revision: nil, createOrganization: true)
                _ = try await store.importResults(context, data.results)
            }
            try await body(store)
        }
    }
}
