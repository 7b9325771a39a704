/// Compound targets (`100% visite ispettive (almeno 20) …`): every part must hold, so the achievement is
/// the lowest of the parts' achievements (each already capped).
enum CompoundScoring {
    static func achievement(parts: [Double?]) -> Double? {
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }.min()
    }
}
