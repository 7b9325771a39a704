import Performa

/// One level's results — score and status — for the entries `first ..< first + score.count` of the level.
struct ScoredColumn: Sendable {
    var score: [Double]
    var status: [UInt8]
    let first: Int

    /// Results for `entries`, not yet scored (NaN, missing): the buffers of a child task of the parallel roll-up.
    init(for entries: Range<Int>) {
        score = Array(repeating: .nan, count: entries.count)
        status = Array(repeating: ScoreStatus.missing.compiledCode, count: entries.count)
        first = entries.lowerBound
    }

    /// A roll-up's whole columns (entry `i` at `i`).
    init(score: [Double], status: [UInt8]) {
        self.score = score
        self.status = status
        first = 0
    }

    /// Lends the two columns as kernel outputs for the duration of `body`.
    mutating func withOutputs<R>(_ body: (KernelOutput<Double>, KernelOutput<UInt8>) -> R) -> R {
        let first = self.first
        return score.withUnsafeMutableBufferPointer { score in
            status.withUnsafeMutableBufferPointer { status in
                body(KernelOutput(score, first: first), KernelOutput(status, first: first))
            }
        }
    }

    /// Copies `part`'s entries over this column's.
    mutating func update(from part: ScoredColumn) {
        let range = (part.first - first)..<(part.first - first + part.score.count)
        score.replaceSubrange(range, with: part.score)
        status.replaceSubrange(range, with: part.status)
    }
}

/// Every level's results, as one roll-up's whole columns or as one child task's share of them.
struct ScoredColumns: Sendable {
    var indicators: ScoredColumn
    var groups: ScoredColumn
    var strategics: ScoredColumn
    var areas: ScoredColumn
    var organizations: ScoredColumn
    var agencies: ScoredColumn
    var managers: ScoredColumn

    /// Copies a child task's results over these.
    mutating func update(from part: ScoredColumns) {
        indicators.update(from: part.indicators)
        groups.update(from: part.groups)
        strategics.update(from: part.strategics)
        areas.update(from: part.areas)
        organizations.update(from: part.organizations)
        agencies.update(from: part.agencies)
        managers.update(from: part.managers)
    }
}

extension CompiledRollUp {
    /// Moves the results out of the roll-up, leaving empty columns, and lends them with a `ScoringPass` over the
    /// rest to `body`; then moves them back. While the results are out, the pass's copies of the other columns
    /// share no storage with them, so that writing them through buffers copies nothing.
    mutating func scoring<R>(_ body: (ScoringPass, inout ScoredColumns) -> R) -> R {
        var scored = takeScored()
        defer { restore(scored) }
        return body(ScoringPass(self), &scored)
    }

    /// The results moved out of the roll-up (`scoring`, and the parallel roll-up across its wait).
    mutating func takeScored() -> ScoredColumns {
        func take(_ score: inout [Double], _ status: inout [UInt8]) -> ScoredColumn {
            defer { (score, status) = ([], []) }
            return ScoredColumn(score: score, status: status)
        }
        return ScoredColumns(indicators: take(&indicators.score, &indicators.status), groups: take(&groups.score, &groups.status),
                             strategics: take(&strategics.score, &strategics.status), areas: take(&areas.score, &areas.status),
                             organizations: take(&organizations.score, &organizations.status),
                             agencies: take(&agencies.score, &agencies.status), managers: take(&managers.score, &managers.status))
    }

    mutating func restore(_ scored: ScoredColumns) {
        (indicators.score, indicators.status) = (scored.indicators.score, scored.indicators.status)
        (groups.score, groups.status) = (scored.groups.score, scored.groups.status)
        (strategics.score, strategics.status) = (scored.strategics.score, scored.strategics.status)
        (areas.score, areas.status) = (scored.areas.score, scored.areas.status)
        (organizations.score, organizations.status) = (scored.organizations.score, scored.organizations.status)
        (agencies.score, agencies.status) = (scored.agencies.score, scored.agencies.status)
        (managers.score, managers.status) = (scored.managers.score, scored.managers.status)
    }
}
