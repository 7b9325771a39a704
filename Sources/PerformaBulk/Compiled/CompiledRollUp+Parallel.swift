import Performa

extension CompiledRollUp {
    /// `rollUp()` on up to `tasks` cores: the organizations are split into `tasks` contiguous ranges of about as many
    /// indicators each; a child task scores each range but the first into buffers of its own (it reads the shared
    /// columns, writes nothing shared) while this task scores the first in place; then the children's results are
    /// copied into the columns. Every organization is scored by the same kernels, in the same order, as on one core:
    /// the numbers are the same to the last bit.
    public mutating func rollUp(tasks: Int) async {
        let ranges = organizationRanges(count: tasks)
        guard ranges.count > 1 else { return rollUp() }
        var scored = takeScored()
        let pass = ScoringPass(self)
        await withTaskGroup(of: ScoredColumns.self) { group in
            for range in ranges.dropFirst() {
                group.addTask {
                    var part = pass.columns(for: range)
                    pass.score(range, into: &part)
                    return part
                }
            }
            pass.score(ranges[0], into: &scored)
            for await part in group { scored.update(from: part) }
        }
        restore(scored)
    }

    /// At most `count` contiguous, non-empty ranges of organizations covering them all, with about as many
    /// indicators in each (the work of the indicator pass is about proportional to them).
    func organizationRanges(count: Int) -> [Range<Int>] {
        let total = indicatorCount, organizations = organizationCount
        guard count > 1, organizations > 1 else { return organizations == 0 ? [] : [0..<organizations] }
        func firstIndicator(_ o: Int) -> Int { Int(groups.indicatorStart[Int(self.organizations.groupStart[o])]) }
        var ranges: [Range<Int>] = [], start = 0
        for k in 1..<count {
            // The first organization whose indicators start at or after the k-th share (binary search).
            var low = start + 1, high = organizations
            while low < high {
                let middle = (low + high) / 2
                if firstIndicator(middle) * count < total * k { low = middle + 1 } else { high = middle }
            }
            if low < organizations, low > start {
                ranges.append(start..<low)
                start = low
            }
        }
        ranges.append(start..<organizations)
        return ranges
    }
}
