import Performa

/// The pseudo-random source of the synthetic data: `SplitMix64`, so that a seed gives the same plans on every
/// machine and Swift version.
struct SeededRandom {
    private var core: SplitMix64

    init(seed: UInt64) { core = SplitMix64(state: seed) }

    /// An independent stream for one part of the data (an organization, its results), so that each part
    /// can be generated alone and in any order and still come out the same.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        core = SplitMix64(state: mixer.next())
    }

    mutating func next() -> UInt64 { core.next() }

    /// A whole number in `range` (multiply-high: no modulo bias worth speaking of, no floating point).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index drawn with the given relative weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var draw = int(0...(weights.reduce(0, +) - 1))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}
