/// A public-value objective of subsection 2.1: the outcome the administration wants for its users, who gains,
/// the strategies that serve it, the impact indicators that show it (BES/SDG-style where given), and the plan's
/// objectives that produce it. How much of it was achieved is what those objectives achieved (`PublicValueScore`).
public struct PublicValueObjective: Codable, Hashable, Sendable {
    /// `VP1`, `VP2`, …
    public var code: String
    public var title: String
    public var outcome: String?
    public var stakeholders: [String]?
    public var strategies: [String]?
    public var impactIndicators: [ImpactIndicator]?
    /// Keys of the strategic, operational or agency objectives that produce it.
    public var objectives: [String]

    public init(code: String, title: String, objectives: [String]) {
        self.code = code
        self.title = title
        self.objectives = objectives
    }
}

/// An impact indicator of public value: measured outside the administration (ISTAT BES, Agenda 2030 SDG,
/// Unioncamere), so it is reported, not scored.
public struct ImpactIndicator: Codable, Hashable, Sendable {
    public var title: String
    /// Framework and code: `BES 11.1`, `SDG 8.3.1`.
    public var framework: String?
    public var source: String?
    public var baseline: String?
    public var target: String?
    public init(title: String, framework: String? = nil, source: String? = nil, baseline: String? = nil, target: String? = nil) {
        self.title = title
        self.framework = framework
        self.source = source
        self.baseline = baseline
        self.target = target
    }
}
