import Performa
import SQLKit

/// What ties an OIV judgement to the values it judged. A subject's achievement is computed from a set of
/// indicators (an indicator: itself; an objective: its own indicators and those of the objectives below it, in the
/// plan's current version); a judgement records the value that counted for each when it was made, and stands only
/// while those are still the values that count. Saving the same value again (to change a note) leaves it standing;
/// a different value, a first value where there was none, or an indicator added to the subject puts it aside.
struct JudgementBasis: Sendable {
    /// Indicator keys of the current plan version by objective key, and objective keys by parent.
    let indicatorsByObjective: [String: [IndicatorKey]]
    let objectivesByParent: [String: [String]]
    /// The current (latest) measurement of each series, by `indicator@checkpoint`.
    let current: [String: StoredMeasurement]

    /// The indicators the subject's achievement is computed from, in key order.
    func covered(_ subject: String) -> [IndicatorKey] {
        if let key = IndicatorKey(parsing: subject) { return [key] }
        var keys: [IndicatorKey] = [], pending = [subject], seen: Set<String> = []
        while let objective = pending.popLast() {
            guard seen.insert(objective).inserted else { continue }
            keys += indicatorsByObjective[objective] ?? []
            pending += objectivesByParent[objective] ?? []
        }
        return keys.sorted()
    }

    /// The values a judgement of `subject` at `day` made now would be tied to.
    func values(of subject: String, at day: Day) -> [JudgedValue] {
        covered(subject).map { key in
            guard let measurement = current["\(key)@\(day)"] else { return JudgedValue(indicator: key) }
            return JudgedValue(indicator: key, measurementID: measurement.id, revision: measurement.revision, value: measurement.text)
        }
    }

    /// Where the values that count now differ from those judged (empty: the judgement stands). An indicator with
    /// no value on either side is no change.
    static func changes(judged: [JudgedValue], now: [JudgedValue]) -> [ValueChange] {
        let then = Dictionary(judged.map { ($0.indicator, $0.value) }, uniquingKeysWith: { first, _ in first })
        let current = Dictionary(now.map { ($0.indicator, $0.value) }, uniquingKeysWith: { first, _ in first })
        return Set(then.keys).union(current.keys).sorted().compactMap { key in
            let before = then[key] ?? nil, after = current[key] ?? nil
            return before == after ? nil : ValueChange(indicator: key, judged: before, current: after)
        }
    }

    /// The values a page showed its judge, as a form carries them back: each indicator with the revision that
    /// counted (0 for none).
    static func token(_ values: [JudgedValue]) -> String {
        values.map { "\($0.indicator)=\($0.revision ?? 0)" }.joined(separator: ";")
    }
}

extension Scope {
    /// The basis of every judgement of a plan, read in three statements (two when the plan's measurements, in
    /// revision order, are given).
    func judgementBasis(_ planID: String, measurements: [StoredMeasurement]? = nil) async throws -> JudgementBasis {
        guard let version = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        var objectivesByParent: [String: [String]] = [:]
        for row in try await db.raw("""
            SELECT objective_key, parent FROM plan_objectives
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
            """).all() {
            objectivesByParent[try row.text("parent"), default: []].append(try row.text("objective_key"))
        }
        var indicatorsByObjective: [String: [IndicatorKey]] = [:]
        for row in try await db.raw("""
            SELECT indicator_key, objective_key FROM plan_indicators
            WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
            """).all() {
            indicatorsByObjective[try row.text("objective_key"), default: []].append(try row.indicatorKey("indicator_key"))
        }
        let latest: [StoredMeasurement]
        if let measurements { latest = measurements } else { latest = try await allMeasurements(planID, currentOnly: true) }
        let current = Dictionary(latest.map { ("\($0.indicator)@\($0.at)", $0) },
                                 uniquingKeysWith: { _, last in last })
        return JudgementBasis(indicatorsByObjective: indicatorsByObjective, objectivesByParent: objectivesByParent, current: current)
    }
}
