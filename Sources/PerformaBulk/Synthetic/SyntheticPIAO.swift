import Performa

/// A PIAO for a generated administration of a given size (`performa generate --piao`, and the tests of ordinary and
/// simplified PIAO): the scheda anagrafica, a structure of units, a POLA, a 2.3 register over the statutory risk areas
/// whose measures are monitored with their own indicators or are one of the plan's operational objectives, a staffing
/// plan from the staff at the start, a training plan and — for 50 employees or more, where they are due — public-value
/// objectives linked to strategic objectives and flagged objectives. Deterministic for a seed, like `SyntheticPlans`.
public enum SyntheticPIAO {
    public static func attach(to plan: Plan, employees: Int, seed: UInt64) -> Plan {
        var random = SeededRandom(seed: seed, stream: 0x5049_414F)
        var plan = plan
        let year = plan.year
        let managers = plan.organization.managers.map(\.id)
        let head = managers.first

        plan.organization.units = [OrgUnit(id: "direzione", name: "Direzione generale", kind: .secretariat, head: head)]
            + managers.dropFirst().enumerated().map { n, manager in
                OrgUnit(id: "area-\(n + 1)", name: "Area \(n + 1)", kind: .area, parent: "direzione", head: manager)
            }
        let categories = ["Dirigenti", "Categoria D", "Categoria C", "Categoria B"]
        let shares = [0.06, 0.34, 0.45]
        var counts = shares.map { max(1, Int((Double(employees) * $0).rounded())) }
        counts.append(max(0, employees - counts.reduce(0, +)))
        var staff = StaffFigures(asOf: Day(year - 1, 12, 31), total: employees,
                                 byCategory: zip(categories, counts).map { StaffCategory(category: $0, count: $1) })
        staff.note = "Personale generato (performa generate): non sono dati reali"
        plan.organization.staff = staff
        plan.agileWork = AgileWorkPlan(title: "Piano organizzativo del lavoro agile", monthlyYear: year - 1, monthly: (1...12).map { month in
            let agile = random.int(0...(employees / 2))
            return AgileMonth(month: month, employees: employees, agileWorkers: agile, averageAgileDaysPerWeek: 1.5, agileDaysInMonth: agile * 6)
        })

        var piao = PIAO()
        piao.illustrative = true
        piao.span = plan.span
        var registry = AdministrationRegistry()
        registry.employees = employees
        registry.rpct = plan.organization.managers.first?.name
                piao.registry = registry

        let operational = plan.areas.flatMap(\.objectives).flatMap(\.operationalObjectives)
        let areas: [RiskArea] = [.authorisations, .contracts, .grants, .recruitment]
        var register = RiskRegister()
        for (n, area) in areas.enumerated() {
            let code = "P0\(n + 1)"
            let level = random.pick(RiskLevel.allCases)
            let event = RiskEvent(code: "\(code).R1", description: "Evento rischioso generato del processo \(code)",
                                  assessment: RiskAssessment(exposure: ExposureIndicator.allCases.map { ExposureRating(indicator: $0, level: level) }))
            register.processes.append(RiskProcess(code: code, title: "Processo di \(area.italian.lowercased())", area: area,
                                                  unit: random.pick(plan.organization.units ?? []).id, events: [event]))
            var measure = PreventionMeasure(code: String(n + 1), title: "Misura specifica per \(code)", kind: .specific)
            measure.risks = [event.code]
            measure.owner = managers.isEmpty ? nil : random.pick(managers)
            measure.timing = "entro il 31/12/\(year)"
            if n == 0, let linked = operational.first {
                measure.objective = linked.code
            } else {
                measure.indicators = [Indicator(number: 1, title: "Controlli svolti sul processo \(code)", targets: [
                    IndicatorTarget(at: .midYear(year), target: Target(parsing: "50,00%")),
                    IndicatorTarget(at: .yearEnd(year), target: Target(parsing: "100,00%")),
                ], weight: 100)]
            }
            register.measures.append(measure)
        }
        register.transparency = [
            TransparencyObligation(section: "Bandi di gara e contratti", content: "Atti relativi alle procedure di affidamento", update: .timely),
            TransparencyObligation(section: "Personale", content: "Tassi di assenza del personale", update: .quarterly),
        ]
        piao.risks = register

        var staffing = StaffingPlan()
        staffing.departures = [StaffMovement(year: year, category: "Categoria C", count: random.int(1...2))]
        staffing.hires = [StaffMovement(year: year + 1, category: "Categoria D", count: random.int(1...3), channel: "concorso")]
        staffing.spendingCapacity = plan.span.years.map { YearAmount(year: $0, amount: Amount(cents: Int64(employees) * 100_000)) }
        piao.staffing = staffing
        piao.training = [TrainingAction(title: "Prevenzione della corruzione e codice di comportamento", year: year, audience: "tutto il personale",
                                        hours: 4, participants: employees)]

        if PIAOKind(employees: employees) == .ordinary {
            let strategic = plan.areas.flatMap(\.objectives)
            piao.publicValue = strategic.prefix(2).enumerated().map { n, objective in
                var value = PublicValueObjective(code: "VP\(n + 1)", title: "Valore pubblico generato \(n + 1)", objectives: [objective.code])
                value.outcome = "Impatto generato, non reale"
                value.impactIndicators = [ImpactIndicator(title: "Indicatore di impatto generato", framework: "SDG 16.6")]
                return value
            }
            piao.dimensions = operational.prefix(1).map { ObjectiveDimensions(objective: $0.code, dimensions: [.digitalisation]) }
        }
        plan.piao = piao
        return plan
    }
}
