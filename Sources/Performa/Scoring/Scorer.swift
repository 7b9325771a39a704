/// Scores a plan at one checkpoint: each indicator against its target, then the roll-up to operational
/// objectives, strategic objectives (own share + operational share), areas, the organization, special
/// agencies and managers, and the *valorizzazione* when a fund is given. Pure and deterministic.
public struct Scorer: Sendable {
    public let plan: Plan
    public let policy: ScoringPolicy

    public init(plan: Plan, policy: ScoringPolicy? = nil) {
        self.plan = plan
        self.policy = policy ?? plan.policy ?? .standard
    }

    public func scorecard(results: Results, at checkpoint: Day, fundCents: Int64? = nil) -> Scorecard {
        var run = Run(plan: plan, policy: policy, results: results, checkpoint: checkpoint)
        let areas = plan.areas.map { run.area($0) }
        let organizationOutcome = RollUp.combine(areas.map { RollUp.Part(key: $0.code, weight: $0.weight, score: $0.score) })
        let agencies = (plan.specialAgencyObjectives ?? []).map { run.agency($0) }
        // Prevention measures are scored like objectives but count in no total: the PIAO reports them apart.
        for measure in plan.piao?.risks?.measures ?? [] where !(measure.indicators ?? []).isEmpty {
            _ = run.operational(MeasureSheet(measure), key: measure.key, parent: PIAOSection.risks.number, level: .measure)
        }
        let managers = (plan.assignments ?? []).map { run.manager($0) }
        let valorization = fundCents.map { run.valorization(fundCents: $0) }
        return Scorecard(
            plan: plan.id, organization: plan.organization.name, checkpoint: checkpoint,
            illustrative: results.illustrative ?? false, policy: policy, result: organizationOutcome.score,
            areas: areas, objectives: run.objectives, agencies: agencies, managers: managers,
            indicators: run.indicators, valorization: valorization, notes: run.notes.sorted()
        )
    }
}

/// One scoring pass; collects every score it computes so that the scorecard lists them all.
private struct Run {
    let plan: Plan
    let policy: ScoringPolicy
    /// The policy as every indicator is scored with it (the bulk roll-up scores with the same).
    let prepared: PreparedPolicy
    let results: Results
    let checkpoint: Day
    var objectives: [ObjectiveScore] = []
    var indicators: [IndicatorScore] = []
    var notes: [Diagnostic] = []

    init(plan: Plan, policy: ScoringPolicy, results: Results, checkpoint: Day) {
        self.plan = plan
        self.policy = policy
        self.prepared = PreparedPolicy(policy)
        self.results = results
        self.checkpoint = checkpoint
    }

    private func override(_ subject: String) -> AchievementOverride? {
        results.overrides?.last { $0.subject == subject && $0.at == checkpoint }
    }

    private func neutralisation(_ key: IndicatorKey, _ indicator: Indicator) -> String? {
        if let n = indicator.neutralised, (n.from ?? checkpoint) <= checkpoint { return n.reason }
        return results.neutralisations?.last { $0.indicator == key && ($0.from ?? checkpoint) <= checkpoint }?.reason
    }

    mutating func indicator(_ indicator: Indicator, objective: String) -> RollUp.Part {
        let key = IndicatorKey(objective: objective, number: indicator.number)
        let entry = indicator.target(at: checkpoint)
        let weight = indicator.weight(at: checkpoint)
        let measurement = results.current(key, at: checkpoint)
        var reason: String?
        let measure: RuleMeasure
        if let why = neutralisation(key, indicator) {
            measure = RuleMeasure(rule: .neutralised)
            reason = why
        } else if let entry {
            measure = RuleMeasure.measure(measurement?.value, target: entry.target.kind, baseline: indicator.baseline?.kind, year: checkpoint.year)
            if measure.rule == .invalid, let measurement {
                reason = measurement.value.problem(for: entry.target.kind) ?? "Valore non adatto al target."
            }
        } else {
            measure = RuleMeasure(rule: .notApplicable)
        }
        var score = Score(prepared.outcome(of: measure))
        score.override = override(key.description)
        indicators.append(IndicatorScore(key: key, title: indicator.title, target: entry?.target, baseline: indicator.baseline,
                                         weight: weight, measurement: measurement, score: score, reason: reason))
        return RollUp.Part(key: key.description, weight: weight, score: score)
    }

    private mutating func combine(_ parts: [RollUp.Part], at location: String) -> Score {
        let outcome = RollUp.combine(parts)
        if !outcome.droppedWithWeight.isEmpty {
            notes.append(Diagnostic(code: "R-RENORM", severity: .info, location: location,
                                    message: "Pesi ri-normalizzati: escluse dal calcolo le voci senza target o neutralizzate (\(outcome.droppedWithWeight.joined(separator: ", ")))."))
        }
        if outcome.usedEqualWeights {
            notes.append(Diagnostic(code: "R-EQUAL", severity: .warning, location: location,
                                    message: "Nessun peso indicato: le voci sono state considerate di pari peso."))
        }
        return outcome.score
    }

