/// Indicatore: what is measured, its baseline, its targets per checkpoint and its weight.
///
/// Operational indicators carry one `weight` and targets at 30/6 and 31/12; strategic indicators
/// carry a target and a weight per year (at 31/12 of each year) in `targets`.
public struct Indicator: Codable, Hashable, Sendable {
    /// Number inside its objective (1, 2, …).
    public var number: Int
    /// Description, "cosa misura".
    public var title: String
    /// Historical reference value (*target storico di riferimento*).
    public var baseline: Target?
    public var targets: [IndicatorTarget]
    /// Weight inside the objective (operational indicators), in percent.
    public var weight: Double?
    /// Documentation and report the OIV may ask for.
    public var evidence: String?
    public var unit: String?
    public var dataSource: String?
    public var formula: String?
    /// Declared not assessable in the plan itself (results files may declare it too).
    public var neutralised: Neutralisation?
    public var notes: String?

    public init(number: Int, title: String, baseline: Target? = nil, targets: [IndicatorTarget], weight: Double? = nil, evidence: String? = nil) {
        self.number = number
        self.title = title
        self.baseline = baseline
        self.targets = targets
        self.weight = weight
        self.evidence = evidence
    }

    /// The target entry at a checkpoint, if the indicator has one.
    public func target(at checkpoint: Day) -> IndicatorTarget? {
        targets.first { $0.at == checkpoint }
    }

    /// The weight that counts at a checkpoint: the entry's own weight, else the indicator's.
    public func weight(at checkpoint: Day) -> Double? {
        target(at: checkpoint)?.weight ?? weight
    }
}

/// A target at one checkpoint, with its weight when weights differ per year (strategic indicators).
public struct IndicatorTarget: Codable, Hashable, Sendable {
    public var at: Day
    public var target: Target
    public var weight: Double?
    public init(at: Day, target: Target, weight: Double? = nil) {
        self.at = at
        self.target = target
        self.weight = weight
    }
}

/// An indicator declared not assessable, with the reason printed in the documents.
public struct Neutralisation: Codable, Hashable, Sendable {
    public var reason: String
    /// From when it is not assessable; from the start when absent.
    public var from: Day?
    public init(reason: String, from: Day? = nil) {
        self.reason = reason
        self.from = from
    }
}
