import Foundation
@testable import Performa
import PerformaBulk
import PerformaFormats
import PropertyBased
import Testing

/// The bulk path (`AppraisalScoring.numbersAll` + `AppraisalBonus.distributions(numbers:)`) gives exactly the
/// full schede's final scores and bonus, to the last bit and the cent.
@Suite("Appraisal: bulk numbers equal the full schede")
struct AppraisalNumbersTests {
    static let smvp = try! SMVPFile.read(contentsOf: TestFiles.repository.appendingPathComponent("examples/smvp-cciaa-brescia.yaml"))
    static let plan = try! TestFiles.brescia()
    static let scorecard = Scorer(plan: plan).scorecard(results: try! ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan),
                                                       at: .yearEnd(2021))

    /// Compares the two paths on one context and one fund per profile; returns how many people were compared.
    @discardableResult
    static func compare(_ context: AppraisalContext, funds: @escaping (String) -> Int64?) -> Int {
        let schede = AppraisalScoring.appraiseAll(context)
        let numbers = AppraisalScoring.numbersAll(context)
        #expect(numbers.count == schede.count)
        for (scheda, bulk) in zip(schede, numbers) {
            #expect(bulk == AppraisalNumbers(scheda), "\(scheda.person)")
            // Bit for bit, not only equal as doubles.
            #expect(bulk.final.computed?.bitPattern == scheda.final.computed?.bitPattern, "\(scheda.person)")
            #expect(bulk.points?.bitPattern == scheda.points?.bitPattern, "\(scheda.person)")
        }
        let full = AppraisalBonus.distributions(schede: schede, context: context, funds: funds)
        let bulk = AppraisalBonus.distributions(numbers: numbers, context: context, funds: funds)
        #expect(bulk == full)
        for (b, f) in zip(bulk, full) {
            #expect(b.lines.map(\.baseCents) == f.lines.map(\.baseCents))
            #expect(b.lines.map(\.increaseCents) == f.lines.map(\.increaseCents))
        }
        return schede.count
    }

    @Test("random synthetic organizations: every score and every distribution line the same")
    func syntheticOrganizations() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 1...250), Gen.int(in: 0...50_000_000)) { index, people, fund in
            var staff = SyntheticStaff.organization(index, seed: UInt64(index % 7), people: people, in: Self.plan.organization, smvp: Self.smvp, year: 2021)
            // Some schede left unfinished, so incomplete and missing components are compared too.
            if index % 3 == 0, !staff.inputs.isEmpty { staff.inputs[index % staff.inputs.count].ratings.removeAll() }
            // (Input 1 may be the one just left without ratings: then there is nothing to push off the scale.)
            if index % 5 == 0, staff.inputs.count > 1, !staff.inputs[1].ratings.isEmpty { staff.inputs[1].ratings[0].rating = 9 }
            let context = AppraisalContext(smvp: Self.smvp, organization: Self.plan.organization, scorecard: Self.scorecard, year: 2021,
                                           people: staff.people, inputs: staff.inputs)
            Self.compare(context) { profile in profile.hasPrefix("d") ? Int64(fund / 2) : Int64(fund) }
        }
    }

    @Test("the Brescia illustrative staff: every scheda's score and the bonus of each profile the same")
    func bresciaStaff() throws {
        let url = TestFiles.repository.appendingPathComponent("examples/personale-illustrativo-2021.csv")
        let people = try PeopleCSV.people(fromCSV: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        let inputs = SyntheticStaff.organization(0, seed: 3, people: people.count, in: Self.plan.organization, smvp: Self.smvp, year: 2021).inputs
        // The synthetic inputs are keyed p1…pN; give them to the illustrative people in order.
        let rated = zip(people, inputs).map { person, input in
            AppraisalInput(person: person.id, year: 2021, objectives: input.objectives, results: input.results, ratings: input.ratings)
        }
        let context = AppraisalContext(smvp: Self.smvp, organization: Self.plan.organization, scorecard: Self.scorecard, year: 2021,
                                       people: people, inputs: rated)
        let compared = Self.compare(context) { _ in 12_345_678 }
        #expect(compared == people.count)
        #expect(AppraisalScoring.numbersAll(context).filter { $0.points != nil }.count > 100)
    }
}
