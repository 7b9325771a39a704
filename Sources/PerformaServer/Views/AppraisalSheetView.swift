import Performa

/// A person's *scheda di valutazione* on a page: who, which profile, each component with its weight and score, the
/// individual objectives with their indicators, the behaviours with rating and comment, the final score and every
/// step of the computation in Italian. Built from the computed `Appraisal`; the workflow's part is added by the page.
struct AppraisalSheetView: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
    }

    struct Component: Sendable {
        var title: String
        var weight: String
        var achievement: String
        var meter: String
        var badge: Badge
        var source: String
    }

    struct Indicator: Sendable {
        var title: String
        var target: String
        var measured: String
        var achievement: String
        var badge: Badge
    }

    struct Objective: Sendable {
        var code: String
        var title: String
        var weight: String
        var achievement: String
        var badge: Badge
        var indicators: [Indicator]
    }

    struct Behaviour: Sendable {
        var id: String
        var title: String
        var weight: String
        var rating: String
        var comment: String
    }

    var person: String
    var name: String
    var year: Int
    var facts: [Fact]
    var illustrative: Bool
    var notAppraised: String?
    var components: [Component]
    var objectives: [Objective]
    var hasObjectives: Bool
    var behaviours: [Behaviour]
    var points: String
    var complete: Bool
    var steps: [AppraisalStep]
    /// The print-ready scheda, to sign.
    var printHref: String

    init(appraisal: Appraisal, person: Person, profile: AppraisalProfile?, evaluatorName: String?, smvp: SMVP, cap: Double, printHref: String) {
        self.person = appraisal.person
        name = appraisal.name
        year = appraisal.year
        var facts = [Fact(label: "Categoria", value: person.category.italian)]
        if let area = person.area { facts.append(Fact(label: "Area", value: area.italian)) }
        facts.append(Fact(label: "Struttura", value: person.unit))
        if let profile { facts.append(Fact(label: "Scheda", value: profile.title)) }
        facts.append(Fact(label: "Valutatore", value: evaluatorName ?? appraisal.evaluator ?? "non individuato"))
        facts.append(Fact(label: "Mesi di servizio nell'anno", value: String(appraisal.serviceMonths)))
        if person.partTime < 1 { facts.append(Fact(label: "Part-time", value: ItalianNumber.percent(person.partTime))) }
        self.facts = facts
        illustrative = smvp.illustrative == true
        notAppraised = appraisal.notAppraised
        components = appraisal.components.map { component in
            Component(title: component.title, weight: Display.weight(component.weight), achievement: Display.achievement(component.score.final),
                      meter: AchievementMeter(fraction: component.score.final, cap: cap).svg, badge: Display.statusBadge(component.score),
                      source: component.source)
        }
        let indicators = Dictionary(grouping: appraisal.indicators, by: { $0.key.objective })
        objectives = appraisal.objectives.filter { $0.level == .operational }.map { objective in
            Objective(code: objective.code, title: objective.title, weight: Display.weight(objective.weight),
                      achievement: Display.achievement(objective.score.final), badge: Display.statusBadge(objective.score),
                      indicators: (indicators[objective.key] ?? []).map { indicator in
                          Indicator(title: indicator.title, target: indicator.target?.text ?? "—",
                                    measured: indicator.measurement?.text ?? "non rilevato",
                                    achievement: Display.achievement(indicator.score.final), badge: Display.statusBadge(indicator.score))
                      })
        }
        hasObjectives = !objectives.isEmpty
        behaviours = appraisal.behaviours.map { behaviour in
            Behaviour(id: behaviour.behaviour, title: behaviour.title, weight: Display.weight(behaviour.weight),
                      rating: behaviour.rating.map { rating in [String(rating), behaviour.label].compactMap { $0 }.joined(separator: " · ") } ?? "non valutato",
                      comment: behaviour.comment ?? "")
        }
        points = appraisal.points.map { "\(ItalianNumber.format($0, fractionDigits: 2)) punti su 100" } ?? "non calcolabile"
        complete = appraisal.final.status == .complete
        steps = appraisal.steps
        self.printHref = printHref
    }
}
