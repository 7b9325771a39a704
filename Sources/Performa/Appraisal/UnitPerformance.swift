/// The performance of an organizational unit, read from the plan's scorecard:
/// 1. the objectives the SMVP lists for the unit (`unitObjectives`: objective keys or strategic area codes, with
///    weights), rolled up as the plan rolls up;
/// 2. otherwise the score of the manager who heads the unit, from the plan's assignment table (a dirigente's
///    assigned objectives are the objectives of the area they lead);
/// 3. otherwise the parent unit's performance (an office is measured as its service or area).
/// A unit reached by none of these has no performance (the component does not apply).
public struct UnitPerformance: Sendable {
    public struct Entry: Sendable {
        public var score: Score
        /// How it was found, in Italian (`obiettivi della struttura …`, `punteggio del dirigente …`).
        public var source: String
    }

    private let entries: [String: Entry]

    public init(organization: Organization, scorecard: Scorecard, smvp: SMVP) {
        let units = Dictionary((organization.units ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let listed = Dictionary((smvp.unitObjectives ?? []).map { ($0.unit, $0.objectives) }, uniquingKeysWith: { first, _ in first })
        var entries: [String: Entry] = [:]
        func resolve(_ id: String, depth: Int) -> Entry? {
            if let known = entries[id] { return known }
            guard depth < 64 else { return nil }
            var found: Entry?
            if let objectives = listed[id] {
                let parts = objectives.map { item in
                    RollUp.Part(key: item.objective, weight: item.weight,
                                score: scorecard.objective(item.objective)?.score ?? scorecard.area(item.objective)?.score ?? Score(computed: nil, status: .notApplicable))
                }
                let codes = objectives.map { "\($0.objective) (\(ItalianNumber.percentValue($0.weight)))" }.joined(separator: ", ")
                found = Entry(score: RollUp.combine(parts).score, source: "obiettivi della struttura indicati dal SMVP: \(codes)")
            } else if let unit = units[id], let head = unit.head, let manager = scorecard.manager(head) {
                found = Entry(score: manager.score, source: "punteggio degli obiettivi assegnati al responsabile (\(manager.name))")
            } else if let unit = units[id], let parent = unit.parent, let inherited = resolve(parent, depth: depth + 1) {
                let name = units[parent]?.name ?? parent
                found = Entry(score: inherited.score, source: "come la struttura superiore «\(name)»: \(inherited.source)")
            }
            if let found { entries[id] = found }
            return found
        }
        for id in Set(units.keys).union(listed.keys) { _ = resolve(id, depth: 0) }
        self.entries = entries
    }

    public func performance(of unit: String) -> Entry? { entries[unit] }
}
