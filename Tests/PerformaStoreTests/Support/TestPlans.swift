import Foundation
import Performa
import PerformaFormats
@testable import PerformaStore

/// Plans and contexts for the store tests. Every test works in organizations of its own.
enum TestPlans {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bresciaURL = repository.appendingPathComponent("examples/cciaa-brescia-2021-2023.yaml")
    static let bresciaResultsURL = repository.appendingPathComponent("examples/results-2021.yaml")

    static func brescia() throws -> Plan { try PlanFile.read(contentsOf: bresciaURL) }

    static func admin(_ organization: String) -> AccessContext { AccessContext(organization: organization, user: "admin-\(organization)", role: .admin) }

    /// A small plan of `organization`: one area, strategic objective 1.1 with an own indicator and operational
    /// objectives 1.1.1 (a count and a percentage, targets at 30/6 and 31/12) and 1.1.2 (yes/no), assigned to
    /// two managers.
    static func small(organization: String, id: String = "piano-prova") -> Plan {
        let midYear = Day.midYear(2021), yearEnd = Day.yearEnd(2021)
        func indicator(_ number: Int, _ mid: String?, _ end: String, weight: Double) -> Indicator {
            var targets = [IndicatorTarget(at: yearEnd, target: Target(parsing: end))]
            if let mid { targets.insert(IndicatorTarget(at: midYear, target: Target(parsing: mid)), at: 0) }
            return Indicator(number: number, title: "Indicatore \(number)", targets: targets, weight: weight)
        }
        let strategic = StrategicObjective(
            code: "1.1", title: "Obiettivo strategico", weight: 100, split: ResultSplit(ownIndicators: 50, operationalObjectives: 50),
            indicators: [Indicator(number: 1, title: "Indicatore strategico", targets: [IndicatorTarget(at: yearEnd, target: Target(parsing: "SI"), weight: 100)])],
            operationalObjectives: [
                OperationalObjective(code: "1.1.1", title: "Pratiche", weight: 60, indicators: [indicator(1, "500", "1000", weight: 50), indicator(2, "50%", "90%", weight: 50)]),
                OperationalObjective(code: "1.1.2", title: "Regolamento", weight: 40, indicators: [indicator(1, nil, "SI", weight: 100)]),
            ])
        let organizationValue = Organization(id: organization, name: "Ente \(organization)", managers: [
            Manager(id: "rossi", name: "Mario Rossi", roles: ["Dirigente Area 1"]),
            Manager(id: "bianchi", name: "Anna Bianchi", roles: ["Dirigente Area 2"]),
        ])
        var plan = Plan(id: id, title: "Piano di prova", span: YearSpan(from: 2021, to: 2023), year: 2021, status: .adopted,
                        organization: organizationValue, areas: [StrategicArea(code: "1", title: "Area uno", objectives: [strategic])])
        plan.version = 1
        plan.assignments = [
            Assignment(manager: "rossi", objectives: [AssignedObjective(objective: "1.1", weight: 50), AssignedObjective(objective: "1.1.1", weight: 50)]),
            Assignment(manager: "bianchi", objectives: [AssignedObjective(objective: "1.1.2", weight: 100)]),
        ]
        return plan
    }

    /// A fresh organization id, so that tests sharing a database never meet.
    static func organization(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// An organization with the small plan imported; returns its administrator's context.
    static func seeded(_ store: SQLStore, _ prefix: String) async throws -> AccessContext {
        let context = admin(organization(prefix))
        _ = try await store.importPlan(context, small(organization: context.organization), revision: nil, createOrganization: true)
        return context
    }

    static let revision = PlanRevision(reason: "Obiettivo aggiuntivo del I semestre",
                                       act: ApprovalAct(kind: .revision, body: "Giunta camerale", number: "80", date: Day(2021, 7, 19)))
}

extension IndicatorKey {
    /// `"1.1.1/1"` in tests.
    static func key(_ text: String) -> IndicatorKey { IndicatorKey(parsing: text)! }
}
