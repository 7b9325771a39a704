import Performa

/// The scorecard flattened into rows, one per organization, area, objective, agency, manager and indicator,
/// in the order a reader goes through it. The JSON and CSV outputs are both made from these rows.
public struct ScorecardRow: Codable, Hashable, Sendable {
    /// `ente`, `area`, `strategico`, `operativo`, `azienda-speciale`, `obiettivo-azienda`, `dirigente`, `indicatore`.
    public var level: String
    public var key: String
    public var title: String
    public var parent: String?
    /// Weight in percent as the plan gives it.
    public var weight: Double?
    public var target: String?
    public var value: String?
    /// Achievement that counts, in percent with two decimals.
    public var achievement: Double?
    /// Computed achievement, in percent, when an OIV override replaced it.
    public var computed: Double?
    public var overrideReason: String?
    public var status: String
    public var note: String?
}

public enum ScorecardRows {
    public static func rows(_ card: Scorecard) -> [ScorecardRow] {
        func pct(_ fraction: Double?) -> Double? { fraction.map { ($0 * 10_000).rounded(.toNearestOrAwayFromZero) / 100 } }
        func row(_ level: String, _ key: String, _ title: String, _ parent: String?, _ weight: Double?, _ score: Score,
                 target: String? = nil, value: String? = nil, note: String? = nil) -> ScorecardRow {
            ScorecardRow(level: level, key: key, title: title, parent: parent, weight: weight, target: target, value: value,
                         achievement: score.percent, computed: score.override == nil ? nil : pct(score.computed),
                         overrideReason: score.override?.reason, status: score.status.italian, note: note)
        }
        var rows = [row("ente", "ente", card.organization, nil, nil, card.result)]
        for area in card.areas {
            rows.append(row("area", area.code, area.title, "ente", area.weight, area.score))
            for strategic in card.objectives where strategic.level == .strategic && strategic.parent == area.code {
                rows.append(row("strategico", strategic.key, strategic.title, area.code, strategic.weight, strategic.score))
                for operational in card.objectives where operational.level == .operational && operational.parent == strategic.key {
                    rows.append(row("operativo", operational.key, operational.title, strategic.key, operational.weight, operational.score))
                }
            }
        }
        for agency in card.agencies {
            rows.append(row("azienda-speciale", agency.id, agency.name, "ente", nil, agency.score))
            for objective in card.objectives where objective.level == .agency && objective.parent == agency.id {
                rows.append(row("obiettivo-azienda", objective.key, objective.title, agency.id, objective.weight, objective.score))
            }
        }
        // The PIAO's prevention measures: scored like objectives, outside the organization's result.
        for measure in card.objectives where measure.level == .measure {
            rows.append(row("misura-prevenzione", measure.key, measure.title, measure.parent, nil, measure.score))
        }
        for manager in card.managers {
            rows.append(row("dirigente", manager.manager, manager.name, nil, nil, manager.score))
        }
        for indicator in card.indicators {
            rows.append(row("indicatore", indicator.key.description, indicator.title, indicator.key.objective, indicator.weight, indicator.score,
                            target: indicator.target?.text, value: indicator.measurement?.text, note: indicator.reason))
        }
        return rows
    }
}

/// The JSON form of a scorecard (`performa score --format json`, the API's `/scores`).
public struct ScorecardDocument: Codable, Sendable {
    public var plan: String
    public var organization: String
    public var checkpoint: String
    public var illustrative: Bool
    public var result: Double?
    public var rows: [ScorecardRow]
    public var notes: [Diagnostic]

    public init(_ card: Scorecard) {
        plan = card.plan
        organization = card.organization
        checkpoint = card.checkpoint.description
        illustrative = card.illustrative
        result = card.result.percent
        rows = ScorecardRows.rows(card)
        notes = card.notes
    }

    /// Indented for people (`performa score`, the *punteggi.json* download); `compact` for the API.
    public func json(compact: Bool = false) throws -> String { try FileDecoding.json(self, compact: compact) }
}
