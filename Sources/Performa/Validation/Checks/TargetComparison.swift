/// How a target compares with its baseline: what kind of quantity each states, and which way is better.
/// Shared by the quality checks Q-EASY and Q-INCOMPARABLE.
enum TargetComparison {
    /// The kind of quantity a target states. Only targets of the same kind can be compared.
    enum Quantity: Equatable {
        /// `1489`, `n. 70`, `massimo 5 giorni`.
        case count
        /// `90%`, `massimo il 5%`, and a ratio's percentage (`evase / pervenute ≥ 95%`).
        case percent
        /// `uno al giorno lavorativo`.
        case rate
        /// `-5,00%`: a change *relative to the baseline*, comparable with any quantitative baseline.
        case change

        var italian: String {
            switch self {
            case .count: return "un numero"
            case .percent: return "una percentuale"
            case .rate: return "una frequenza"
            case .change: return "una variazione percentuale"
            }
        }
    }

    /// The quantity a target states; nil for yes/no, milestones, deadlines, compound targets and `-`.
    static func quantity(_ kind: TargetKind) -> Quantity? {
        switch kind {
        case .atLeast, .atMost: return .count
        case .percentAtLeast, .percentAtMost, .ratio: return .percent
        case .rate: return .rate
        case .change: return .change
        default: return nil
        }
    }

    /// True when a higher value is better, false when lower is better; nil when the target has no level.
    static func higherIsBetter(_ kind: TargetKind) -> Bool? {
        switch kind {
        case .atLeast, .percentAtLeast, .ratio, .rate: return true
        case .atMost, .percentAtMost: return false
        default: return nil
        }
    }

    /// The applicable year-end targets of an indicator, in date order: 31/12 of the plan year for an
    /// operational or agency indicator, each year of the span for a strategic one.
    static func yearEndTargets(_ indicator: Indicator, level: ObjectiveScore.Level, _ context: ValidationContext) -> [IndicatorTarget] {
        context.weightedCheckpoints(level).compactMap { day in
            indicator.target(at: day).flatMap { $0.target.kind.isApplicable ? $0 : nil }
        }
    }
}
