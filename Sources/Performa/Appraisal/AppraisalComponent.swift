/// A component of a scheda and its weight in the final score. The kinds are the ones D.Lgs. 150/2009 art. 9
/// names: the organizational performance (of the whole organization, of the unit), the objectives assigned
/// (to a dirigente in the plan; individual or group objectives for anyone), the behaviours, and for dirigenti the
/// *capacità di differenziazione* of the ratings they give (art. 9 c. 1 lett. d).
public struct AppraisalComponent: Codable, Hashable, Sendable {
    public var kind: Kind
    /// Weight in the final score, in percent; the components of a profile add up to 100.
    public var weight: Double
    /// Title printed on the scheda when it differs from the kind's.
    public var title: String?

    public init(kind: Kind, weight: Double, title: String? = nil) {
        self.kind = kind
        self.weight = weight
        self.title = title
    }

    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// The organization's result in the plan's scorecard.
        case organization
        /// The performance of the person's unit (for a dirigente, the area they lead); see `UnitPerformance`.
        case unit
        /// The manager's score from the plan's assignment table.
        case assignedObjectives
        /// The scheda's own objectives, scored like the plan's.
        case individualObjectives
        /// The behaviours rated on the scale.
        case behaviours
        /// How differentiated the behaviour ratings the person gave are (`DifferentiationCapacity`).
        case differentiation

        public var italian: String {
            switch self {
            case .organization: return "Performance organizzativa dell'ente"
            case .unit: return "Performance della struttura"
            case .assignedObjectives: return "Obiettivi assegnati nel Piano"
            case .individualObjectives: return "Obiettivi individuali o di gruppo"
            case .behaviours: return "Comportamenti organizzativi"
            case .differentiation: return "Capacità di differenziazione delle valutazioni"
            }
        }
    }

    public var displayTitle: String { title ?? kind.italian }
}
