extension AppraisalAction {
    /// The step of `kind` with what a form or an API request gave for it (the fields a step does not use are ignored).
    public init(kind: Kind, day: Day, text: String, outcome: ReviewOutcome) {
        switch kind {
        case .communicateObjectives: self = .communicateObjectives
        case .acknowledgeObjectives: self = .acknowledgeObjectives
        case .recordMidYearCheck: self = .recordMidYearCheck(day: day, notes: text)
        case .selfAssess: self = .selfAssess(text: text)
        case .propose: self = .propose(notes: text)
        case .evaluate: self = .evaluate
        case .recordInterview: self = .recordInterview(day: day, notes: text)
        case .deliver: self = .deliver
        case .acceptEvaluation: self = .acceptEvaluation
        case .requestReview: self = .requestReview(reasons: text)
        case .decideReview: self = .decideReview(outcome: outcome, reasons: text)
        case .close: self = .close
        }
    }
}
