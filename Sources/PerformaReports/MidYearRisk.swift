import Performa

/// The rule the Monitoraggio uses to flag, at 30/6, an indicator at risk of missing its 31/12 target.
///
/// At risk when, at 30/6: (1) the indicator has a 30/6 target but no usable value; or (2) its 30/6
/// achievement (from the Scorer, OIV corrections included) is below 100%; or (3) for a count target
/// (`1489`, `Almeno 100`), the 30/6 value projected linearly to 31/12 — times the days of the year over
/// the days elapsed at 30/6 — would reach less than 100% of the 31/12 target (scored by the plan's own
/// rule). Indicators without a 30/6 target, and neutralised ones, are not flagged.
public enum MidYearRisk {
    public enum Reason: Hashable, Sendable {
        case noValue
        case invalidValue
        case belowMidYearTarget(achievement: Double)
        case projectionShort(projected: Double, achievement: Double)
    }

    public enum Outcome: Hashable, Sendable {
        case onTrack
        case atRisk([Reason])
        /// No 30/6 target: nothing to judge yet.
        case noMidYearTarget
        case neutralised
    }

    public struct Assessment: Hashable, Sendable {
        public var outcome: Outcome
        /// The 30/6 value projected to 31/12 (count targets only).
        public var projected: Double?
        /// The achievement the projection would score against the 31/12 target.
        public var projectedAchievement: Double?

        public var isAtRisk: Bool {
            if case .atRisk = outcome { return true }
            return false
        }
    }

    /// Days of the year over days elapsed at 30/6 (365/181 in 2021).
    public static func projectionFactor(year: Int) -> Double {
        let first = Day(year, 1, 1).ordinal
        let days = Double(Day.yearEnd(year).ordinal - first + 1)
        let elapsed = Double(Day.midYear(year).ordinal - first + 1)
        return days / elapsed
    }

    /// The rule in Italian, as the Monitoraggio prints it.
    public static func ruleText(year: Int) -> String {
        let first = Day(year, 1, 1).ordinal
        let days = Day.yearEnd(year).ordinal - first + 1
        let elapsed = Day.midYear(year).ordinal - first + 1
        return "Un indicatore è segnalato «a rischio» per il 31/12 quando, al 30/6/\(year): "
            + "(1) ha un target al 30/6 ma nessun valore rilevato, o un valore non valido; oppure "
            + "(2) il grado di raggiungimento del target al 30/6 è inferiore al 100%; oppure "
            + "(3) per i target quantitativi espressi come numero (es. 1489, Almeno 100), il valore al 30/6 proiettato linearmente al 31/12 "
            + "(moltiplicato per i giorni dell'anno diviso i giorni trascorsi al 30/6: \(days)/\(elapsed)) raggiunge meno del 100% del target al 31/12. "
            + "Gli indicatori senza target al 30/6 e quelli neutralizzati non sono segnalati."
    }

    /// Judges one indicator from its 30/6 score (as the Scorer computed it) and its 31/12 target.
    public static func assess(indicator: Indicator, midYear: IndicatorScore, policy: ScoringPolicy, year: Int) -> Assessment {
        if midYear.score.status == .neutralised { return Assessment(outcome: .neutralised) }
        guard let target = midYear.target, target.kind.isApplicable else { return Assessment(outcome: .noMidYearTarget) }
        var reasons: [Reason] = []
        var projected: Double?
        var projectedAchievement: Double?
        if midYear.score.override == nil {
            if midYear.measurement == nil { reasons.append(.noValue) } else if midYear.score.status == .invalid { reasons.append(.invalidValue) }
        }
        if let achievement = midYear.score.final, below100(achievement) {
            reasons.append(.belowMidYearTarget(achievement: achievement))
        }
        if let yearEnd = indicator.target(at: .yearEnd(year))?.target.kind, case .atLeast = yearEnd,
           case .number(let value, false)? = midYear.measurement?.value {
            let projection = value * projectionFactor(year: year)
            projected = projection
            projectedAchievement = IndicatorAchievement.score(target: yearEnd, value: .number(projection, percent: false),
                                                              baseline: indicator.baseline?.kind, policy: policy, year: year)
            if let achievement = projectedAchievement, below100(achievement) {
                reasons.append(.projectionShort(projected: projection, achievement: achievement))
            }
        }
        return Assessment(outcome: reasons.isEmpty ? .onTrack : .atRisk(reasons), projected: projected, projectedAchievement: projectedAchievement)
    }

    /// Below 100% at the hundredth of a percent, the precision Performa guarantees.
    private static func below100(_ fraction: Double) -> Bool { (fraction * 10_000).rounded() < 10_000 }

    /// One reason in Italian.
    public static func text(_ reason: Reason) -> String {
        switch reason {
        case .noValue: return "nessun valore rilevato al 30/6"
        case .invalidValue: return "valore al 30/6 non valido"
        case .belowMidYearTarget(let achievement): return "raggiungimento al 30/6 del \(ItalianNumber.percent(achievement))"
        case .projectionShort(let projected, let achievement):
            return "proiezione al 31/12 di \(ItalianNumber.format(projected)) (\(ItalianNumber.percent(achievement)) del target)"
        }
    }
}
