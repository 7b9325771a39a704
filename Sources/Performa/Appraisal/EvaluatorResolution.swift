/// Who evaluates a person: the evaluator set on the person when there is one; otherwise the head of their unit,
/// or — when the person heads that unit themself, or it has no head — the head of the nearest unit above.
/// A special agency's staff are evaluated by its director. Nil when nobody is found (the SMVP's profile then
/// says who evaluates, e.g. the Giunta on the OIV's proposal for the Segretario Generale).
public enum EvaluatorResolution {
    public static func evaluator(of person: Person, organization: Organization) -> String? {
        if let explicit = person.evaluator, !explicit.isEmpty { return explicit }
        if let agency = organization.specialAgencies?.first(where: { $0.id == person.unit }) {
            return agency.director == person.id ? nil : agency.director
        }
        let units = Dictionary((organization.units ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var current = units[person.unit]
        var steps = 0
        while let unit = current, steps < 64 {
            if let head = unit.head, head != person.id { return head }
            current = unit.parent.flatMap { units[$0] }
            steps += 1
        }
        return nil
    }
}