    mutating func operational(_ objective: some ObjectiveSheet, key: String, parent: String, level: ObjectiveScore.Level) -> RollUp.Part {
        let parts = objective.indicators.map { indicator($0, objective: key) }
        var score = combine(parts, at: key)
        score.override = override(key)
        objectives.append(ObjectiveScore(key: key, code: objective.code, title: objective.title, level: level, parent: parent,
                                         weight: objective.weight, score: score))
        return RollUp.Part(key: key, weight: objective.weight, score: score)
    }

    mutating func strategic(_ objective: StrategicObjective, area: String) -> RollUp.Part {
        let own = combine(objective.indicators.map { indicator($0, objective: objective.code) }, at: objective.code)
        let operational = combine(objective.operationalObjectives.map {
            self.operational($0, key: $0.code, parent: objective.code, level: .operational)
        }, at: objective.code)
        let split = objective.split
        // The split between own indicators and operational objectives is the objective's own rule, not a
        // planner's weight: when one side has nothing to score at this checkpoint the other counts alone.
        var score = RollUp.split(own: own, operational: operational, split: split)
        if !objective.indicators.isEmpty, own.status == .notApplicable, operational.final != nil {
            notes.append(Diagnostic(code: "R-SPLIT", severity: .info, location: objective.code,
                                    message: "Nessun indicatore proprio con target a questa scadenza: il risultato è dato dai soli obiettivi operativi."))
        }
        score.override = override(objective.code)
        objectives.append(ObjectiveScore(key: objective.code, code: objective.code, title: objective.title, level: .strategic, parent: area,
                                         weight: objective.weight, score: score, ownIndicators: own.final, operationalObjectives: operational.final))
        return RollUp.Part(key: objective.code, weight: objective.weight, score: score)
    }

    mutating func area(_ area: StrategicArea) -> AreaScore {
        let parts = area.objectives.map { strategic($0, area: area.code) }
        return AreaScore(code: area.code, title: area.title, weight: policy.areaWeight(area),
                         score: combine(parts, at: "area:\(area.code)"))
    }

    mutating func agency(_ group: SpecialAgencyObjectives) -> AgencyScore {
        let agency = plan.organization.specialAgencies?.first { $0.id == group.agency }
        let prefix = agency?.code ?? group.agency
        let parts = group.objectives.map { operational($0, key: "\(prefix).\($0.code)", parent: group.agency, level: .agency) }
        return AgencyScore(id: group.agency, name: agency?.name ?? group.agency, score: combine(parts, at: "agenzia:\(group.agency)"))
    }

    mutating func manager(_ assignment: Assignment) -> ManagerScore {
        var assigned: [AssignedScore] = []
        var parts: [RollUp.Part] = []
        for item in assignment.objectives {
            let score = objectives.first { $0.key == item.objective }?.score
            if score == nil {
                notes.append(Diagnostic(code: "R-UNKNOWN", severity: .warning, location: "dirigente:\(assignment.manager)",
                                        message: "Obiettivo assegnato «\(item.objective)» inesistente nel piano: escluso dal punteggio."))
            }
            assigned.append(AssignedScore(objective: item.objective, weight: item.weight, achievement: score?.final))
            parts.append(RollUp.Part(key: item.objective, weight: item.weight, score: score ?? Score(computed: nil, status: .notApplicable)))
        }
        let name = plan.organization.managers.first { $0.id == assignment.manager }?.name ?? assignment.manager
        return ManagerScore(manager: assignment.manager, name: name, score: combine(parts, at: "dirigente:\(assignment.manager)"), objectives: assigned)
    }

    func valorization(fundCents: Int64) -> Valorization {
        let relevant = PlanIndex(plan).objectiveSheets.compactMap { entry -> (String, Double)? in
            guard let r = entry.sheet.relevance, r > 0 else { return nil }
            return (entry.key, r)
        }
        let total = relevant.reduce(0) { $0 + $1.1 }
        let lines = relevant.map { key, relevance -> ValorizationLine in
            let value = Int64((Double(fundCents) * relevance / total).rounded(.toNearestOrAwayFromZero))
            let achievement = objectives.first { $0.key == key }?.score.final
            let earns = (achievement ?? 0) >= policy.minimumAchievementForPayout
            let earned = earns ? Int64((Double(value) * min(achievement ?? 0, 1)).rounded(.toNearestOrAwayFromZero)) : 0
            return ValorizationLine(objective: key, relevance: relevance, valueCents: value, achievement: achievement, earnedCents: earned)
        }
        return Valorization(fundCents: fundCents, lines: lines)
    }
}
