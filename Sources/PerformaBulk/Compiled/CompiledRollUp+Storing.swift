import Performa

extension CompiledRollUp {
    /// Writes an indicator's measure into its columns, keeping its override flag. Compound parts go
    /// into the slots reserved for the indicator when it was added.
    mutating func store(_ measure: RuleMeasure, indicator i: Int) {
        var measure = measure
        if measure.rule == .compound, let slot = compoundSlots[Int32(i)] {
            measure.auxiliary = Double(slot)
            _ = writeParts(measure.parts, at: Int(slot))
        }
        indicators.rule[i] = measure.rule.rawValue | (indicators.rule[i] & ScoringRule.overriddenFlag)
        indicators.target[i] = measure.target
        indicators.auxiliary[i] = measure.auxiliary
        indicators.value[i] = measure.value
    }

    /// Reserves the part slots of a compound target (nested compounds after their parent's parts).
    mutating func reserveParts(for kind: TargetKind) -> Int32 {
        let first = Int32(parts.rule.count)
        let count = slotCount(kind)
        parts.rule += Array(repeating: .invalid, count: count)
        parts.target += Array(repeating: .nan, count: count)
        parts.auxiliary += Array(repeating: .nan, count: count)
        parts.value += Array(repeating: .nan, count: count)
        return first
    }

    private func slotCount(_ kind: TargetKind) -> Int {
        guard case .compound(let kinds) = kind else { return 0 }
        return kinds.count + kinds.map(slotCount).reduce(0, +)
    }

    /// Writes `measures` at `base` and any nested parts after them, in the order `reserveParts` laid
    /// them out; returns the slot after the last one written.
    private mutating func writeParts(_ measures: [RuleMeasure], at base: Int) -> Int {
        var next = base + measures.count
        for (offset, part) in measures.enumerated() {
            var part = part
            if part.rule == .compound {
                part.auxiliary = Double(next)
                next = writeParts(part.parts, at: next)
            }
            parts.rule[base + offset] = part.rule
            parts.target[base + offset] = part.target
            parts.auxiliary[base + offset] = part.auxiliary
            parts.value[base + offset] = part.value
        }
        return next
    }
}
