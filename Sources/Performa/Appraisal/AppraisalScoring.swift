/// Computes a person's scheda: each component of their SMVP profile scored, then the final score as the weighted
/// mean of the components as printed (to the hundredth of a percent), so that it can be recomputed by hand.
/// Components that do not apply (no objectives assigned, too few people rated) drop out and the remaining weights
/// are re-normalised, as in the plan's roll-up; a missing one leaves the scheda incomplete.
public enum AppraisalScoring {
    public static func appraise(_ person: Person, in context: AppraisalContext) -> Appraisal {
        let smvp = context.smvp
        let months = person.serviceMonths(in: context.year)
        var appraisal = Appraisal(person: person.id, name: person.name, year: context.year, profile: nil,
                                  evaluator: context.evaluator(of: person.id), serviceMonths: months, notAppraised: nil, components: [],
                                  objectives: [], indicators: [], behaviours: [], final: Score(computed: nil, status: .notApplicable),
                                  points: nil, steps: [])
        guard let profile = smvp.profile(for: person.category) else {
            appraisal.notAppraised = "Nessun profilo del SMVP per la categoria «\(person.category.italian)»."
            appraisal.steps = [AppraisalStep("Non valutabile", appraisal.notAppraised!)]
            return appraisal
        }
        appraisal.profile = profile.id
        appraisal.evaluator = appraisal.evaluator ?? profile.evaluatedBy
        guard months >= smvp.minimumServiceMonths else {
            appraisal.notAppraised = "Servizio nell'anno di \(months) mesi, meno dei \(smvp.minimumServiceMonths) richiesti dal SMVP."
            appraisal.steps = [AppraisalStep("Non valutabile", appraisal.notAppraised!)]
            return appraisal
        }
        let input = context.input(for: person.id)
        var steps: [AppraisalStep] = [AppraisalStep("Mesi di servizio", "\(months) mesi nel \(context.year) (conta il mese con più di 15 giorni di servizio).")]
        for component in profile.components {
            let (score, source) = componentScore(component.kind, person: person, profile: profile, input: input, context: context, appraisal: &appraisal)
            appraisal.components.append(Appraisal.ComponentScore(kind: component.kind, title: component.displayTitle, weight: component.weight,
                                                                 score: score, source: source))
            let value = score.percent.map { ItalianNumber.percentValue($0) } ?? "— (\(score.status.italian))"
            steps.append(AppraisalStep(component.displayTitle, "peso \(ItalianNumber.percentValue(component.weight)): \(value) — \(source)."))
        }
        let (final, finalStep) = combine(appraisal.components)
        appraisal.final = final
        appraisal.points = Appraisal.points(final)
        steps.append(finalStep)
        appraisal.steps = steps
        return appraisal
    }

    /// Every person's scheda, in id order.
    public static func appraiseAll(_ context: AppraisalContext) -> [Appraisal] {
        context.peopleInIdOrder.map { appraise($0, in: context) }
    }

    private static func componentScore(_ kind: AppraisalComponent.Kind, person: Person, profile: AppraisalProfile, input: AppraisalInput?,
                                       context: AppraisalContext, appraisal: inout Appraisal) -> (Score, String) {
        let card = context.scorecard
        switch kind {
        case .organization:
            return (card.result, "risultato dell'ente nel Piano al \(card.checkpoint.italian)")
        case .unit:
            let unitName = context.organization.units?.first { $0.id == person.unit }?.name ?? person.unit
            guard let entry = context.units.performance(of: person.unit) else {
                return (Score(computed: nil, status: .notApplicable), "nessun risultato misurato per «\(unitName)»")
            }
            return (entry.score, "«\(unitName)»: \(entry.source)")
        case .assignedObjectives:
            guard let manager = card.manager(person.id) else {
                return (Score(computed: nil, status: .notApplicable), "nessun obiettivo assegnato nel Piano")
            }
            let list = manager.objectives.map { "\($0.objective) (\(ItalianNumber.percentValue($0.weight)))" }.joined(separator: ", ")
            return (manager.score, "tabella di assegnazione del Piano: \(list)")
        case .individualObjectives:
            let outcome = IndividualObjectiveScoring.score(input?.objectives ?? [], results: input?.results, year: context.year, policy: card.policy)
            appraisal.objectives = outcome.objectives
            appraisal.indicators = outcome.indicators
            guard !outcome.objectives.isEmpty else { return (outcome.score, "nessun obiettivo individuale assegnato") }
            let list = outcome.objectives.map { o in
                "\(o.code) (peso \(o.weight.map { ItalianNumber.percentValue($0) } ?? "—")): \(o.score.percent.map { ItalianNumber.percentValue($0) } ?? o.score.status.italian)"
            }.joined(separator: "; ")
            return (outcome.score, "obiettivi misurati con le regole del Piano: \(list)")
        case .behaviours:
            let outcome = BehaviourScoring.score(input?.ratings ?? [], behaviours: profile.behaviours, scale: context.smvp.scale)
            appraisal.behaviours = outcome.behaviours
            return (outcome.score, outcome.explanation)
        case .differentiation:
            guard let rule = context.smvp.differentiationCapacity else {
                return (Score(computed: nil, status: .notApplicable), "regola non definita nel SMVP")
            }
            let scores = context.ratedBy(person.id).compactMap { context.behaviourPoints[$0] }
            let outcome = DifferentiationCapacity.evaluate(behaviourScores: scores, rule: rule, topFrom: context.smvp.topRatingFrom)
            return (outcome.score, outcome.explanation)
        }
    }

