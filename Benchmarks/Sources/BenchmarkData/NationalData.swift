import Foundation
import Performa
import PerformaBulk

/// Generated organizations compiled for a national roll-up: `SyntheticPlans` with a seed, generated on
/// every core in batches (so that the plans of 10,000 organizations never sit in memory at once) and
/// added in order, so the result depends on the seed alone.
public enum NationalData {
    public static func compile(organizations: Int, indicatorsPerOrganization: Int, seed: UInt64,
                               checkpoint: Day = .yearEnd(2021)) async -> CompiledRollUp {
        let generator = SyntheticPlans(organizations: organizations, indicatorsPerOrganization: indicatorsPerOrganization, seed: seed)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var rollUp = CompiledRollUp(checkpoint: checkpoint)
        for start in stride(from: 0, to: organizations, by: 128 * workers) {
            let batch = start..<min(start + 128 * workers, organizations)
            let generated = await withTaskGroup(of: [(Int, Plan, Results)].self) { group in
                for worker in 0..<workers {
                    let mine = Array(stride(from: batch.lowerBound + worker, to: batch.upperBound, by: workers))
                    group.addTask { mine.map { index in let (plan, results) = generator.organization(index); return (index, plan, results) } }
                }
                var all: [(Int, Plan, Results)] = []
                for await part in group { all += part }
                return all.sorted { $0.0 < $1.0 }
            }
            for (_, plan, results) in generated { rollUp.add(plan, results: results) }
        }
        return rollUp
    }
}
