import Foundation
import Performa
import PerformaBulk
import PerformaFormats

/// A national staff for issue 13's appraisal benchmark: `organizations` organizations of 100 people
/// (`SyntheticStaff`, seed 1), each with the Brescia units, plan scorecard at 31/12/2021 and SMVP.
public struct NationalStaff: Sendable {
    public let smvp: SMVP
    public let organization: Organization
    public let scorecard: Scorecard
    public let organizations: [(people: [Person], inputs: [AppraisalInput])]

    public init(organizations count: Int) {
        let (plan, results) = BenchmarkFiles.brescia()
        do {
            smvp = try SMVPFile.read(contentsOf: BenchmarkFiles.repository.appendingPathComponent("examples/smvp-cciaa-brescia.yaml"))
        } catch {
            fatalError("Impossibile leggere lo SMVP di esempio: \(error)")
        }
        organization = plan.organization
        scorecard = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        organizations = (0..<count).map { [smvp] in
            SyntheticStaff.organization($0, seed: 1, people: 100, in: plan.organization, smvp: smvp, year: 2021)
        }
    }

    /// The bulk path over every organization: the context, every scheda's numbers (`AppraisalScoring.numbersAll`, no
    /// texts) and each profile's fund of 100.000 € shared; the cents paid in all, as a checksum.
    public func scoreAndPayAll() -> Int64 {
        var paid: Int64 = 0
        for staff in organizations {
            let context = AppraisalContext(smvp: smvp, organization: organization, scorecard: scorecard, year: 2021,
                                           people: staff.people, inputs: staff.inputs)
            let numbers = AppraisalScoring.numbersAll(context)
            for distribution in AppraisalBonus.distributions(numbers: numbers, context: context, funds: { _ in 10_000_000 }) {
                paid &+= distribution.lines.reduce(0) { $0 &+ $1.totalCents }
            }
        }
        return paid
    }

    /// Every organization compiled into one `CompiledStaff` (the load step, outside the measurement).
    public func compiled() -> CompiledStaff {
        var compiled = CompiledStaff(smvp: smvp, year: 2021)
        for staff in organizations {
            compiled.add(organization: organization, scorecard: scorecard, people: staff.people, inputs: staff.inputs)
        }
        return compiled
    }

    /// The compiled path: every scheda scored (`CompiledStaff.score`) and each organization's funds shared as in
    /// `scoreAndPayAll`; the cents paid in all.
    public static func scoreAndPay(_ compiled: inout CompiledStaff) -> Int64 {
        compiled.score()
        var paid: Int64 = 0
        for o in 0..<compiled.organizationCount {
            for distribution in compiled.distributions(ofOrganization: o, funds: { _ in 10_000_000 }) {
                paid &+= distribution.lines.reduce(0) { $0 &+ $1.totalCents }
            }
        }
        return paid
    }
}
