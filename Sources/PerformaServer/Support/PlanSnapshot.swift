import NIOCore
import Performa
import PerformaFormats
import PerformaStore
import Synchronization

/// One plan as a request sees it: the current version, everything measured, and the scorecards computed from them.
/// A snapshot is immutable data plus memoised results (scorecards and their JSON per checkpoint), so the same
/// snapshot can serve many requests: `VersionedCache` hands it out only while the organization's data version
/// is the one it was read at, so a score is never older than the data it comes from.
final class PlanSnapshot: Sendable {
    let stored: StoredPlan
    let results: Results
    /// The checkpoints of the plan: 30/6 and 31/12 of each year of its span, and any other day a target names.
    let checkpoints: [Day]
    private let memo = Mutex(Memo())

    private struct Memo {
        var scorecards: [ScorecardKey: Scorecard] = [:]
        var fragments: [FragmentKey: any Sendable] = [:]
        var findings: [Diagnostic]?
    }

    private struct FragmentKey: Hashable {
        let name: String
        let checkpoint: Day
    }

    private struct ScorecardKey: Hashable {
        let checkpoint: Day
        let fundCents: Int64?
    }

    /// Scorecards for other fund amounts (a query parameter anyone may vary) are computed but not kept beyond this.
    private static let memoLimit = 32

    init(stored: StoredPlan, results: Results) {
        self.stored = stored
        self.results = results
        var days = Set(stored.plan.span.years.flatMap { [Day.midYear($0), Day.yearEnd($0)] })
        for entry in PlanIndex(stored.plan).indicators { days.formUnion(entry.indicator.targets.map(\.at)) }
        checkpoints = days.sorted()
    }

    var plan: Plan { stored.plan }
    var id: String { stored.info.planID }

    /// Reads the plan and its results from the store (no cache: see `VersionedCache.load`). With `previous`, an
    /// older snapshot of the same plan, the plan itself is reused when its current version is still the one
    /// `previous` holds (same version, row version and content hash): most changes are measurements, and decoding
    /// the whole plan again would be most of the cost.
    static func read(_ store: any PerformaStore, _ user: SignedInUser, planID: String, previous: PlanSnapshot? = nil) async throws -> PlanSnapshot {
        let stored: StoredPlan
        if let previous, try await store.plans(user.context).first(where: { $0.planID == planID }) == previous.stored.info {
            stored = previous.stored
        } else {
            stored = try await store.plan(user.context, id: planID, version: nil)
        }
        let results = try await store.currentResults(user.context, planID: planID)
        return PlanSnapshot(stored: stored, results: results)
    }

    func scorecard(at checkpoint: Day, fundCents: Int64? = nil) -> Scorecard {
        let key = ScorecardKey(checkpoint: checkpoint, fundCents: fundCents)
        if let known = memo.withLock({ $0.scorecards[key] }) { return known }
        let card = Scorer(plan: plan).scorecard(results: results, at: checkpoint, fundCents: fundCents)
        memo.withLock { memo in
            if memo.scorecards.count < Self.memoLimit { memo.scorecards[key] = card }
        }
        return card
    }

    /// The validator's findings on the plan: they depend on the plan alone, so they are computed once per snapshot
    /// (the cruscotto warns with them at every checkpoint, the diagnostics page lists them).
    var findings: [Diagnostic] {
        if let known = memo.withLock({ $0.findings }) { return known }
        let findings = PlanValidator().validate(plan)
        memo.withLock { $0.findings = findings }
        return findings
    }

    /// The scorecard as the API's JSON document (`ScorecardDocument`, compact as the API's other answers), memoised
    /// per checkpoint as the bytes a response sends: every request for it shares them instead of copying 20 KB (the
    /// Brescia plan's) into a buffer of its own.
    func scorecardJSON(at checkpoint: Day) throws -> ByteBuffer {
        try fragment("scorecard-json", at: checkpoint) { ByteBuffer(string: try ScorecardDocument(scorecard(at: checkpoint)).json(compact: true)) }
    }

    /// A document, page or part of one that depends only on this snapshot and a checkpoint (the user's parts left as slots,
    /// see `PersonalisablePage`), made by `make` the first time it is asked for and kept for as long as the
    /// snapshot: as the scorecard, it is never older than the data version it was read at. Only a fixed set of
    /// names and the plan's checkpoints are keys.
    func fragment<T: Sendable>(_ name: String, at checkpoint: Day, _ make: () throws -> T) rethrows -> T {
        let key = FragmentKey(name: name, checkpoint: checkpoint)
        // Unwrapped before the cast: a missing entry cast to an optional `T` would be a hit of nil.
        if let stored = memo.withLock({ $0.fragments[key] }), let known = stored as? T { return known }
        let value = try make()
        memo.withLock { $0.fragments[key] = value }
        return value
    }

    /// The checkpoint a page asks for (`?scadenza=2021-06-30`, or `?anno=2022&periodo=12-31`); the 31/12 of the
    /// plan's operational year when it asks for none or for a day that is not a checkpoint.
    func checkpoint(scadenza: String?, anno: String?, periodo: String?) -> Day {
        let known = checkpoints
        if let text = scadenza, let day = Day(parsing: text), known.contains(day) { return day }
        if let yearText = anno, let year = Int(yearText) {
            let day = periodo == "06-30" ? Day.midYear(year) : Day.yearEnd(year)
            if known.contains(day) { return day }
        }
        return .yearEnd(plan.year)
    }

    /// The objectives assigned to a manager (keys), from the plan's assignment table.
    func objectives(assignedTo manager: String?) -> Set<String> {
        guard let manager else { return [] }
        return Set((plan.assignments ?? []).filter { $0.manager == manager }.flatMap { $0.objectives.map(\.objective) })
    }
}
