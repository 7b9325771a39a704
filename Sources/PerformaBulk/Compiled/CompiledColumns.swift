import Performa

/// The columns of a `CompiledRollUp`: one array per field, one entry per node, nodes of a level stored
/// contiguously under their parent (so a parent's children are a range, `start[p]..<start[p + 1]`).
/// Achievements are fractions with NaN for "none"; statuses are `ScoreStatus.compiledCode` bytes.
/// Read-only outside this module: benchmarks and exports read them, only scoring writes them.

/// One entry per organization (plan).
public struct CompiledOrganizations: Sendable {
    public internal(set) var id: [String] = []
    /// Index into the roll-up's policies.
    public internal(set) var policy: [Int32] = []
    public internal(set) var areaStart: [Int32] = [0]
    public internal(set) var strategicStart: [Int32] = [0]
    public internal(set) var groupStart: [Int32] = [0]
    public internal(set) var agencyStart: [Int32] = [0]
    public internal(set) var managerStart: [Int32] = [0]
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []
}

/// One entry per strategic area, in code order within its organization.
public struct CompiledAreas: Sendable {
    public internal(set) var code: [String] = []
    public internal(set) var organization: [Int32] = []
    /// The area's weight in the organization: the policy's `areaWeights`, else the plan's, else 0.
    public internal(set) var weight: [Double] = []
    /// Strategic objectives of area `a`: `strategicStart[a]..<strategicStart[a + 1]`.
    public internal(set) var strategicStart: [Int32] = [0]
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []
}

/// One entry per strategic objective, in code order within its area.
public struct CompiledStrategics: Sendable {
    public internal(set) var key: [String] = []
    public internal(set) var area: [Int32] = []
    public internal(set) var weight: [Double] = []
    /// The split between own indicators and operational objectives (0 when the plan gives none).
    public internal(set) var ownShare: [Double] = []
    public internal(set) var operationalShare: [Double] = []
    /// The group of the objective's own indicators; its operational objectives are the groups
    /// `ownGroup + 1 ..< operationalEnd`.
    public internal(set) var ownGroup: [Int32] = []
    public internal(set) var operationalEnd: [Int32] = []
    /// The OIV's override as a fraction (NaN: none).
    public internal(set) var override: [Double] = []
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []
    /// Managers assigned the objective: `managers[managerStart[s]..<managerStart[s + 1]]`.
    var managerStart: [Int32] = [0]
    var managers: [Int32] = []
}

/// What a group of indicators belongs to.
public enum CompiledGroupKind: UInt8, Sendable {
    /// A strategic objective's own indicators.
    case ownIndicators
    case operational
    /// A special agency's objective.
    case agency
}

/// One entry per objective scored by indicators: operational and agency objectives, and the own
/// indicators of each strategic objective (which sit just before its operational objectives).
public struct CompiledGroups: Sendable {
    public internal(set) var key: [String] = []
    public internal(set) var kind: [CompiledGroupKind] = []
    /// The strategic objective (own indicators, operational) or the agency (agency objectives).
    public internal(set) var parent: [Int32] = []
    /// The objective's weight in its parent (0 for own indicators, which take the split instead).
    public internal(set) var weight: [Double] = []
    public internal(set) var override: [Double] = []
    /// Indicators of group `g`: `indicatorStart[g]..<indicatorStart[g + 1]`.
    public internal(set) var indicatorStart: [Int32] = [0]
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []
    var managerStart: [Int32] = [0]
    var managers: [Int32] = []
}

/// One entry per indicator, in code order within its group: the typed target and the measurement at
/// the checkpoint as `RuleMeasure` describes them.
public struct CompiledIndicators: Sendable {
    /// `ScoringRule` raw value, with `ScoringRule.overriddenFlag` when overridden.
    public internal(set) var rule: [UInt8] = []
    public internal(set) var target: [Double] = []
    public internal(set) var auxiliary: [Double] = []
    public internal(set) var value: [Double] = []
    /// The weight at the checkpoint, `max(weight ?? 0, 0)`.
    public internal(set) var weight: [Double] = []
    public internal(set) var override: [Double] = []
    public internal(set) var group: [Int32] = []
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []
    /// What a new measurement is read against.
    var targetKind: [TargetKind] = []
    var baseline: [TargetKind?] = []
    var number: [Int32] = []
}

/// The parts of compound targets, referred to by their indicators (`RuleMeasure`).
public struct CompiledParts: Sendable {
    public internal(set) var rule: [ScoringRule] = []
    public internal(set) var target: [Double] = []
    public internal(set) var auxiliary: [Double] = []
    public internal(set) var value: [Double] = []
}

/// One entry per special agency with objectives.
public struct CompiledAgencies: Sendable {
    public internal(set) var id: [String] = []
    public internal(set) var organization: [Int32] = []
    /// Agency objectives of agency `a`: groups `groupStart[a]..<groupEnd[a]`.
    public internal(set) var groupStart: [Int32] = []
    public internal(set) var groupEnd: [Int32] = []
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []
}

/// One entry per assignment table (manager), with its assigned objectives in code order.
public struct CompiledManagers: Sendable {
    public internal(set) var id: [String] = []
    public internal(set) var organization: [Int32] = []
    /// Assignments of manager `m`: `assignmentStart[m]..<assignmentStart[m + 1]`.
    public internal(set) var assignmentStart: [Int32] = [0]
    /// The assigned objective: a group index (≥ 0), a strategic objective `s` as `-(s + 1)`, or
    /// `CompiledManagers.unknownObjective` for a key the plan does not have.
    public internal(set) var assignmentObjective: [Int32] = []
    public internal(set) var assignmentWeight: [Double] = []
    public internal(set) var score: [Double] = []
    public internal(set) var status: [UInt8] = []

    public static let unknownObjective = Int32.min
}
