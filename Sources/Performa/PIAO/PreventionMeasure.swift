/// A prevention measure (*misura di prevenzione della corruzione*) of subsection 2.3, general (code of conduct,
/// rotation, training, transparency …) or specific to some risk events, with its owner, its timing and an
/// indicator. Either it carries its own indicators — then it is measured, scored and validated like an
/// objective, under the key `MPC.<code>` — or it *is* an objective of the plan (`objective`, like the seed's
/// 3.1.7 coordinating performance and anticorruption): then it has no indicators of its own and its monitoring
/// is that objective's, the same object rather than a copy.
public struct PreventionMeasure: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case general, specific
        public var italian: String { self == .general ? "generale" : "specifica" }
    }

    /// `1`, `2`, …: the measure's key is `MPC.<code>`.
    public var code: String
    public var title: String
    public var kind: Kind
    /// The PNA's type: controllo, trasparenza, regolamentazione, rotazione, formazione, semplificazione, …
    public var type: String?
    /// Risk events it treats (codes of `RiskEvent`); general measures may treat none in particular.
    public var risks: [String]?
    /// Manager id responsible for putting it in place.
    public var owner: String?
    /// Unit id.
    public var unit: String?
    /// When it is due, as the register says it (`entro il 30/6`, `semestrale`).
    public var timing: String?
    public var description: String?
    /// Key of the plan objective that is this measure.
    public var objective: String?
    public var indicators: [Indicator]?

    public init(code: String, title: String, kind: Kind, indicators: [Indicator]? = nil) {
        self.code = code
        self.title = title
        self.kind = kind
        self.indicators = indicators
    }

    /// The prefix of a measure's key, as `PB` is an agency's: `MPC.1/1` is the first indicator of measure 1.
    public static let keyPrefix = "MPC"

    public var key: String { "\(Self.keyPrefix).\(code)" }

    /// The key its monitoring is found under: its own, or the objective it is.
    public var monitoredKey: String { objective ?? key }
}

/// A measure with its own indicators seen as an objective sheet: the index, the scorer, the collection and the
/// OIV's validation all walk it as they walk objectives.
public struct MeasureSheet: ObjectiveSheet {
    public let measure: PreventionMeasure
    public init(_ measure: PreventionMeasure) { self.measure = measure }

    public var code: String { measure.code }
    public var title: String { measure.title }
    public var weight: Double? { nil }
    public var classification: BudgetClassification? { nil }
    public var description: String? { measure.description }
    public var unitsInvolved: String? { measure.unit }
    public var staffCommitted: String? { nil }
    public var indicators: [Indicator] { measure.indicators ?? [] }
    public var budgetLines: [BudgetLine]? { nil }
    public var relevance: Double? { nil }
}
