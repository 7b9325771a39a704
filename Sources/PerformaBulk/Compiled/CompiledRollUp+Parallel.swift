import Performa

extension CompiledRollUp {
    /// `rollUp()` on up to `tasks` cores: the organizations are split into `tasks` contiguous ranges of about as many
    /// indicators each, and a child task scores each range's indicators and groups into buffers of its own (it reads
    /// the shared columns, writes nothing shared); the results are then copied into the columns and the levels above
    /// the groups scored. Every organization is scored by the same kernel, in the same order, as on one core: the
    /// numbers are the same to the last bit.
    public mutating func rollUp(tasks: Int) async {
        let ranges = organizationRanges(count: tasks)
        guard ranges.count > 1 else { return rollUp() }
        let pass = IndicatorPass(self)
        let scored = await withTaskGroup(of: ScoredGroups.self, returning: [ScoredGroups].self) { group in
            for range in ranges { group.addTask { ScoredGroups(range, pass: pass) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for part in scored { store(part) }
        scoreAboveGroups(of: 0..<organizationCount)
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

    /// Copies a child task's results into the columns.
    private mutating func store(_ part: ScoredGroups) {
        func copy<T>(_ source: [T], into column: inout [T], at range: Range<Int>) {
            column.withUnsafeMutableBufferPointer { column in
                _ = UnsafeMutableBufferPointer(rebasing: column[range]).update(fromContentsOf: source)
            }
        }
        copy(part.score, into: &indicators.score, at: part.indicators)
        copy(part.status, into: &indicators.status, at: part.indicators)
        copy(part.groupScore, into: &groups.score, at: part.groups)
        copy(part.groupStatus, into: &groups.status, at: part.groups)
    }
}

/// The scores and statuses of a range of organizations' indicators and groups, computed by one child task of
/// the parallel roll-up into arrays of its own.
struct ScoredGroups: Sendable {
    let indicators: Range<Int>
    let groups: Range<Int>
    let score: [Double]
    let status: [UInt8]
    let groupScore: [Double]
    let groupStatus: [UInt8]

    init(_ organizations: Range<Int>, pass: IndicatorPass) {
        let groups = pass.groups(of: organizations), indicators = pass.indicators(of: groups)
        self.groups = groups
        self.indicators = indicators
        // Every entry is written by the pass (each indicator sits in one rule run, each group is combined), so
        // the buffers start uninitialised instead of being filled with zeros first.
        var score: [Double] = [], status: [UInt8] = [], groupScore: [Double] = []
        groupStatus = Array(unsafeUninitializedCapacity: groups.count) { groupStatus, groupStatusCount in
            groupScore = Array(unsafeUninitializedCapacity: groups.count) { groupScore, groupScoreCount in
                status = Array(unsafeUninitializedCapacity: indicators.count) { status, statusCount in
                    score = Array(unsafeUninitializedCapacity: indicators.count) { score, scoreCount in
                        pass.withKernel(score: KernelOutput(score, first: indicators.lowerBound),
                                        status: KernelOutput(status, first: indicators.lowerBound),
                                        groupScore: KernelOutput(groupScore, first: groups.lowerBound),
                                        groupStatus: KernelOutput(groupStatus, first: groups.lowerBound)) { kernel in
                            pass.scoreGroups(of: organizations, kernel: kernel)
                        }
                        scoreCount = indicators.count
                    }
                    statusCount = indicators.count
                }
                groupScoreCount = groups.count
            }
            groupStatusCount = groups.count
        }
        self.score = score
        self.status = status
        self.groupScore = groupScore
    }
}
