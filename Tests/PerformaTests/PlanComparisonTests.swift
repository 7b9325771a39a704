import Foundation
@testable import Performa
import Testing

/// What an upload or a revision changes, as the person confirming it reads it.
@Suite("Plan comparison")
struct PlanComparisonTests {
    static func plan() -> Plan {
        let indicator = Indicator(number: 1, title: "Pratiche evase", targets: [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "Almeno 100"))], weight: 100)
        let objective = OperationalObjective(code: "1.1.1", title: "Evasione pratiche", weight: 100, indicators: [indicator])
        let strategic = StrategicObjective(code: "1.1", title: "Servizi", weight: 100, operationalObjectives: [objective])
        return Plan(id: "p", title: "Piano", span: YearSpan(from: 2021, to: 2023), year: 2021, status: .adopted,
                    organization: Organization(id: "o", name: "Ente"), areas: [StrategicArea(code: "1", title: "Area", weight: 100, objectives: [strategic])])
    }

    @Test("the same plan changes nothing")
    func same() {
        #expect(PlanComparison(from: Self.plan(), to: Self.plan()).isEmpty)
    }

    @Test("an added objective, a removed indicator and a changed weight and target are each named with old and new value")
    func changes() {
        let old = Self.plan()
        var new = old
        new.areas[0].objectives[0].operationalObjectives[0].weight = 60
        new.areas[0].objectives[0].operationalObjectives[0].indicators[0].targets = [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "Almeno 120"))]
        new.areas[0].objectives[0].operationalObjectives.append(OperationalObjective(code: "1.1.2", title: "Nuovo obiettivo", weight: 40, indicators: []))
        let comparison = PlanComparison(from: old, to: new)
        #expect(comparison.count(.added) == 1)
        #expect(comparison.changes.contains { $0.kind == .added && $0.subject == "obiettivo" && $0.key == "1.1.2" })
        let objective = comparison.changes.first { $0.kind == .changed && $0.key == "1.1.1" }
        #expect(objective?.details == ["peso: 100,00% → 60,00%"])
        let indicator = comparison.changes.first { $0.subject == "indicatore" && $0.key == "1.1.1/1" }
        #expect(indicator?.details == ["target: 31/12/2021 Almeno 100 → 31/12/2021 Almeno 120"])

        let back = PlanComparison(from: new, to: old)
        #expect(back.changes.contains { $0.kind == .removed && $0.key == "1.1.2" })
    }
}
