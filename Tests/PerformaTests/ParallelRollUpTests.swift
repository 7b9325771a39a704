import PropertyBased
import Testing
@testable import Performa
@testable import PerformaBulk

/// The parallel national roll-up (`CompiledRollUp.rollUp(tasks:)`) against the one-core pass on generated
/// organizations: every score and status of every level equal bit for bit, whatever the number of organizations,
/// their size, the seed and the number of tasks.
@Suite("Parallel roll-up")
struct ParallelRollUpTests {
    /// `organizations` generated organizations of seed `seed`, compiled (and so scored once by `add`).
    static func compiled(organizations: Int, indicatorsPerOrganization: Int, seed: UInt64) -> CompiledRollUp {
        let generator = SyntheticPlans(organizations: organizations, indicatorsPerOrganization: indicatorsPerOrganization, seed: seed)
        var rollUp = CompiledRollUp(checkpoint: .yearEnd(2021))
        for o in 0..<organizations {
            let (plan, results) = generator.organization(o)
            rollUp.add(plan, results: results)
        }
        return rollUp
    }

    /// Every score and status column overwritten with values no pass computes, so that a column the parallel pass
    /// failed to write shows up as a difference.
    static func poisoned(_ rollUp: CompiledRollUp) -> CompiledRollUp {
        var poisoned = rollUp
        func poison(_ scores: inout [Double], _ statuses: inout [UInt8]) {
            scores = Array(repeating: -12_345.678, count: scores.count)
            statuses = Array(repeating: 0xEE, count: statuses.count)
        }
        poison(&poisoned.indicators.score, &poisoned.indicators.status)
        poison(&poisoned.groups.score, &poisoned.groups.status)
        poison(&poisoned.strategics.score, &poisoned.strategics.status)
        poison(&poisoned.areas.score, &poisoned.areas.status)
        poison(&poisoned.organizations.score, &poisoned.organizations.status)
        poison(&poisoned.agencies.score, &poisoned.agencies.status)
        poison(&poisoned.managers.score, &poisoned.managers.status)
        return poisoned
    }

    /// Each level's scores as bit patterns (NaN, "no score", compares equal to itself) and statuses.
    static func columns(_ rollUp: CompiledRollUp) -> [String: [UInt64]] {
        func bits(_ scores: [Double]) -> [UInt64] { scores.map(\.bitPattern) }
        func codes(_ statuses: [UInt8]) -> [UInt64] { statuses.map(UInt64.init) }
        return [
            "indicator scores": bits(rollUp.indicators.score), "indicator statuses": codes(rollUp.indicators.status),
            "group scores": bits(rollUp.groups.score), "group statuses": codes(rollUp.groups.status),
            "strategic scores": bits(rollUp.strategics.score), "strategic statuses": codes(rollUp.strategics.status),
            "area scores": bits(rollUp.areas.score), "area statuses": codes(rollUp.areas.status),
            "organization scores": bits(rollUp.organizations.score), "organization statuses": codes(rollUp.organizations.status),
            "agency scores": bits(rollUp.agencies.score), "agency statuses": codes(rollUp.agencies.status),
            "manager scores": bits(rollUp.managers.score), "manager statuses": codes(rollUp.managers.status),
        ]
    }

    /// Runs both passes from poisoned columns and expects the same bits everywhere.
    static func expectSame(_ rollUp: CompiledRollUp, tasks: Int, _ label: String) async {
        var sequential = poisoned(rollUp), parallel = poisoned(rollUp)
        sequential.rollUp()
        await parallel.rollUp(tasks: tasks)
        let expected = columns(sequential), actual = columns(parallel)
        for (name, column) in expected {
            let other = actual[name] ?? []
            let mismatch = column.indices.first { $0 >= other.count || column[$0] != other[$0] }
            #expect(other.count == column.count && mismatch == nil,
                    "\(name) differ with \(tasks) tasks, \(label): first at \(mismatch.map(String.init) ?? "the end")")
        }
        // The one-core pass itself gives back what compiling scored (so the comparison is with the real numbers).
        #expect(columns(rollUp) == expected, "one-core pass differs from the scores of compiling, \(label)")
    }

    @Test("generated organizations of any number, size and seed: the parallel roll-up equals the one-core pass bit for bit")
    func equalsSequential() async {
        await propertyCheck(count: 25, input: Gen.int(in: 1...9), Gen.int(in: 10...160), Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 2...5)) {
            organizations, size, seed, tasks in
            let rollUp = Self.compiled(organizations: organizations, indicatorsPerOrganization: size, seed: UInt64(seed))
            await Self.expectSame(rollUp, tasks: tasks, "\(organizations) organizations × \(size) indicators, seed \(seed)")
        }
    }

    /// 150 organizations span more than one chunk of `ScoringPass.organizationsPerChunk`, and the tasks' ranges
    /// start in the middle of one.
    @Test("fixed sizes and seeds, 2 to 8 tasks: equal to the one-core pass bit for bit",
          arguments: [(1, 300, 1), (7, 300, 1), (40, 60, 7), (25, 120, 42), (150, 12, 5)])
    func fixedSizes(organizations: Int, size: Int, seed: Int) async {
        let rollUp = Self.compiled(organizations: organizations, indicatorsPerOrganization: size, seed: UInt64(seed))
        for tasks in [1, 2, 3, 8] {
            await Self.expectSame(rollUp, tasks: tasks, "\(organizations) × \(size), seed \(seed)")
        }
    }

    @Test("the organizations are split into contiguous, non-empty ranges that cover them all, balanced by indicators")
    func ranges() {
        let rollUp = Self.compiled(organizations: 11, indicatorsPerOrganization: 30, seed: 3)
        for tasks in [1, 2, 3, 4, 11, 20] {
            let ranges = rollUp.organizationRanges(count: tasks)
            #expect(ranges.count == min(tasks, 11))
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 11)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(ranges.allSatisfy { !$0.isEmpty })
            // With organizations of about the same size, no range holds more than one organization above its share.
            #expect(ranges.allSatisfy { $0.count <= 11 / min(tasks, 11) + 1 }, "\(tasks) tasks: \(ranges)")
        }
        #expect(CompiledRollUp(checkpoint: .yearEnd(2021)).organizationRanges(count: 2).isEmpty)
    }
}
