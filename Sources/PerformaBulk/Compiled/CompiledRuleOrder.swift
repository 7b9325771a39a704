import Performa

/// Each organization's indicators grouped by their stored rule byte, built when the organization is added
/// and rebuilt only when one of its rule bytes changes (a new measurement can turn a missing value into a
/// scored one). The full roll-up reads it to score each rule in a loop of its own, instead of a branch the
/// processor mispredicts on a real mix of targets, without sorting the indicators on every pass.
struct CompiledRuleOrder: Sendable {
    /// Indicator positions, organization after organization: the entries of an organization's indicator
    /// range hold those indicators sorted by slot (in code order within a slot).
    private(set) var indicator: [Int32] = []
    /// Per organization, `slotCount` entries: where each slot's run ends in `indicator` (absolute positions;
    /// slot `k`'s run starts where slot `k - 1`'s ends, slot 0's at the organization's first indicator).
    private(set) var runEnd: [Int32] = []

    /// Every rule, then every rule with the override flag.
    static let slotCount = 2 * ruleCount
    private static let ruleCount = ScoringRule.allCases.count

    /// The slot of a stored rule byte.
    @inline(__always)
    static func slot(ofStoredByte stored: UInt8) -> Int {
        let rule = Int(ScoringRule(storedByte: stored).rawValue)
        return stored & ScoringRule.overriddenFlag == 0 ? rule : rule + ruleCount
    }

    /// The rule of slot `k`, and whether its indicators are overridden.
    static func rule(ofSlot k: Int) -> (rule: ScoringRule, overridden: Bool) {
        (ScoringRule(rawValue: UInt8(k % ruleCount)).unsafelyUnwrapped, k >= ruleCount)
    }

    /// `rule(ofSlot:)` of every slot, in slot order. The full pass reads this table: the number of rules is not a
    /// constant outside Performa (`allCases` does not inline), so computing each slot's rule for every
    /// organization cost a division and a call to `ScoringRule(rawValue:)` per slot.
    static let slots: [(rule: ScoringRule, overridden: Bool)] = (0..<slotCount).map(rule(ofSlot:))

    /// Makes room for organization `o`, whose indicators are `indicators` (after the previous organization's),
    /// and sorts them.
    mutating func add(organization o: Int, indicators: Range<Int>, rule: [UInt8]) {
        precondition(indicator.count == indicators.lowerBound && runEnd.count == o * Self.slotCount)
        indicator += Array(repeating: 0, count: indicators.count)
        runEnd += Array(repeating: 0, count: Self.slotCount)
        rebuild(organization: o, indicators: indicators, rule: rule)
    }

    /// Sorts organization `o`'s indicators `indicators` by the slot of their rule byte (a counting sort: stable,
    /// so code order within a slot).
    mutating func rebuild(organization o: Int, indicators: Range<Int>, rule: [UInt8]) {
        let base = o * Self.slotCount
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.slotCount) { next in
            next.initialize(repeating: 0)
            for i in indicators { next[Self.slot(ofStoredByte: rule[i])] += 1 }
            var end = Int32(indicators.lowerBound)
            for k in 0..<Self.slotCount {
                let count = next[k]
                next[k] = end
                end += count
                runEnd[base + k] = end
            }
            for i in indicators {
                let k = Self.slot(ofStoredByte: rule[i])
                indicator[Int(next[k])] = Int32(i)
                next[k] += 1
            }
        }
    }
}