    /// The final score's numbers, the rule every way of computing a scheda shares (`combine` for the scheda,
    /// `AppraisalNumbers` for the bulk path): whether it can be computed and its status are the plan's roll-up
    /// rule (`WeightedMean`, whose status does not depend on the order of the parts, so they are not sorted); the
    /// value is the weighted mean of the components' printed percentages, in exact hundredths (nil when it cannot
    /// be computed: then `score` is the roll-up's own).
    public static func finalScore(_ parts: [(weight: Double, score: Score)]) -> (score: Score, hundredths: Int?) {
        var mean = WeightedMean()
        var totalWeight = 0, weightedSum = 0
        for part in parts {
            let score = part.score
            mean.add(weight: WeightedMean.weight(part.weight), computed: score.computed ?? .nan, override: score.overrideFraction,
                     status: score.status.compiledCode)
            if !(score.status == .notApplicable || score.status == .neutralised), let final = score.final {
                let weight = Hundredths.of(percent: part.weight)
                totalWeight += weight
                weightedSum += weight * Hundredths.of(fraction: final)
            }
        }
        let outcome = Score(mean.outcome())
        guard outcome.final != nil, outcome.status != .blocked, totalWeight > 0 else { return (outcome, nil) }
        let hundredths = Hundredths.divide(weightedSum, totalWeight)
        return (Score(computed: Double(hundredths) / 10_000, status: outcome.status), hundredths)
    }

    /// The final score and its step in Italian: the numbers from `finalScore`, the text on top.
    static func combine(_ components: [Appraisal.ComponentScore]) -> (Score, AppraisalStep) {
        let (final, hundredths) = finalScore(components.map { ($0.weight, $0.score) })
        guard let hundredths else {
            let missing = components.filter { $0.score.final == nil && $0.score.status != .notApplicable }.map(\.title)
            return (final, AppraisalStep("Punteggio finale", "non calcolabile: mancano \(missing.joined(separator: ", "))."))
        }
        let counted = components.filter { !($0.score.status == .notApplicable || $0.score.status == .neutralised) && $0.score.final != nil }
        let terms = counted.map { "\(ItalianNumber.percentValue($0.weight)) × \(Hundredths.text(Hundredths.of(fraction: $0.score.final!)))" }
        let totalWeight = counted.reduce(0) { $0 + Hundredths.of(percent: $1.weight) }
        var text = totalWeight == 10_000
            ? "\(terms.joined(separator: " + ")) = \(Hundredths.text(hundredths)) punti su 100"
            : "(\(terms.joined(separator: " + "))) / \(Hundredths.text(totalWeight))% = \(Hundredths.text(hundredths)) punti su 100"
        let dropped = components.filter { $0.score.status == .notApplicable || $0.score.status == .neutralised }.map(\.title)
        if !dropped.isEmpty { text += "; componenti non applicabili escluse e pesi ri-normalizzati: \(dropped.joined(separator: ", "))" }
        if final.status == .incomplete { text += "; valore provvisorio: alcune componenti mancano" }
        return (final, AppraisalStep("Punteggio finale", text + "."))
    }
}
