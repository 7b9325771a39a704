import Foundation
@testable import Performa
import PerformaBulk
import PerformaFormats
import PropertyBased
import Testing

/// The compiled staff (`CompiledStaff`) gives exactly the bulk numbers of each organization's context
/// (`AppraisalScoring.numbersAll`, itself equal to the full schede: `AppraisalNumbersTests`) and the same bonus.
@Suite("Appraisal: the compiled staff equals the schede")
struct CompiledStaffTests {
    typealias Fixture = AppraisalNumbersTests

    /// Compiles the staffs into one `CompiledStaff`, scores it, and compares every organization with its context.
    @discardableResult
    static func expectSame(_ staffs: [(people: [Person], inputs: [AppraisalInput])], funds: (String) -> Int64?, _ label: String) -> CompiledStaff {
        var compiled = CompiledStaff(smvp: Fixture.smvp, year: 2021)
        for staff in staffs {
            compiled.add(organization: Fixture.plan.organization, scorecard: Fixture.scorecard, people: staff.people, inputs: staff.inputs)
        }
        compiled.score()
        #expect(compiled.organizationCount == staffs.count)
        for (o, staff) in staffs.enumerated() {
            let context = AppraisalContext(smvp: Fixture.smvp, organization: Fixture.plan.organization, scorecard: Fixture.scorecard, year: 2021,
                                           people: staff.people, inputs: staff.inputs)
            let expected = AppraisalScoring.numbersAll(context), actual = compiled.numbers(ofOrganization: o)
            #expect(actual == expected, "\(label), organization \(o)")
            #expect(actual.map { $0.final.computed?.bitPattern } == expected.map { $0.final.computed?.bitPattern }, "\(label), organization \(o)")
            #expect(actual.map { $0.points?.bitPattern } == expected.map { $0.points?.bitPattern }, "\(label), organization \(o)")
            #expect(compiled.distributions(ofOrganization: o, funds: funds)
                    == AppraisalBonus.distributions(numbers: expected, context: context, funds: funds), "\(label), organization \(o)")
        }
        return compiled
    }

    @Test("random synthetic organizations compiled together: every number and every distribution line the same")
    func syntheticOrganizations() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 1...4), Gen.int(in: 1...150), Gen.int(in: 0...50_000_000)) {
            seed, organizations, people, fund in
            let staffs = (0..<organizations).map { index -> (people: [Person], inputs: [AppraisalInput]) in
                var staff = SyntheticStaff.organization(seed &+ index, seed: UInt64(seed % 7), people: people + index, in: Fixture.plan.organization,
                                                        smvp: Fixture.smvp, year: 2021)
                // Some schede unfinished or rated off the scale, so incomplete, missing and invalid components count too.
                if (seed + index) % 3 == 0, !staff.inputs.isEmpty { staff.inputs[(seed + index) % staff.inputs.count].ratings.removeAll() }
                if (seed + index) % 5 == 0, staff.inputs.count > 1, !staff.inputs[1].ratings.isEmpty { staff.inputs[1].ratings[0].rating = 9 }
                return staff
            }
            Self.expectSame(staffs, funds: { $0.hasPrefix("d") ? Int64(fund / 2) : Int64(fund) }, "seed \(seed), \(organizations) × \(people)")
        }
    }

    @Test("the Brescia illustrative staff and a synthetic one after it")
    func bresciaStaff() throws {
        let url = TestFiles.repository.appendingPathComponent("examples/personale-illustrativo-2021.csv")
        let people = try PeopleCSV.people(fromCSV: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        let synthetic = SyntheticStaff.organization(0, seed: 3, people: people.count, in: Fixture.plan.organization, smvp: Fixture.smvp, year: 2021)
        let inputs = zip(people, synthetic.inputs).map { person, input in
            AppraisalInput(person: person.id, year: 2021, objectives: input.objectives, results: input.results, ratings: input.ratings)
        }
        let compiled = Self.expectSame([(people, inputs), synthetic], funds: { _ in 12_345_678 }, "Brescia")
        // Not a comparison of empty schede: most are scored, some with individual objectives and some dirigenti
        // with the capacità di differenziazione.
        let numbers = compiled.numbers(ofOrganization: 0)
        #expect(numbers.filter { $0.points != nil }.count > 100)
        #expect(inputs.contains { !$0.objectives.isEmpty })
        #expect(Fixture.smvp.differentiationCapacity != nil && people.contains { $0.category.isManagerial })
    }
}
