/// The plan validator: runs every check of DESIGN.md §4 on a plan and returns the findings in a stable
/// order (errors first, then by location in plan order, then by code and message).
///
/// Pure and deterministic: the same plan gives the same diagnostics on any machine. Each rule lives in
/// its own type under `Validation/Checks/`, named after what it catches; the codes are stable and are
/// what documents, the command line and the OIV's notes refer to.
public struct PlanValidator: Sendable {
    /// Every check, in the order of DESIGN.md §4: consistency of weights and targets, codes,
    /// assignments, budget, then the OIV's quality checks.
    static let checks: [any PlanCheck] = [
        WeightSumCheck(),
        MissingWeightCheck(),
        NotApplicableWeightCheck(),
        MissingTargetCheck(),
        EffectiveWeightCheck(),
        DuplicateCodeCheck(),
        CodePrefixCheck(),
        AssignmentSumCheck(),
        UnknownAssignmentCheck(),
        UnassignedObjectiveCheck(),
        OverAssignmentCheck(),
        BudgetAmountCheck(),
        BudgetJumpCheck(),
        EasyTargetCheck(),
        IncomparableTargetCheck(),
        MilestoneEvidenceCheck(),
        ScenarioTotalCheck(),
        PIAOCheck(),
    ]

    /// The stable codes the validator can emit, each once.
    public static var codes: [String] {
        var seen: Set<String> = []
        return checks.flatMap { type(of: $0).codes }.filter { seen.insert($0).inserted }
    }

    public init() {}

    public func validate(_ plan: Plan) -> [Diagnostic] {
        let context = ValidationContext(plan)
        let found = Set(Self.checks.flatMap { $0.run(context) })
        // The location's sort key computed once per finding rather than at every comparison.
        return found.map { (diagnostic: $0, key: ObjectiveCode.sortKey($0.location)) }
            .sorted { Self.precedes($0.diagnostic, $0.key, $1.diagnostic, $1.key) }
            .map(\.diagnostic)
    }

    /// `Diagnostic`'s own order, made total so that the output never depends on the order the checks ran in;
    /// the locations' sort keys are given.
    private static func precedes(_ a: Diagnostic, _ aKey: [ObjectiveCode.SortPart], _ b: Diagnostic, _ bKey: [ObjectiveCode.SortPart]) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        if a.location != b.location {
            if aKey.lexicographicallyPrecedes(bKey) { return true }
            if bKey.lexicographicallyPrecedes(aKey) { return false }
            return a.location < b.location
        }
        if a.code != b.code { return a.code < b.code }
        if a.message != b.message { return a.message < b.message }
        return (a.line ?? 0) < (b.line ?? 0)
    }

}
