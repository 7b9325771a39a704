import Performa

/// The root of a year's appraisal file (`performa-valutazioni/1`, docs/appraisal-file-format.md): the funds for
/// individual performance per SMVP profile and what was entered in each person's scheda. The organizational
/// components are not here: they come from the plan's scores when the schede are computed.
public struct AppraisalYear: Codable, Hashable, Sendable {
    /// File format marker, `performa-valutazioni/1`.
    public var format: String?
    /// Organization id (`Organization.id`) the schede belong to.
    public var organization: String
    public var year: Int
    /// True for invented inputs (the Brescia demo).
    public var illustrative: Bool?
    public var description: String?
    public var funds: [AppraisalFund]
    public var schede: [Scheda]

    public init(organization: String, year: Int, funds: [AppraisalFund] = [], schede: [Scheda] = []) {
        format = AppraisalYearFile.format
        self.organization = organization
        self.year = year
        self.funds = funds
        self.schede = schede
    }

    /// What one person's scheda holds: individual objectives (the plan's own types), their measurements and
    /// neutralisations (keys `OI.1/1`), and the behaviour ratings with their comments.
    public struct Scheda: Codable, Hashable, Sendable {
        public var person: String
        public var objectives: [OperationalObjective]?
        public var measurements: [Measurement]?
        public var neutralisations: [DeclaredNeutralisation]?
        public var ratings: [BehaviourRating]?

        public init(person: String, objectives: [OperationalObjective]? = nil, measurements: [Measurement]? = nil,
                    neutralisations: [DeclaredNeutralisation]? = nil, ratings: [BehaviourRating]? = nil) {
            self.person = person
            self.objectives = objectives
            self.measurements = measurements
            self.neutralisations = neutralisations
            self.ratings = ratings
        }

        /// The scheda as the domain takes it; its measurements are results of a plan of its own.
        public func input(year: Int) -> AppraisalInput {
            let hasResults = !(measurements ?? []).isEmpty || !(neutralisations ?? []).isEmpty
            return AppraisalInput(person: person, year: year, objectives: objectives ?? [],
                                  results: hasResults ? Results(plan: "scheda-\(person)", measurements: measurements ?? [], neutralisations: neutralisations) : nil,
                                  ratings: ratings ?? [])
        }
    }

    /// Every scheda as the domain's inputs for the year.
    public var inputs: [AppraisalInput] { schede.map { $0.input(year: year) } }

    /// The fund of a profile, in cents; nil when the file sets none.
    public func fundCents(profile: String) -> Int64? { funds.first { $0.profile == profile }?.cents }
}

/// The fund for individual performance of one SMVP profile, in euros to the cent.
public struct AppraisalFund: Codable, Hashable, Sendable {
    public var profile: String
    public var euros: Double
    public var note: String?

    public init(profile: String, euros: Double, note: String? = nil) {
        self.profile = profile
        self.euros = euros
        self.note = note
    }

    public var cents: Int64 { Int64((euros * 100).rounded()) }
}
