@testable import Performa

/// Small plans built in code for the scoring tests.
enum PlanBuilder {
    static func operational(_ code: String, weight: Double?, indicators: [Indicator]) -> OperationalObjective {
        OperationalObjective(code: code, title: "Obiettivo \(code)", weight: weight, indicators: indicators)
    }

    /// An operational indicator with a 31/12 target (and optionally a 30/6 one).
    static func indicator(_ number: Int, _ target: String, weight: Double?, midYear: String? = nil, baseline: String? = nil) -> Indicator {
        var targets = [IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: target))]
        if let midYear { targets.insert(IndicatorTarget(at: .midYear(2021), target: Target(parsing: midYear)), at: 0) }
        return Indicator(number: number, title: "Indicatore \(number)", baseline: baseline.map(Target.init(parsing:)), targets: targets, weight: weight)
    }

    static func plan(areas: [StrategicArea], assignments: [Assignment] = [], agency: [OperationalObjective] = []) -> Plan {
        var organization = Organization(id: "ente", name: "Ente di prova", managers: [
            Manager(id: "rossi", name: "Mario Rossi", roles: ["Dirigente"]),
            Manager(id: "bianchi", name: "Anna Bianchi", roles: ["Dirigente"]),
        ])
        organization.specialAgencies = [SpecialAgency(id: "agenzia", code: "AG", name: "Azienda speciale")]
        var plan = Plan(id: "prova", title: "Piano di prova", span: YearSpan(from: 2021, to: 2023), year: 2021, organization: organization, areas: areas)
        plan.assignments = assignments
        if !agency.isEmpty { plan.specialAgencyObjectives = [SpecialAgencyObjectives(agency: "agenzia", objectives: agency)] }
        return plan
    }

    static func results(_ values: [(String, Day, String)], overrides: [AchievementOverride] = [], neutralisations: [DeclaredNeutralisation] = []) throws -> Results {
        Results(plan: "prova", measurements: try values.map { key, at, text in
            try Measurement(indicator: IndicatorKey(parsing: key)!, at: at, text: text)
        }, neutralisations: neutralisations, overrides: overrides)
    }
}

/// A deterministic pseudo-random source (SplitMix64) so that generated plans depend only on a seed.
struct SplitMix {
    private var core: SplitMix64
    init(seed: Int) { core = SplitMix64(state: UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15) }

    mutating func next() -> UInt64 { core.next() }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() % 1_000_001) / 1_000_000 * (range.upperBound - range.lowerBound)
    }
}
