import Foundation
import Performa
import PerformaFormats
import Testing

/// Scorrimento on the Brescia plan: 2021-2023 with its illustrative 2021 results becomes the 2022-2024 draft.
@Suite("Next year's plan (scorrimento)")
struct PlanRolloverTests {
    @Test("2021-2023 → 2022-2024: later targets kept, 2021 ones dropped, 2024 left to fill, baselines from 31/12/2021, a draft")
    func brescia() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let next = PlanRollover.next(from: plan, results: results)
        #expect(next.id == "cciaa-brescia-2022-2024")
        #expect(next.title.contains("2022-2024") && !next.title.contains("2021-2023"))
        #expect(next.span.from == 2022 && next.span.to == 2024 && next.year == 2022)
        #expect(next.status == .draft && next.version == nil && next.acts == nil)
        let index = PlanIndex(next), oldIndex = PlanIndex(plan)
        #expect(index.entries.map(\.key) == oldIndex.entries.map(\.key), "every objective carried over")
        for (key, indicator, _) in index.indicators {
            #expect(indicator.targets.allSatisfy { (2022...2024).contains($0.at.year) }, "\(key)")
            #expect(!indicator.targets.contains { $0.at.year == 2024 }, "\(key): the new last year is left to fill")
            let old = try #require(oldIndex.indicator(key))
            #expect(indicator.targets == old.targets.filter { $0.at.year >= 2022 }, "\(key)")
            if let measured = results.current(key, at: .yearEnd(2021)) {
                #expect(indicator.baseline?.text == measured.text, "\(key): baseline from 31/12/2021")
            } else {
                #expect(indicator.baseline == old.baseline, "\(key)")
            }
        }
        let measuredKeys = index.indicators.filter { results.current($0.key, at: .yearEnd(2021)) != nil }
        #expect(measuredKeys.count > 10, "the illustrative results measure many indicators at 31/12/2021")
        #expect(next.assignments == plan.assignments)
        // The validator runs on the draft and names what is left to fill.
        #expect(!PlanValidator().validate(next).isEmpty)
        // The draft is a valid plan file.
        #expect(try PlanFile.read(try PlanFile.yaml(next)) == next)
    }
}
