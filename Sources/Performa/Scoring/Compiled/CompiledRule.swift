/// The scoring rule of a compiled indicator, one byte per indicator. The first four give no achievement
/// of their own (the indicator drops out, or counts as missing as the policy says); the others name the
/// rule file in `Scoring/Rules` that scores it (see `CompiledMeasure` for the numbers each one reads).
public enum CompiledRule: UInt8, CaseIterable, Sendable {
    case notApplicable, neutralised, missing, invalid
    case higherIsBetter, lowerIsBetter, change, yesNo, milestone, ratio, deadline, notDone, compound

    /// Set on an indicator's stored rule byte when the OIV overrode its achievement at this checkpoint.
    public static let overriddenFlag: UInt8 = 0x80

    /// The rule of a stored rule byte (without the override flag).
    public init(storedByte: UInt8) {
        self = CompiledRule(rawValue: storedByte & ~CompiledRule.overriddenFlag) ?? .invalid
    }
}
