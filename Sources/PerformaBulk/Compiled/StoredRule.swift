import Performa

/// An indicator's `ScoringRule` as the compiled roll-up stores it: one byte, with a flag for an override.
extension ScoringRule {
    /// Set on an indicator's stored rule byte when the OIV overrode its achievement at this checkpoint.
    public static let overriddenFlag: UInt8 = 0x80

    /// The rule of a stored rule byte (without the override flag).
    @inline(__always)
    public init(storedByte: UInt8) {
        self = ScoringRule(rawValue: storedByte & ~ScoringRule.overriddenFlag) ?? .invalid
    }
}
