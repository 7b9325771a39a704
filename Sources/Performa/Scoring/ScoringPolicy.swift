/// The scoring rules of an organization's *Sistema di misurazione e valutazione della performance*.
/// Every number is configurable; the defaults are those of docs/scoring.md (DESIGN.md §3).
/// All achievements are fractions: 1.0 is 100%.
public struct ScoringPolicy: Codable, Hashable, Sendable {
    /// Highest achievement an indicator can score (1.0 = no over-achievement).
    public var cap: Double
    /// Below this achievement an indicator scores 0 (0 = no threshold).
    public var threshold: Double
    /// Optional bands that map a raw achievement to the score that counts.
    public var bands: [ScoreBand]
    /// Fixed band values, or linear interpolation between bands.
    public var bandMode: BandMode
    /// Linear rule (`actual / target`) or progress from the baseline towards the target.
    public var rule: LinearRule
    /// What a missing measurement does.
    public var missingMeasurement: MissingMeasurementRule
    /// Lost achievement per unit of delay for deadline targets.
    public var deadlineLoss: DeadlineLoss
    /// Area weights by area code for the organization's result; equal weights when empty.
    public var areaWeights: [String: Double]
    /// Minimum achievement of an objective below which it earns nothing in the *valorizzazione*.
    public var minimumAchievementForPayout: Double

    public init(
        cap: Double = 1.0, threshold: Double = 0, bands: [ScoreBand] = [], bandMode: BandMode = .fixed,
        rule: LinearRule = .ratio, missingMeasurement: MissingMeasurementRule = .showAsMissing,
        deadlineLoss: DeadlineLoss = DeadlineLoss(unit: .day, lossPerUnit: 0.01), areaWeights: [String: Double] = [:],
        minimumAchievementForPayout: Double = 0
    ) {
        self.cap = cap
        self.threshold = threshold
        self.bands = bands
        self.bandMode = bandMode
        self.rule = rule
        self.missingMeasurement = missingMeasurement
        self.deadlineLoss = deadlineLoss
        self.areaWeights = areaWeights
        self.minimumAchievementForPayout = minimumAchievementForPayout
    }

    public static let standard = ScoringPolicy()

    private enum CodingKeys: String, CodingKey {
        case cap, threshold, bands, bandMode, rule, missingMeasurement, deadlineLoss, areaWeights, minimumAchievementForPayout
    }

    /// Every key is optional in a file: what is absent keeps its default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ScoringPolicy.standard
        self.init(
            cap: try c.decodeIfPresent(Double.self, forKey: .cap) ?? d.cap,
            threshold: try c.decodeIfPresent(Double.self, forKey: .threshold) ?? d.threshold,
            bands: try c.decodeIfPresent([ScoreBand].self, forKey: .bands) ?? d.bands,
            bandMode: try c.decodeIfPresent(BandMode.self, forKey: .bandMode) ?? d.bandMode,
            rule: try c.decodeIfPresent(LinearRule.self, forKey: .rule) ?? d.rule,
            missingMeasurement: try c.decodeIfPresent(MissingMeasurementRule.self, forKey: .missingMeasurement) ?? d.missingMeasurement,
            deadlineLoss: try c.decodeIfPresent(DeadlineLoss.self, forKey: .deadlineLoss) ?? d.deadlineLoss,
            areaWeights: try c.decodeIfPresent([String: Double].self, forKey: .areaWeights) ?? d.areaWeights,
            minimumAchievementForPayout: try c.decodeIfPresent(Double.self, forKey: .minimumAchievementForPayout) ?? d.minimumAchievementForPayout
        )
    }
}

/// From `minimum` achievement upwards, the indicator scores `score` (or interpolates to the next band).
public struct ScoreBand: Codable, Hashable, Sendable {
    public var minimum: Double
    public var score: Double
    public init(minimum: Double, score: Double) {
        self.minimum = minimum
        self.score = score
    }
}

public enum BandMode: String, Codable, Hashable, Sendable {
    /// The band's score applies to the whole band.
    case fixed
    /// Linear between one band's (minimum, score) and the next's.
    case interpolated
}

public enum LinearRule: String, Codable, Hashable, Sendable {
    /// `actual / target` (higher is better), `target / actual` (lower is better).
    case ratio
    /// 0 at the baseline, 100% at the target, linear between; falls back to `ratio` without a usable baseline.
    case progressFromBaseline
}

public enum MissingMeasurementRule: String, Codable, Hashable, Sendable {
    /// The indicator scores 0, and is marked as missing.
    case scoreZero
    /// The indicator is left out of the roll-up (weights re-normalised) and the result is marked incomplete.
    case showAsMissing
    /// Nothing above the indicator gets a result until it is measured.
    case blockRollUp
}

/// Deadline targets lose `lossPerUnit` of achievement for each day (or started month) of delay.
public struct DeadlineLoss: Codable, Hashable, Sendable {
    public enum Unit: String, Codable, Hashable, Sendable { case day, month }
    public var unit: Unit
    public var lossPerUnit: Double
    public init(unit: Unit, lossPerUnit: Double) {
        self.unit = unit
        self.lossPerUnit = lossPerUnit
    }
}

extension ScoringPolicy {
    /// An area's weight in the organization's result: the policy's `areaWeights`, else the plan's.
    public func areaWeight(_ area: StrategicArea) -> Double? {
        areaWeights[area.code] ?? area.weight
    }
}
