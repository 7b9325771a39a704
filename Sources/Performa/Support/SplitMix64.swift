/// SplitMix64, written out in full rather than taken from the standard library so that a seed gives the same
/// sequence on every machine and Swift version (only integer arithmetic). The one pseudo-random core of the
/// synthetic-data generator and of the tests' generators and fuzzers, which each seed it their own way.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
