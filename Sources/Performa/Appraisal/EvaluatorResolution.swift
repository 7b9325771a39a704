/// Who evaluates a person: the evaluator set on the person when there is one; otherwise the head of their unit,
/// or — when the person heads that unit themself, or it has no head — the head of the nearest unit above.
/// A special agency's staff are evaluated by its director. Nil when nobody is found (the SMVP's profile then
/// says who evaluates, e.g. the Giunta on the OIV's proposal for the Segretario Generale).
public enum EvaluatorResolution {
    public static func evaluator(of person: Person, organization: Organization) -> String? {
        evaluator(of: person, organization: organization, units: unitsById(organization))
    }

    /// The organization's units by id, built once when many people are resolved (a whole staff).
    static func unitsById(_ organization: Organization) -> [String: OrgUnit] {
        Dictionary((organization.units ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func evaluator(of person: Person, organization: Organization, units: [String: OrgUnit]) -> String? {
        if let explicit = person.evaluator, !explicit.isEmpty { return explicit }
        if let agency = organization.specialAgencies?.first(where: { $0.id == person.unit }) {
            return agency.director == person.id ? nil : agency.director
        }
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
