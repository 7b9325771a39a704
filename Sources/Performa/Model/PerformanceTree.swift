/// The *albero della performance* as data: organization → areas → strategic objectives → operational
/// objectives, plus the special agencies' objectives, each node with the managers it is assigned to.
/// The text tree, the SVG pictures and the documents are all drawn from this one structure.
public struct PerformanceTree: Sendable {
    public struct Node: Sendable {
        public enum Kind: String, Sendable { case organization, area, strategic, operational, agency, agencyObjective }
        public var kind: Kind
        /// Objective key or area code (`1.2.1`, `2`, `PB.1`); the agency id for agencies.
        public var key: String
        /// The code as printed (`1.2.1`, `1` for an agency objective).
        public var code: String
        public var title: String
        public var weight: Double?
        /// Area code the node belongs to (nil for agencies and the root).
        public var area: String?
        /// Manager ids the objective is assigned to, in assignment-table order.
        public var managers: [String]
        public var children: [Node]
    }

    public let root: Node

    public init(_ plan: Plan) {
        var managersByObjective: [String: [String]] = [:]
        for assignment in plan.assignments ?? [] {
            for item in assignment.objectives where !(managersByObjective[item.objective]?.contains(assignment.manager) ?? false) {
                managersByObjective[item.objective, default: []].append(assignment.manager)
            }
        }
        func managers(_ key: String) -> [String] { managersByObjective[key] ?? [] }
        var children = plan.areas.map { area in
            Node(kind: .area, key: area.code, code: area.code, title: area.title, weight: area.weight, area: area.code, managers: [],
                 children: area.objectives.map { strategic in
                     Node(kind: .strategic, key: strategic.code, code: strategic.code, title: strategic.title, weight: strategic.weight,
                          area: area.code, managers: managers(strategic.code),
                          children: strategic.operationalObjectives.map { operational in
                              Node(kind: .operational, key: operational.code, code: operational.code, title: operational.title,
                                   weight: operational.weight, area: area.code, managers: managers(operational.code), children: [])
                          })
                 })
        }
        for group in plan.specialAgencyObjectives ?? [] {
            let agency = plan.organization.specialAgencies?.first { $0.id == group.agency }
            let prefix = agency?.code ?? group.agency
            children.append(Node(kind: .agency, key: group.agency, code: prefix, title: agency?.name ?? group.agency, weight: nil, area: nil,
                                 managers: agency?.director.map { [$0] } ?? [],
                                 children: group.objectives.map { objective in
                                     let key = "\(prefix).\(objective.code)"
                                     return Node(kind: .agencyObjective, key: key, code: objective.code, title: objective.title,
                                                 weight: objective.weight, area: nil, managers: managers(key), children: [])
                                 }))
        }
        root = Node(kind: .organization, key: plan.id, code: "", title: plan.title, weight: nil, area: nil, managers: [], children: children)
    }
}
