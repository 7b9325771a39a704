import Foundation

/// How a set of final scores (points on 100) is spread: count, mean, standard deviation (of the population: the
/// people rated are all the people, not a sample), lowest and highest, a histogram by bands of ten points, and the
/// share of top ratings. The differentiation report and the *capacità di differenziazione* both use it.
public struct RatingDistribution: Codable, Hashable, Sendable {
    public var count: Int
    public var mean: Double?
    public var standardDeviation: Double?
    public var lowest: Double?
    public var highest: Double?
    /// People per band: `[0, 10)`, `[10, 20)`, … `[90, 100]` (ten bands).
    public var bands: [Int]
    /// People with a score at least `topFrom`.
    public var topCount: Int
    public var topFrom: Double

    public init(scores: [Double], topFrom: Double) {
        count = scores.count
        self.topFrom = topFrom
        topCount = scores.filter { $0 >= topFrom }.count
        var bands = Array(repeating: 0, count: 10)
        for score in scores { bands[min(9, max(0, Int(score / 10)))] += 1 }
        self.bands = bands
        guard let (mean, standardDeviation) = Self.meanAndStandardDeviation(scores) else { return }
        self.mean = mean
        self.standardDeviation = standardDeviation
        lowest = scores.min()
        highest = scores.max()
    }

    /// The mean and the (population) standard deviation of `scores`; nil when there are none.
    public static func meanAndStandardDeviation(_ scores: [Double]) -> (mean: Double, standardDeviation: Double)? {
        guard !scores.isEmpty else { return nil }
        let mean = scores.reduce(0, +) / Double(scores.count)
        return (mean, (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count)).squareRoot())
    }

    /// Share of top ratings, as a fraction; nil with nobody rated.
    public var topShare: Double? { count == 0 ? nil : Double(topCount) / Double(count) }

    /// `[90, 100]`-style label of band `index`, in Italian.
    public static func bandLabel(_ index: Int) -> String {
        index == 9 ? "da 90 a 100" : "da \(index * 10) a meno di \(index * 10 + 10)"
    }
}
