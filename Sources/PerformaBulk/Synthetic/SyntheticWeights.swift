/// Weights that sum to 100 at every level of a generated plan, the way planners write them: multiples
/// of 5 when there are few parts (`30 + 25 + 15 + 30`), whole numbers when there are many, and equal
/// shares only when there are more parts than points to give.
enum SyntheticWeights {
    static func split(_ count: Int, _ random: inout SeededRandom) -> [Double] {
        switch count {
        case ...0: return []
        case 1: return [100]
        case 2...20: return composition(units: 20, parts: count, &random).map { Double($0 * 5) }
        case 21...100: return composition(units: 100, parts: count, &random).map(Double.init)
        default: return Array(repeating: 100 / Double(count), count: count)
        }
    }

    /// A random way of writing `units` as an ordered sum of `parts` positive whole numbers, each way
    /// about as likely as any other (distinct cut points between 1 and units − 1).
    static func composition(units: Int, parts: Int, _ random: inout SeededRandom) -> [Int] {
        var cuts = Set<Int>()
        while cuts.count < parts - 1 { cuts.insert(random.int(1...(units - 1))) }
        let sorted = [0] + cuts.sorted() + [units]
        return zip(sorted.dropFirst(), sorted).map { $0 - $1 }
    }
}
