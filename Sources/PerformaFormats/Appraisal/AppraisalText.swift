import Performa

/// The schede, the bonus and the differentiation report as Italian text for the terminal and for print: every
/// component with its weight, source and score, each individual objective and indicator, each behaviour with its
/// rating and comment, and each step of the computation as `Appraisal.steps` keeps it.
public enum AppraisalText {
    public static func scheda(_ scheda: Appraisal, context: AppraisalContext) -> String {
        var out = "SCHEDA DI VALUTAZIONE \(scheda.year) — \(scheda.name) (\(scheda.person))\n"
        if context.smvp.illustrative == true { out += "ESEMPIO ILLUSTRATIVO: SMVP e valutazioni inventati, non dati reali.\n" }
        let profile = scheda.profile.flatMap { id in context.smvp.profiles.first { $0.id == id } }
        out += "Profilo: \(profile?.title ?? "—")\n"
        out += "Valutatore: \(scheda.evaluator.map { context.person($0)?.name ?? $0 } ?? "—")\n"
        out += "Mesi di servizio: \(scheda.serviceMonths)\n"
        if let reason = scheda.notAppraised { return out + "Non valutabile: \(reason)\n" }
        out += "\nComponenti\n"
        for component in scheda.components {
            out += "  - \(component.title) (peso \(ItalianNumber.percentValue(component.weight))): \(score(component.score))\n"
            out += "    \(component.source)\n"
        }
        if !scheda.objectives.isEmpty {
            out += "\nObiettivi individuali\n"
            for objective in scheda.objectives {
                out += "  - \(objective.code) \(objective.title) (peso \(objective.weight.map { ItalianNumber.percentValue($0) } ?? "—")): \(score(objective.score))\n"
                for indicator in scheda.indicators where indicator.key.objective == objective.code {
                    let measured = indicator.measurement.map { "rilevato «\($0.text)»" } ?? "nessuna rilevazione"
                    out += "      \(indicator.key) \(indicator.title): target «\(indicator.target?.text ?? "—")», \(measured) → \(score(indicator.score))"
                    out += indicator.reason.map { " (\($0))" } ?? ""
                    out += "\n"
                }
            }
        }
        if !scheda.behaviours.isEmpty {
            out += "\nComportamenti (scala \(context.smvp.scale.minimum)–\(context.smvp.scale.maximum))\n"
            for behaviour in scheda.behaviours {
                let rating = behaviour.rating.map { "\($0)\(behaviour.label.map { " (\($0))" } ?? "")" } ?? "non valutato"
                out += "  - \(behaviour.title): \(rating)\n"
                if let comment = behaviour.comment, !comment.isEmpty { out += "    «\(comment)»\n" }
            }
        }
        out += "\nCalcolo\n"
        for (number, step) in scheda.steps.enumerated() { out += "  \(number + 1). \(step.title): \(step.text)\n" }
        out += "\nPunteggio finale: \(scheda.points.map { ItalianNumber.format($0, fractionDigits: 2, minimumFractionDigits: 2) + " punti su 100" } ?? "non calcolabile")"
        out += scheda.final.status == .complete ? "\n" : " (\(scheda.final.status.italian))\n"
        return out
    }

    /// A score as the scheda prints it: `92,35%`, or its state when there is no value.
    static func score(_ score: Score) -> String {
        score.percent.map { ItalianNumber.percentValue($0) } ?? "— (\(score.status.italian))"
    }

    /// Every scheda, separated by a rule.
    public static func schede(_ schede: [Appraisal], context: AppraisalContext) -> String {
        schede.map { scheda($0, context: context) }.joined(separator: "\n" + String(repeating: "─", count: 72) + "\n\n")
    }

    public static func bonus(_ distributions: [BonusDistribution], context: AppraisalContext) -> String {
        var out = "PREMI \(context.year) — \(context.organization.name)\n"
        if context.smvp.illustrative == true { out += "ESEMPIO ILLUSTRATIVO: SMVP, valutazioni e fondi inventati, non dati reali.\n" }
        for bonus in distributions {
            let title = context.smvp.profiles.first { $0.id == bonus.profile }?.title ?? bonus.profile
            out += "\n\(title): fondo \(ItalianNumber.euro(cents: bonus.fundCents)), soglia \(ItalianNumber.format(bonus.rules.threshold, fractionDigits: 2)) punti\n"
            if let d = bonus.rules.differentiation {
                out += "Differenziazione (CCNL Funzioni Locali 2019-21 art. 81): maggiorazione del \(ItalianNumber.percentValue(d.increase)) del premio medio "
                out += "per al più il \(ItalianNumber.percentValue(d.share)) dei premiati: \(bonus.increasedCount == 1 ? "1 persona" : "\(bonus.increasedCount) persone"), \(ItalianNumber.euro(cents: bonus.increaseCents)) ciascuna\n"
            }
            for line in bonus.lines {
                let name = context.person(line.person)?.name ?? line.person
                let points = line.points.map { ItalianNumber.format($0, fractionDigits: 2, minimumFractionDigits: 2) } ?? "—"
                out += "  \(line.person) \(name): punti \(points), \(ItalianNumber.euro(cents: line.totalCents))"
                if line.increaseCents > 0 { out += " (di cui maggiorazione \(ItalianNumber.euro(cents: line.increaseCents)))" }
                if let reason = line.unpaidReason { out += " — \(reason)" }
                out += "\n"
            }
            out += "Distribuito \(ItalianNumber.euro(cents: bonus.distributedCents)) a \(bonus.paidCount) persone"
            out += bonus.undistributedCents == 0 ? ": il fondo è distribuito per intero.\n" : "; non distribuito \(ItalianNumber.euro(cents: bonus.undistributedCents)).\n"
        }
        return out
    }

    public static func differentiation(_ report: DifferentiationReport) -> String {
        var out = "GRADO DI DIFFERENZIAZIONE DELLE VALUTAZIONI \(report.year)\n"
        func group(_ g: DifferentiationReport.Group) -> String {
            let d = g.distribution
            func number(_ value: Double?) -> String { value.map { ItalianNumber.format($0, fractionDigits: 2, minimumFractionDigits: 2) } ?? "—" }
            var line = "  \(g.title): \(d.count) valutati, media \(number(d.mean)), scarto quadratico medio \(number(d.standardDeviation)), "
            line += "min \(number(d.lowest)), max \(number(d.highest)), da \(ItalianNumber.format(d.topFrom, fractionDigits: 2)) punti in su \(d.topCount)"
            line += d.topShare.map { " (\(ItalianNumber.percent($0)))" } ?? ""
            return line + "\n"
        }
        out += "\nPer profilo\n" + report.byProfile.map(group).joined()
        out += "\nPer valutatore\n" + report.byEvaluator.map(group).joined()
        return out
    }
}
