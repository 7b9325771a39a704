import Performa

/// Measured values for generated indicators, written the way a manager enters them (`1.489`, `95%`,
/// `SI`, `parziale 60%`, `475/500`, `20/11/2021`, `100%; 23`), from how far the indicator got.
enum SyntheticMeasurements {
    /// How far an indicator gets, as a multiple of its target: mostly reached, some short, a few far off.
    static func attainment(_ random: inout SeededRandom) -> Double {
        switch random.int(0...99) {
        case 0..<62: return 1 + Double(random.int(0...150)) / 1_000
        case 62..<90: return 0.8 + Double(random.int(0...199)) / 1_000
        case 90..<98: return 0.4 + Double(random.int(0...399)) / 1_000
        default: return Double(random.int(0...399)) / 1_000
        }
    }

    /// The value text for a target of `kind`; nil for a target with nothing to measure.
    static func text(for kind: TargetKind, attainment: Double, _ random: inout SeededRandom) -> String? {
        switch kind {
        case .notApplicable:
            return nil
        case .atLeast(let target, _):
            return ItalianNumber.format((target * attainment).rounded())
        case .rate(let target, _, _):
            return ItalianNumber.format(target * attainment, fractionDigits: 1)
        case .atMost(let target, _):
            return ItalianNumber.format(target / max(attainment, 0.2), fractionDigits: 1)
        case .percentAtLeast(let target):
            return ItalianNumber.format(min(100, target * attainment), fractionDigits: 1) + "%"
        case .percentAtMost(let target):
            return ItalianNumber.format(target / max(attainment, 0.2), fractionDigits: 1) + "%"
        case .change(let target):
            return ItalianNumber.format(target * attainment, fractionDigits: 1) + "%"
        case .yesNo(let wanted):
            return (attainment >= 0.9) == wanted ? "SI" : "NO"
        case .milestone:
            if attainment >= 1 { return "raggiunto" }
            if attainment < 0.4 { return "non raggiunto" }
            return "parziale \(Int(attainment * 10) * 10)%"
        case .ratio(_, _, let percent):
            let received = random.int(40...2_000)
            let handled = min(received, Int((Double(received) * percent / 100 * attainment).rounded()))
            return "\(handled)/\(received)"
        case .deadline(let deadline):
            if attainment < 0.5 { return "NO" }
            if attainment >= 1 { return Day(deadline.year, deadline.month, max(1, deadline.day - random.int(0...20))).italian }
            let late = deadline.month == 12 ? Day(deadline.year + 1, 1, random.int(1...28)) : Day(deadline.year, deadline.month + 1, random.int(1...28))
            return late.italian
        case .compound(let parts):
            let texts = parts.compactMap { text(for: $0, attainment: attainment, &random) }
            return texts.count == parts.count ? texts.joined(separator: "; ") : nil
        }
    }
}
