/// What changes from one plan to another, for a person to read before confirming an upload or a revision, and when
/// comparing a past version with the current one: areas, objectives and indicators added, removed and changed (which
/// fields, with the old and new value), the managers' assignments, and the scoring policy. Pure: two plans in, an
/// ordered list of Italian lines out.
public struct PlanComparison: Sendable {
    public enum Kind: String, Sendable {
        case added, removed, changed

        public var italian: String {
            switch self {
            case .added: return "aggiunto"
            case .removed: return "tolto"
            case .changed: return "modificato"
            }
        }
    }

    public struct Change: Sendable, Hashable {
        public var kind: Kind
        /// `area`, `obiettivo`, `indicatore`, `assegnazione`, `piano`.
        public var subject: String
        public var key: String
        public var title: String
        /// For a change, each field that differs: `peso: 30% → 35%`.
        public var details: [String]
    }

    public let changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }
    public func count(_ kind: Kind) -> Int { changes.filter { $0.kind == kind }.count }

    public init(from old: Plan, to new: Plan) {
        var changes: [Change] = []
        func compare(_ subject: String, _ key: String, _ title: String, _ fields: [(String, String?, String?)]) {
            let details = fields.compactMap { name, before, after -> String? in
                before == after ? nil : "\(name): \(before ?? "—") → \(after ?? "—")"
            }
            if !details.isEmpty { changes.append(Change(kind: .changed, subject: subject, key: key, title: title, details: details)) }
        }
        func diff<Item>(_ subject: String, _ before: [(String, Item)], _ after: [(String, Item)], title: (Item) -> String,
                        fields: (Item, Item) -> [(String, String?, String?)]) {
            let old = Dictionary(before, uniquingKeysWith: { first, _ in first })
            let new = Dictionary(after, uniquingKeysWith: { first, _ in first })
            for (key, item) in after {
                if let previous = old[key] { compare(subject, key, title(item), fields(previous, item)) }
                else { changes.append(Change(kind: .added, subject: subject, key: key, title: title(item), details: [])) }
            }
            for (key, item) in before where new[key] == nil {
                changes.append(Change(kind: .removed, subject: subject, key: key, title: title(item), details: []))
            }
        }
        let weight = { (value: Double?) in value.map { ItalianNumber.percentValue($0) } }

        compare("piano", new.id, new.title, [
            ("titolo", old.title, new.title), ("anni", "\(old.span.from)-\(old.span.to)", "\(new.span.from)-\(new.span.to)"),
        ])
        if old.policy != new.policy {
            changes.append(Change(kind: .changed, subject: "piano", key: new.id, title: new.title,
                                  details: ["regole di calcolo (tetto, soglia, fasce, rilevazioni mancanti): cambiate"]))
        }
        diff("area", old.areas.map { ($0.code, $0) }, new.areas.map { ($0.code, $0) }, title: \.title) { a, b in
            [("titolo", a.title, b.title), ("peso", weight(a.weight), weight(b.weight))]
        }
        let oldIndex = PlanIndex(old), newIndex = PlanIndex(new)
        diff("obiettivo", oldIndex.entries.map { ($0.key, $0) }, newIndex.entries.map { ($0.key, $0) }, title: \.sheet.title) { a, b in
            [("titolo", a.sheet.title, b.sheet.title), ("peso", weight(a.sheet.weight), weight(b.sheet.weight)),
             ("obiettivo superiore", a.parent, b.parent), ("rilevanza", weight(a.sheet.relevance), weight(b.sheet.relevance)),
             ("numero di indicatori", String(a.sheet.indicators.count), String(b.sheet.indicators.count))]
        }
        diff("indicatore", oldIndex.indicators.map { ($0.key.description, $0.indicator) }, newIndex.indicators.map { ($0.key.description, $0.indicator) },
             title: \.title) { a, b in
            [("titolo", a.title, b.title), ("peso", weight(a.weight), weight(b.weight)), ("valore di partenza", a.baseline?.text, b.baseline?.text),
             ("target", Self.targets(a), Self.targets(b)), ("neutralizzato", a.neutralised?.reason, b.neutralised?.reason)]
        }
        diff("assegnazione", (old.assignments ?? []).map { ($0.manager, $0) }, (new.assignments ?? []).map { ($0.manager, $0) },
             title: { "obiettivi di \($0.manager)" }) { a, b in
            [("obiettivi e pesi", Self.assigned(a), Self.assigned(b))]
        }
        self.changes = changes
    }

    private static func targets(_ indicator: Indicator) -> String {
        indicator.targets.map { "\($0.at.italian) \($0.target.text)" }.joined(separator: "; ")
    }

    private static func assigned(_ assignment: Assignment) -> String {
        assignment.objectives.map { "\($0.objective) \(ItalianNumber.percentValue($0.weight))" }.joined(separator: ", ")
    }
}
