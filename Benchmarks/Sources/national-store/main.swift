// `national-store`: fills a database with the generated organizations of the national benchmarks, for the cold
// start measured by scripts/bench/cold_start.py (issue 15, item 4). Each organization gets its plan and its
// results (`SyntheticPlans`, the same data as `performa generate`), imported through the store as `performa import`
// does; the first `--users` organizations also get a viewer `lettore` with `--password`, hashed once at bcrypt cost
// 4 so that signing 1.000 users in does not dominate the run (a real deployment uses cost 12; the cost is read from
// the hash, so the server verifies these as cheaply).
//
//     national-store --database postgres://performa@127.0.0.1:54329/performa --organizations 10000 \
//         --indicators-per-org 300 --users 1000 --results-for 1000 --password demo-lettore-bench --tasks 4 --manifest users.tsv
import Foundation
import HummingbirdBcrypt
import Performa
import PerformaBulk
import PerformaStore

struct Options {
    var database = ""
    var organizations = 10_000
    var indicatorsPerOrganization = 300
    var seed: UInt64 = 1
    var users = 1_000
    /// Organizations that also get their results (the first ones); all when nil. Results go in one measurement at
    /// a time through the store (`importResults`), about 0,3 s per organization of 300 indicators on this machine.
    var resultsFor: Int?
    var password = "demo-lettore-bench"
    var tasks = 4
    /// Where to write the organization and plan ids of the organizations with a user, one pair per line.
    var manifest: String?

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let name = iterator.next() {
            guard let value = iterator.next() else { throw Failure("manca il valore di \(name)") }
            switch name {
            case "--database": database = value
            case "--organizations": organizations = try Self.number(value, name)
            case "--indicators-per-org": indicatorsPerOrganization = try Self.number(value, name)
            case "--seed": seed = UInt64(try Self.number(value, name))
            case "--users": users = try Self.number(value, name)
            case "--results-for": resultsFor = try Self.number(value, name)
            case "--password": password = value
            case "--tasks": tasks = max(1, try Self.number(value, name))
            case "--manifest": manifest = value
            default: throw Failure("opzione sconosciuta: \(name)")
            }
        }
        if database.isEmpty { throw Failure("serve --database URL") }
    }

    static func number(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text), value >= 0 else { throw Failure("\(name): un numero intero, non «\(text)»") }
        return value
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

let options: Options
do {
    options = try Options(CommandLine.arguments)
} catch {
    FileHandle.standardError.write(Data("national-store: \(error)\n".utf8))
    exit(2)
}
let generator = SyntheticPlans(organizations: options.organizations, indicatorsPerOrganization: options.indicatorsPerOrganization, seed: options.seed)
let passwordHash = Bcrypt.hash(options.password, cost: 4)
let clock = ContinuousClock()
let start = clock.now

try await StoreLauncher.withStore(try DatabaseURL(parsing: options.database), maximumConnections: options.tasks + 2, use: .command) { store in
    // Organizations already there (a rerun after an interruption) are skipped: plan ids are deterministic.
    try await withThrowingTaskGroup(of: Void.self) { group in
        var next = 0
        func load(_ index: Int) async throws {
            let (plan, results) = generator.organization(index)
            let context = AccessContext.commandLine(organization: plan.organization.id)
            _ = try await store.importPlan(context, plan, revision: nil, createOrganization: true)
            if index < options.resultsFor ?? options.organizations { _ = try await store.importResults(context, results) }
            if index < options.users, try await store.users(context).isEmpty {
                _ = try await store.createUser(context, NewUser(username: "lettore", displayName: "Lettore (benchmark)", role: .viewer,
                                                                passwordHash: passwordHash))
            }
        }
        while next < min(options.tasks, options.organizations) {
            let index = next
            group.addTask { try await load(index) }
            next += 1
        }
        while try await group.next() != nil {
            if next < options.organizations {
                let index = next
                group.addTask { try await load(index) }
                next += 1
                if next % 500 == 0 { print("national-store: \(next) enti in \(clock.now - start)") }
            }
        }
    }
}
if let manifest = options.manifest {
    let lines = (0..<min(options.users, options.organizations)).map { index in
        let plan = generator.plan(index)
        return "\(plan.organization.id)\t\(plan.id)\n"
    }
    try lines.joined().write(toFile: manifest, atomically: true, encoding: .utf8)
}
print("national-store: \(options.organizations) enti (\(options.organizations * options.indicatorsPerOrganization) indicatori), " +
      "\(min(options.users, options.organizations)) utenti, in \(clock.now - start)")
