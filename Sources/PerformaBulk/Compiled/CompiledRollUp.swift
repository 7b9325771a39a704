import Performa

/// Many organizations' plans and measurements at one checkpoint, compiled into flat columns
/// (struct of arrays) so that a national roll-up — millions of indicators — takes milliseconds.
///
/// It computes the same numbers and statuses as `Scorer` because it calls the same functions: values read
/// by `RuleMeasure`, each rule's file in Performa's `Scoring/Rules` through `ScoringRule` and `PreparedPolicy`
/// (cap, threshold, bands, missing values), `WeightedMean` at every level (re-normalisation, the strategic
/// split), sums in the same code order. They are `@inlinable`, so they inline into this module's loops. What
/// is its own is the layout (columns) and the loops: indicators, objectives, areas, organizations, special
/// agencies and managers, with neutralisations and OIV overrides. It does not write the scorecard's notes:
/// `Scorer` does that for one plan. The PIAO's prevention measures, which count in no total, are left to `Scorer`.
/// Pure and deterministic; no I/O.
///
///     var rollUp = CompiledRollUp(checkpoint: .yearEnd(2021))
///     for (plan, results) in plans { rollUp.add(plan, results: results) }
///     rollUp.rollUp()                                   // every score, from scratch
///     rollUp.record(.number(1_500, percent: false), indicator: i)   // re-scores only i's chain
public struct CompiledRollUp: Sendable {
    public let checkpoint: Day
    public internal(set) var organizations = CompiledOrganizations()
    public internal(set) var areas = CompiledAreas()
    public internal(set) var strategics = CompiledStrategics()
    public internal(set) var groups = CompiledGroups()
    public internal(set) var indicators = CompiledIndicators()
    public internal(set) var agencies = CompiledAgencies()
    public internal(set) var managers = CompiledManagers()
    public internal(set) var parts = CompiledParts()
    /// The first slot in `parts` reserved for each indicator with a compound target.
    var compoundSlots: [Int32: Int32] = [:]
    var policies: [PreparedPolicy] = []
    var policyIndex: [ScoringPolicy: Int32] = [:]
    /// Each organization's indicators by rule, for the full pass.
    var ruleOrder = CompiledRuleOrder()
    /// Per organization: objective keys and indicator keys to their nodes.
    var lookups: [CompiledLookup] = []

    public init(checkpoint: Day) {
        self.checkpoint = checkpoint
    }

    public var organizationCount: Int { organizations.id.count }
    public var indicatorCount: Int { indicators.rule.count }

    /// The policy organization `organization` is scored with.
    public func policy(ofOrganization organization: Int) -> ScoringPolicy {
        policies[Int(organizations.policy[organization])].policy
    }
}

/// Where an organization's objectives and indicators are, by key.
struct CompiledLookup: Sendable {
    enum Objective: Sendable {
        case group(Int32)
        case strategic(Int32)
    }

    /// Objective keys as `Scorer` lists them (the first of a repeated key wins, as in `Scorecard`).
    var objectives: [String: Objective] = [:]
    var indicators: [IndicatorKey: Int32] = [:]
    var areas: [String: Int32] = [:]
    var agencies: [String: Int32] = [:]
    var managers: [String: Int32] = [:]
}
