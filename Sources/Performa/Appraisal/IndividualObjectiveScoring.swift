/// Scores a scheda's individual objectives with the plan's own machinery: they are set as the operational
/// objectives of a one-objective plan and given to `Scorer`, so each indicator goes through exactly the path a
/// plan indicator goes through (target parsing, the shape's rule, the policy's cap, threshold and bands, missing
/// measurements, neutralisations, overrides) and the objectives roll up to one score as a plan's do.
public enum IndividualObjectiveScoring {
    public struct Outcome: Sendable {
        /// The objectives' combined score (not applicable when there are none).
        public var score: Score
        public var objectives: [ObjectiveScore]
        public var indicators: [IndicatorScore]
        public var notes: [Diagnostic]
    }

    /// Key of the wrapper objective; the individual objectives keep their own codes (`OI.1`, `OI.2`).
    public static let wrapperKey = "scheda"

    public static func score(_ objectives: [OperationalObjective], results: Results?, year: Int, policy: ScoringPolicy) -> Outcome {
        guard !objectives.isEmpty else {
            return Outcome(score: Score(computed: nil, status: .notApplicable), objectives: [], indicators: [], notes: [])
        }
        let card = Scorer(plan: plan(objectives, year: year, policy: policy)).scorecard(results: results ?? Results(plan: wrapperKey),
                                                                                       at: .yearEnd(year))
        let own = card.objectives.filter { $0.level == .operational }
        return Outcome(score: card.objective(wrapperKey)?.score ?? card.result, objectives: own, indicators: card.indicators,
                       notes: card.notes.filter { $0.location != wrapperKey && !$0.location.hasPrefix("area:") })
    }

    /// The one-objective plan the objectives are scored as: one area, one strategic objective (`wrapperKey`) whose
    /// result is its operational objectives' (the bulk path, `CompiledStaff`, compiles the same plan).
    public static func plan(_ objectives: [OperationalObjective], year: Int, policy: ScoringPolicy) -> Plan {
        let wrapper = StrategicObjective(code: wrapperKey, title: "Obiettivi individuali", weight: 100,
                                         split: ResultSplit(ownIndicators: 0, operationalObjectives: 100), operationalObjectives: objectives)
        var plan = Plan(id: wrapperKey, title: "Scheda", span: YearSpan(from: year, to: year), year: year,
                        organization: Organization(id: wrapperKey, name: wrapperKey),
                        areas: [StrategicArea(code: wrapperKey, title: "Scheda", objectives: [wrapper])])
        plan.policy = policy
        return plan
    }
}
