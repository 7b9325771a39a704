/// S-TOTAL — a scenario table whose printed total is not the sum of its rows.
///
/// Catches: the enterprises-by-sector and enterprises-by-legal-form tables of the *scenario
/// socio-economico* when their printed total differs from the sum of the rows.
///
/// Why an OIV cares: the context analysis is part of the plan the OIV validates and publishes; a total
/// that does not add up means a row was lost or mistyped, in the plan or in its transcription.
struct ScenarioTotalCheck: PlanCheck {
    static let codes = ["S-TOTAL"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        guard let scenario = context.plan.scenario else { return [] }
        return [scenario.enterprisesBySector, scenario.enterprisesByLegalForm].compactMap { table -> Diagnostic? in
            guard let table, let total = table.total else { return nil }
            let sum = table.rows.map(\.count).reduce(0, +)
            guard sum != total else { return nil }
            return Diagnostic(
                code: "S-TOTAL", severity: .warning, location: "piano",
                message: "Nella tabella \(ValidationText.quoted(table.title)) dello scenario il totale stampato "
                    + "(\(ItalianNumber.format(Double(total)))) differisce dalla somma delle righe (\(ItalianNumber.format(Double(sum)))).")
        }
    }
}
