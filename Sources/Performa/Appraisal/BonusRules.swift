/// How a profile's fund for individual performance is shared (*premialità*), per the SMVP and the integrative
/// contract: a threshold below which nothing is paid, and the differentiation of CCNL Funzioni Locali 2019-21
/// art. 81 — a *maggiorazione* of at least 30% of the mean individual bonus, for a limited share of the staff.
public struct BonusRules: Codable, Hashable, Sendable {
    /// Final score (points on 100) below which nothing is paid.
    public var threshold: Double
    /// The differentiation of art. 81; none when absent.
    public var differentiation: BonusDifferentiation?

    public init(threshold: Double, differentiation: BonusDifferentiation? = nil) {
        self.threshold = threshold
        self.differentiation = differentiation
    }
}

public struct BonusDifferentiation: Codable, Hashable, Sendable {
    /// Largest share of the people paid who get the increase, in percent (the contract's *limitata quota massima*).
    public var share: Double
    /// The increase as a percentage of the mean base bonus of the people paid; at least 30 (art. 81 c. 2).
    public var increase: Double
    /// Lowest final score (points on 100) that can get the increase, when the SMVP sets one.
    public var minimumScore: Double?

    public init(share: Double, increase: Double = 30, minimumScore: Double? = nil) {
        self.share = share
        self.increase = increase
        self.minimumScore = minimumScore
    }

    /// The contract's floor for the increase, in percent of the mean.
    public static let contractualMinimumIncrease = 30.0
}
