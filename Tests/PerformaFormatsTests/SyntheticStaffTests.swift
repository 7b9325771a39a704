import Foundation
import Performa
import PerformaBulk
import Testing
@testable import PerformaFormats

/// The synthetic staff of the national appraisal benchmark: deterministic, of the size asked, every scheda
/// computable with the Brescia SMVP and plan, and a bonus paid from each profile's fund.
@Suite("Synthetic staff")
struct SyntheticStaffTests {
    @Test("an organization's staff is the same for the same seed, has the size asked and every scheda is complete")
    func staff() throws {
        let plan = try TestFiles.brescia()
        let smvp = try SMVPFile.read(contentsOf: AppraisalFilesTests.smvpURL)
        let first = SyntheticStaff.organization(7, seed: 1, people: 100, in: plan.organization, smvp: smvp, year: 2021)
        let again = SyntheticStaff.organization(7, seed: 1, people: 100, in: plan.organization, smvp: smvp, year: 2021)
        let other = SyntheticStaff.organization(8, seed: 1, people: 100, in: plan.organization, smvp: smvp, year: 2021)
        #expect(first.people == again.people && first.inputs == again.inputs)
        #expect(first.inputs != other.inputs)
        #expect(first.people.count == 100 && Set(first.people.map(\.id)).count == 100)
        #expect(first.inputs.contains { !$0.objectives.isEmpty })

        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let context = AppraisalContext(smvp: smvp, organization: plan.organization, scorecard: card, year: 2021, people: first.people, inputs: first.inputs)
        let schede = AppraisalScoring.appraiseAll(context)
        #expect(schede.count == 100)
        let appraised = schede.filter { $0.notAppraised == nil }
        #expect(appraised.count > 90)
        #expect(appraised.allSatisfy { $0.final.status == .complete })
        let bonus = AppraisalBonus.distributions(schede: schede, context: context) { _ in 1_000_000 }
        #expect(!bonus.isEmpty)
    }
}
