import Performa

extension CompiledRollUp {
    /// Scores everything from scratch: every indicator against its target under its organization's
    /// policy, then every objective, area, organization, agency and manager.
    public mutating func rollUp() {
        let all = 0..<organizationCount
        scoring { pass, scored in pass.score(all, into: &scored) }
    }

    /// Every node of one organization, bottom-up.
    mutating func scoreOrganization(_ o: Int) {
        scoring { pass, scored in pass.score(o..<(o + 1), into: &scored) }
    }
}

/// What scoring reads from a `CompiledRollUp` whose results are out (`CompiledRollUp.scoring`): the indicators'
/// side and the levels' side. Sendable: the one-core pass, the incremental path and every child task of the parallel
/// roll-up score through it, into the roll-up's own results or buffers of their own.
struct ScoringPass: Sendable {
    let indicators: IndicatorPass
    let levels: LevelPass

    /// How many organizations are scored from their indicators up before the next ones: at 300 indicators each,
    /// about a megabyte of columns, so that the levels above the groups read results still in the L2 cache (2 MiB
    /// per core here; 16, 64 and 256 measured, 64 and 256 alike and best).
    static let organizationsPerChunk = 64

    init(_ rollUp: CompiledRollUp) {
        indicators = IndicatorPass(rollUp)
        levels = LevelPass(rollUp)
    }

    /// Every node of the organizations `organizations`, a chunk at a time: the indicators rule by rule and the groups
    /// (`IndicatorPass.scoreGroups`), then the strategic objectives, areas, the organizations, their agencies and
    /// their managers.
    func score(_ organizations: Range<Int>, into scored: inout ScoredColumns) {
        var start = organizations.lowerBound
        while start < organizations.upperBound {
            let chunk = start..<min(start + Self.organizationsPerChunk, organizations.upperBound)
            indicators.withKernel(&scored) { kernel in indicators.scoreGroups(of: chunk, kernel: kernel) }
            levels.withKernel(&scored) { kernel in
                for o in chunk { kernel.scoreAboveGroups(o) }
            }
            start = chunk.upperBound
        }
    }

    /// Buffers, not yet scored, for the results of the organizations `organizations` (a child task's).
    func columns(for organizations: Range<Int>) -> ScoredColumns {
        let starts = levels.organizations
        func entries(_ start: [Int32]) -> Range<Int> { Int(start[organizations.lowerBound])..<Int(start[organizations.upperBound]) }
        let groups = entries(starts.groupStart)
        return ScoredColumns(indicators: ScoredColumn(for: indicators.indicators(of: groups)), groups: ScoredColumn(for: groups),
                             strategics: ScoredColumn(for: entries(starts.strategicStart)), areas: ScoredColumn(for: entries(starts.areaStart)),
                             organizations: ScoredColumn(for: organizations), agencies: ScoredColumn(for: entries(starts.agencyStart)),
                             managers: ScoredColumn(for: entries(starts.managerStart)))
    }
}
