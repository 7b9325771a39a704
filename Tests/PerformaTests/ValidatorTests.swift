import Testing
@testable import Performa

/// The plan validator (DESIGN.md §4): one small plan, consistent in every respect, and one test per
/// diagnostic code that breaks it in one place and checks what is reported — and what is not.
@Suite("PlanValidator")
struct ValidatorTests {

    // MARK: - A clean plan

    /// Two areas; strategic 1.1 (split 50/50, three-year own indicators, two operational objectives),
    /// strategic 2.1 (operational objectives only); a special agency with two objectives; three
    /// managers whose assignments add up to 100%; a scenario table whose total adds up.
    static func cleanPlan() -> Plan {
        var organization = Organization(id: "cciaa-test", name: "Camera di Commercio di Prova", managers: [
            Manager(id: "rossi", name: "Mario Rossi", roles: ["Segretario Generale"]),
            Manager(id: "bianchi", name: "Anna Bianchi", roles: ["Dirigente Area Promozione"]),
            Manager(id: "verdi", name: "Luca Verdi", roles: ["Direttore"], agency: "pb"),
        ])
        organization.specialAgencies = [SpecialAgency(id: "pb", code: "PB", name: "Pro Prova", director: "verdi")]

        var strategic = StrategicObjective(
            code: "1.1", title: "Promozione del territorio", weight: 100,
            split: ResultSplit(ownIndicators: 50, operationalObjectives: 50),
            indicators: [
                Indicator(number: 1, title: "Partecipazione al comitato", baseline: Target(parsing: "-"), targets: [
                    IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "SI"), weight: 60),
                    IndicatorTarget(at: .yearEnd(2022), target: Target(parsing: "SI"), weight: 50),
                    IndicatorTarget(at: .yearEnd(2023), target: Target(parsing: "-")),
                ], evidence: "Verbali"),
                Indicator(number: 2, title: "Imprese coinvolte", baseline: Target(parsing: "10"), targets: [
                    IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "12"), weight: 40),
                    IndicatorTarget(at: .yearEnd(2022), target: Target(parsing: "15"), weight: 50),
                    IndicatorTarget(at: .yearEnd(2023), target: Target(parsing: "20"), weight: 100),
                ], evidence: "Elenco imprese"),
            ],
            operationalObjectives: [
                operational("1.1.1", "Iniziative ambientali", weight: 60, indicators: [
                    Indicator(number: 1, title: "Corso di formazione", baseline: Target(parsing: "50%"), targets: [
                        IndicatorTarget(at: .midYear(2021), target: Target(parsing: "40%")),
                        IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "60%")),
                    ], weight: 50, evidence: "Elenchi partecipanti"),
                    Indicator(number: 2, title: "Nuovo regolamento", baseline: Target(parsing: "-"), targets: [
                        IndicatorTarget(at: .midYear(2021), target: Target(parsing: "-")),
                        IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "Bozza regolamento")),
                    ], weight: 50, evidence: "Bozza"),
                ]),
                operational("1.1.2", "Riorganizzazione bandi", weight: 40, indicators: [yesIndicator()]),
            ])
        strategic.operationalObjectives[0].printedEffectiveWeight = 30
        strategic.budgetLines = [BudgetLine(accountCode: "330001", budgetCentre: "B002", amounts: [
            YearAmount(year: 2021, amount: Amount("€ 50.000,00")),
            YearAmount(year: 2022, amount: Amount("€ 60.000,00")),
            YearAmount(year: 2023, amount: Amount("-")),
        ])]

        let second = StrategicObjective(code: "2.1", title: "Digitalizzazione", weight: 100, operationalObjectives: [
            operational("2.1.1", "Servizi digitali", weight: 100, indicators: [yesIndicator()]),
        ])

        var plan = Plan(id: "prova-2021-2023", title: "Piano della Performance 2021-2023", span: YearSpan(from: 2021, to: 2023),
                        year: 2021, organization: organization, areas: [
                            StrategicArea(code: "1", title: "Visibilità della Camera", objectives: [strategic]),
                            StrategicArea(code: "2", title: "Competitività delle imprese", objectives: [second]),
                        ])
        plan.specialAgencyObjectives = [SpecialAgencyObjectives(agency: "pb", objectives: [
            operational("1", "Fiera digitale", weight: 60, indicators: [yesIndicator()]),
            operational("2", "Hub vaccinale", weight: 40, indicators: [yesIndicator()]),
        ])]
        plan.assignments = [
            Assignment(manager: "rossi", objectives: [
                AssignedObjective(objective: "1.1", weight: 50),
                AssignedObjective(objective: "1.1.1", weight: 30),
                AssignedObjective(objective: "1.1.2", weight: 20),
            ], printedTotal: 100),
            Assignment(manager: "bianchi", objectives: [
                AssignedObjective(objective: "2.1", weight: 50),
                AssignedObjective(objective: "2.1.1", weight: 40),
                AssignedObjective(objective: "1.1.2", weight: 10),
            ], printedTotal: 100),
            Assignment(manager: "verdi", objectives: [
                AssignedObjective(objective: "PB.1", weight: 60),
                AssignedObjective(objective: "PB.2", weight: 40),
            ]),
        ]
        var scenario = Scenario(keyFigures: [])
        scenario.enterprisesBySector = CountTable(title: "Imprese per settore", columnLabel: "Settore", valueLabel: "Imprese", rows: [
            CountRow(code: "A", label: "Agricoltura", count: 10_000),
            CountRow(code: "C", label: "Manifattura", count: 2_423),
        ], total: 12_423)
        plan.scenario = scenario
        return plan
    }

    static func operational(_ code: String, _ title: String, weight: Double?, indicators: [Indicator]) -> OperationalObjective {
        OperationalObjective(code: code, title: title, weight: weight, indicators: indicators)
    }

    /// One indicator, weight 100%, `SI` at 31/12 and nothing due at 30/6.
    static func yesIndicator(number: Int = 1, weight: Double? = 100) -> Indicator {
        Indicator(number: number, title: "Realizzazione", baseline: Target(parsing: "-"), targets: [
            IndicatorTarget(at: .midYear(2021), target: Target(parsing: "-")),
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "SI")),
        ], weight: weight, evidence: "Report attività")
    }

    func validate(_ plan: Plan) -> [Diagnostic] { PlanValidator().validate(plan) }

    /// The findings with one code.
    func found(_ code: String, in plan: Plan) -> [Diagnostic] { validate(plan).filter { $0.code == code } }

    // MARK: - Clean plan and output

    @Test("a clean plan gives no diagnostics")
    func cleanPlanIsClean() {
        let diagnostics = validate(Self.cleanPlan())
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code) \($0.location): \($0.message)" })")
    }

    @Test("output is sorted: errors first, then objective codes in code order before areas, agencies and managers; the same every time")
    func sortedOutput() {
        var plan = Self.cleanPlan()
        plan.areas[1].objectives[0].operationalObjectives[0].weight = 90       // W-SUM error at 2.1
        plan.areas[0].objectives[0].operationalObjectives[1].indicators[0].evidence = nil
        plan.areas[0].objectives[0].operationalObjectives[1].indicators[0].targets[1] =
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "Avvio attività"))  // Q-EVIDENCE warning
        plan.areas[0].objectives[0].weight = 80                                  // W-SUM error at area:1
        let diagnostics = validate(plan)
        #expect(diagnostics == validate(plan))
        #expect(diagnostics.map(\.severity) == diagnostics.map(\.severity).sorted())
        let errors = diagnostics.filter { $0.severity == .error }.map(\.location)
        #expect(errors == ["2.1", "area:1"])
        #expect(diagnostics.last?.code == "Q-EVIDENCE")
    }

    @Test("an empty plan gives no diagnostics")
    func emptyPlan() {
        let plan = Plan(id: "vuoto", title: "Piano", span: YearSpan(from: 2021, to: 2023), year: 2021,
                        organization: Organization(id: "ente", name: "Ente"))
        #expect(validate(plan).isEmpty)
    }

    @Test("the validator declares every code of the brief, once")
    func codes() {
        #expect(Set(PlanValidator.codes) == [
            "W-SUM", "W-MISSING", "W-NA", "T-MISSING", "W-EFFECTIVE", "C-DUP", "C-PREFIX", "A-SUM", "A-UNKNOWN",
            "A-NONE", "A-OVER", "B-PARSE", "B-EMPTY", "B-JUMP", "Q-EASY", "Q-INCOMPARABLE", "Q-EVIDENCE", "S-TOTAL",
            "P-SECTION", "P-LINK", "P-MEASURE", "P-RISK",
        ])
        #expect(PlanValidator.codes.count == 22)
    }

    // MARK: - W-SUM

    @Test("W-SUM: strategic objectives inside an area")
    func weightSumArea() throws {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].weight = 90
        let finding = try #require(found("W-SUM", in: plan).first)
        #expect(finding.location == "area:1")
        #expect(finding.severity == .error)
        #expect(finding.message.contains("90,00%"))
        #expect(finding.message.contains("1.1: 90,00%"))
        #expect(found("W-SUM", in: plan).count == 1)
    }

    @Test("W-SUM: operational objectives inside a strategic objective")
    func weightSumOperational() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[1].weight = 50
        let findings = found("W-SUM", in: plan)
        #expect(findings.map(\.location) == ["1.1"])
        #expect(findings.first?.message.contains("110,00%") == true)
        #expect(findings.first?.message.contains("obiettivo strategico 1.1 «Promozione del territorio»") == true)
    }

    @Test("W-SUM: agency objectives inside their agency")
    func weightSumAgency() {
        var plan = Self.cleanPlan()
        plan.specialAgencyObjectives?[0].objectives[1].weight = 30
        let findings = found("W-SUM", in: plan)
        #expect(findings.map(\.location) == ["agenzia:pb"])
        #expect(findings.first?.message.contains("PB.2: 30,00%") == true)
    }

    @Test("W-SUM: operational indicator weights at 31/12")
    func weightSumOperationalIndicators() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[0].weight = 40
        let findings = found("W-SUM", in: plan)
        #expect(findings.map(\.location) == ["1.1.1"])
        #expect(findings.first?.message.contains("90,00%") == true)
        #expect(findings.first?.message.contains("31/12/2021") == true)
    }

    @Test("W-SUM: strategic indicator weights per year, only applicable targets counting")
    func weightSumStrategicPerYear() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].indicators[0].targets[1].weight = 40      // 2022: 40 + 50
        let findings = found("W-SUM", in: plan)
        #expect(findings.map(\.location) == ["1.1"])
        #expect(findings.first?.message.contains("(2022)") == true)
        #expect(findings.first?.message.contains("90,00%") == true)

        // 2023: indicator 1 is "-", so only indicator 2 (100%) counts, even if a weight is printed on the "-".
        var other = Self.cleanPlan()
        other.areas[0].objectives[0].indicators[0].targets[2].weight = 30
        #expect(found("W-SUM", in: other).isEmpty)
        #expect(found("W-NA", in: other).count == 1)
    }

    @Test("W-SUM: split between own indicators and operational objectives")
    func weightSumSplit() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].split = ResultSplit(ownIndicators: 50, operationalObjectives: 40)
        let findings = found("W-SUM", in: plan)
        #expect(findings.map(\.location) == ["1.1"])
        #expect(findings.first?.message.contains("ripartizione") == true)
        #expect(findings.first?.message.contains("90,00%") == true)
    }

    @Test("W-SUM: area weights are checked only when the plan gives them; tolerance 0,01")
    func weightSumAreasAndTolerance() {
        var plan = Self.cleanPlan()
        plan.areas[0].weight = 60
        plan.areas[1].weight = 30
        #expect(found("W-SUM", in: plan).map(\.location) == ["piano"])
        plan.areas[1].weight = 39.995
        #expect(found("W-SUM", in: plan).isEmpty)
    }

    // MARK: - W-MISSING

    @Test("W-MISSING: an objective without weight, reported instead of a meaningless sum")
    func missingObjectiveWeight() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[1].weight = nil
        let findings = found("W-MISSING", in: plan)
        #expect(findings.map(\.location) == ["1.1.2"])
        #expect(findings.first?.severity == .error)
        #expect(found("W-SUM", in: plan).isEmpty)

        // The only objective of its group counts 100% anyway: a warning.
        var sole = Self.cleanPlan()
        sole.areas[1].objectives[0].weight = nil
        #expect(found("W-MISSING", in: sole).map(\.severity) == [.warning])
        #expect(found("W-MISSING", in: sole).first?.message.contains("si intende 100,00%") == true)
    }

    @Test("W-MISSING: indicators without weight, once per objective listing them")
    func missingIndicatorWeights() {
        var plan = Self.cleanPlan()
        plan.specialAgencyObjectives?[0].objectives[0].indicators = [
            Self.yesIndicator(number: 1, weight: nil), Self.yesIndicator(number: 2, weight: nil),
        ]
        let findings = found("W-MISSING", in: plan)
        #expect(findings.count == 1)
        #expect(findings.first?.location == "PB.1")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("indicatori 1 e 2") == true)

        var sole = Self.cleanPlan()
        sole.specialAgencyObjectives?[0].objectives[1].indicators = [Self.yesIndicator(weight: nil)]
        #expect(found("W-MISSING", in: sole).map(\.severity) == [.warning])
    }

    @Test("W-MISSING: strategic indicators, once per objective with the years")
    func missingStrategicIndicatorWeights() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].indicators[1].targets[0].weight = nil
        plan.areas[0].objectives[0].indicators[1].targets[1].weight = nil
        let findings = found("W-MISSING", in: plan)
        #expect(findings.count == 1)
        #expect(findings.first?.location == "1.1")
        #expect(findings.first?.message.contains("l'indicatore 2") == true)
        #expect(findings.first?.message.contains("anni 2021 e 2022") == true)
    }

    @Test("W-MISSING: a strategic objective with own indicators and operational objectives but no split")
    func missingSplit() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].split = nil
        #expect(found("W-MISSING", in: plan).map(\.location) == ["1.1"])
        #expect(found("W-MISSING", in: plan).first?.message.contains("ripartizione") == true)
    }

    // MARK: - W-NA

    @Test("W-NA: weight given to a not-applicable target")
    func weightOnNotApplicable() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].indicators[0].targets[2].weight = 30                  // strategic, 2023 "-"
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[1].targets[1] =
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "NA"))             // operational, 31/12
        let findings = found("W-NA", in: plan)
        #expect(findings.map(\.location) == ["1.1/1", "1.1.1/2"].sorted(by: ObjectiveCode.precedes))
        let strategic = findings.first { $0.location == "1.1/1" }
        #expect(strategic?.message.contains("30,00% per il 2023") == true)
        let operational = findings.first { $0.location == "1.1.1/2" }
        #expect(operational?.message.contains("50,00% al 31/12/2021") == true)
        #expect(operational?.message.contains("«NA»") == true)
    }

    @Test("W-NA: an operational indicator with '-' at 30/6 is normal")
    func mididYearNotApplicableIsFine() {
        // cleanPlan's 1.1.1/2 has "-" at 30/6 and weight 50%, meant for 31/12.
        #expect(found("W-NA", in: Self.cleanPlan()).isEmpty)
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[1].targets[0].weight = 20   // explicit, on "-"
        #expect(found("W-NA", in: plan).map(\.location) == ["1.1.1/2"])
    }

    // MARK: - T-MISSING

    @Test("T-MISSING: an operational indicator without a 31/12 target")
    func missingYearEndTarget() {
        var plan = Self.cleanPlan()
        plan.areas[1].objectives[0].operationalObjectives[0].indicators[0].targets.removeLast()
        let findings = found("T-MISSING", in: plan)
        #expect(findings.map(\.location) == ["2.1.1/1"])
        #expect(findings.first?.message.contains("31/12/2021") == true)
        #expect(findings.first?.message.contains("100,00%") == true)
        #expect(findings.first?.severity == .error)
    }

    @Test("T-MISSING: a strategic indicator weighted in a year with no target entry")
    func missingStrategicYear() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].indicators[1].targets.removeLast()     // no 2023 entry
        #expect(found("T-MISSING", in: plan).isEmpty)                      // no weight claims 2023
        plan.areas[0].objectives[0].indicators[1].weight = 100
        let findings = found("T-MISSING", in: plan)
        #expect(findings.map(\.location) == ["1.1/2"])
        #expect(findings.first?.message.contains("il 2023") == true)
    }

    // MARK: - W-EFFECTIVE

    @Test("W-EFFECTIVE: printed effective weight differs from weight × operational share")
    func effectiveWeight() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].printedEffectiveWeight = 25
        let findings = found("W-EFFECTIVE", in: plan)
        #expect(findings.map(\.location) == ["1.1.1"])
        #expect(findings.first?.message.contains("25,00%") == true)
        #expect(findings.first?.message.contains("60,00% × 50,00%") == true)
        #expect(findings.first?.message.contains("= 30,00%") == true)
    }

    // MARK: - C-DUP

    @Test("C-DUP: duplicate objective keys, indicator numbers, checkpoints")
    func duplicates() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[1].code = "1.1.1"
        #expect(found("C-DUP", in: plan).map(\.location) == ["1.1.1"])
        #expect(found("C-DUP", in: plan).first?.message.contains("2 obiettivi") == true)

        var numbers = Self.cleanPlan()
        numbers.areas[0].objectives[0].operationalObjectives[0].indicators[1].number = 1
        #expect(found("C-DUP", in: numbers).map(\.location) == ["1.1.1"])
        #expect(found("C-PREFIX", in: numbers).isEmpty)   // repeated numbers are C-DUP only

        var checkpoints = Self.cleanPlan()
        checkpoints.areas[1].objectives[0].operationalObjectives[0].indicators[0].targets.append(
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "NO")))
        #expect(found("C-DUP", in: checkpoints).map(\.location) == ["2.1.1/1"])

        var agency = Self.cleanPlan()
        agency.specialAgencyObjectives?[0].objectives[1].code = "1"
        #expect(found("C-DUP", in: agency).map(\.location) == ["PB.1"])
    }

    // MARK: - C-PREFIX

    @Test("C-PREFIX: codes that do not descend from their parent")
    func prefixes() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[1].code = "1.2.2"
        plan.areas[1].objectives[0].code = "3.1"
        plan.areas[1].objectives[0].operationalObjectives[0].code = "3.1.1"
        plan.assignments = nil
        let findings = found("C-PREFIX", in: plan)
        #expect(findings.map(\.location) == ["1.2.2", "3.1"])
        #expect(findings.first?.message.contains("atteso 1.1.N") == true)
        #expect(findings.last?.message.contains("atteso 2.N") == true)

        var deep = Self.cleanPlan()
        deep.areas[0].objectives[0].operationalObjectives[1].code = "1.1.2.1"
        #expect(found("C-PREFIX", in: deep).map(\.location) == ["1.1.2.1"])
    }

    @Test("C-PREFIX: indicators not numbered 1…n; agency objectives without their agency")
    func indicatorNumbering() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[1].number = 3
        let findings = found("C-PREFIX", in: plan)
        #expect(findings.map(\.location) == ["1.1.1"])
        #expect(findings.first?.message.contains("1 e 3 invece di 1…2") == true)

        var orphan = Self.cleanPlan()
        orphan.organization.specialAgencies = nil
        #expect(found("C-PREFIX", in: orphan).map(\.location) == ["agenzia:pb"])
    }

    // MARK: - Assignments

    @Test("A-SUM: a manager's weights not adding to 100%, and a printed total that is not the sum")
    func assignmentSum() {
        var plan = Self.cleanPlan()
        plan.assignments?[0].objectives[2].weight = 15
        let findings = found("A-SUM", in: plan)
        #expect(findings.map(\.location) == ["dirigente:rossi", "dirigente:rossi"])
        #expect(findings.contains { $0.message.contains("Mario Rossi") && $0.message.contains("95,00% invece di 100,00%") })
        #expect(findings.contains { $0.message.contains("totale 100,00%") && $0.message.contains("95,00%") })

        var printed = Self.cleanPlan()
        printed.assignments?[2].printedTotal = 90
        #expect(found("A-SUM", in: printed).count == 1)
        #expect(found("A-SUM", in: printed).first?.message.contains("stampa il totale 90,00%") == true)
    }

    @Test("A-UNKNOWN: an assignment to a missing objective or to an unknown manager")
    func unknownAssignment() {
        var plan = Self.cleanPlan()
        plan.assignments?[0].objectives.append(AssignedObjective(objective: "9.9", weight: 0))
        plan.assignments?[2].manager = "neri"
        let findings = found("A-UNKNOWN", in: plan)
        #expect(Set(findings.map(\.location)) == ["dirigente:rossi", "dirigente:neri"])
        #expect(findings.contains { $0.message.contains("«9.9»") && $0.message.contains("non esiste nel piano") })
        #expect(findings.contains { $0.message.contains("«neri»") })
    }

    @Test("A-NONE: an objective assigned to nobody; a plan without assignments is reported once")
    func unassigned() {
        var plan = Self.cleanPlan()
        plan.assignments?[2].objectives = [AssignedObjective(objective: "PB.1", weight: 100)]
        let findings = found("A-NONE", in: plan)
        #expect(findings.map(\.location) == ["PB.2"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("Hub vaccinale") == true)

        var none = Self.cleanPlan()
        none.assignments = []
        #expect(found("A-NONE", in: none).map(\.location) == ["piano"])
    }

    @Test("A-OVER: same objective twice for one manager, a weight over 100%, two tables; co-assignment is fine")
    func overAssignment() {
        // cleanPlan assigns 1.1.2 to both rossi (20%) and bianchi (10%): legitimate co-responsibility.
        #expect(found("A-OVER", in: Self.cleanPlan()).isEmpty)

        var twice = Self.cleanPlan()
        twice.assignments?[0].objectives[0].weight = 40
        twice.assignments?[0].objectives.append(AssignedObjective(objective: "1.1.1", weight: 10))
        let findings = found("A-OVER", in: twice)
        #expect(findings.map(\.location) == ["1.1.1"])
        #expect(findings.first?.message.contains("2 volte al dirigente Mario Rossi") == true)
        #expect(findings.first?.message.contains("30,00% + 10,00% = 40,00%") == true)

        var over = Self.cleanPlan()
        over.assignments?[2].objectives = [AssignedObjective(objective: "PB.1", weight: 120), AssignedObjective(objective: "PB.2", weight: -20)]
        #expect(Set(found("A-OVER", in: over).map(\.location)) == ["PB.1", "PB.2"])

        var tables = Self.cleanPlan()
        tables.assignments = [
            Assignment(manager: "verdi", objectives: [AssignedObjective(objective: "PB.1", weight: 60)]),
            Assignment(manager: "verdi", objectives: [AssignedObjective(objective: "PB.2", weight: 40)]),
        ] + (tables.assignments ?? []).filter { $0.manager != "verdi" }
        #expect(found("A-OVER", in: tables).map(\.location) == ["dirigente:verdi"])
        #expect(found("A-SUM", in: tables).isEmpty)   // the two tables together make 100%
    }

    // MARK: - Budget

    @Test("B-PARSE and B-EMPTY: unreadable and blank amounts; '-' is neither")
    func budgetAmounts() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].budgetLines = [
            BudgetLine(budgetCentre: "B002", amounts: [YearAmount(year: 2021, amount: Amount("€ _____"))]),
            BudgetLine(budgetCentre: "C002", amounts: [YearAmount(year: 2021, amount: Amount(""))]),
            BudgetLine(accountCode: "330009", amounts: [YearAmount(year: 2021, amount: Amount("//"))]),
        ]
        let parse = found("B-PARSE", in: plan)
        #expect(parse.map(\.location) == ["1.1.1"])
        #expect(parse.first?.severity == .warning)
        #expect(parse.first?.message.contains("«€ _____»") == true)
        #expect(parse.first?.message.contains("budget B002") == true)
        let empty = found("B-EMPTY", in: plan)
        #expect(empty.map(\.location) == ["1.1.1"])
        #expect(empty.first?.severity == .info)
        #expect(empty.first?.message.contains("Importo non indicato per il 2021 (budget C002)") == true)
    }

    @Test("B-JUMP: amounts more than five times apart across the years")
    func budgetJump() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].budgetLines = [BudgetLine(budgetCentre: "C003", amounts: [
            YearAmount(year: 2021, amount: Amount("€ 175,00")),
            YearAmount(year: 2022, amount: Amount("€ 175.000")),
            YearAmount(year: 2023, amount: Amount("€ 175.000")),
        ])]
        let findings = found("B-JUMP", in: plan)
        #expect(findings.map(\.location) == ["1.1"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.lowercased().contains("importi implausibilmente diversi tra gli anni") == true)
        #expect(findings.first?.message.contains("€ 175,00 nel 2021") == true)
        #expect(findings.first?.message.contains("€ 175.000,00 nel 2022") == true)
        #expect(findings.first?.message.contains("1.000 volte") == true)

        // Exactly five times is plausible; zero amounts are not judged.
        var five = Self.cleanPlan()
        five.areas[0].objectives[0].budgetLines = [BudgetLine(amounts: [
            YearAmount(year: 2021, amount: Amount("€ 10.000,00")),
            YearAmount(year: 2022, amount: Amount("€ 50.000,00")),
            YearAmount(year: 2023, amount: Amount("€ 0,00")),
        ])]
        #expect(found("B-JUMP", in: five).isEmpty)
    }

    // MARK: - Quality

    @Test("Q-EASY: a percentage target below its baseline")
    func easyPercent() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[0].baseline = Target(parsing: "90%")
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[0].targets[1] =
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "80,00%"))
        let findings = found("Q-EASY", in: plan)
        #expect(findings.map(\.location) == ["1.1.1/1"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("Target non sfidante") == true)
        #expect(findings.first?.message.contains("«80,00%» al 31/12/2021") == true)
        #expect(findings.first?.message.contains("«90%»") == true)
    }

    @Test("Q-EASY: a yearly count below its baseline; equal is fine")
    func easyCount() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].indicators[1].baseline = Target(parsing: "15")   // 2021: 12, 2022: 15, 2023: 20
        let findings = found("Q-EASY", in: plan)
        #expect(findings.map(\.location) == ["1.1/2"])
        #expect(findings.first?.message.contains("«12» per il 2021") == true)
        #expect(findings.first?.message.contains("2022") == false)
    }

    @Test("Q-EASY: several years below the baseline, one finding with the years")
    func easySeveralYears() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].indicators[1].baseline = Target(parsing: "n. 18 imprese")
        let findings = found("Q-EASY", in: plan)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("i risultati attesi «12» per il 2021 e «15» per il 2022 sono inferiori") == true)
    }

    @Test("Q-EASY: lower is better — a maximum above the baseline")
    func easyLowerIsBetter() {
        var plan = Self.cleanPlan()
        plan.areas[1].objectives[0].operationalObjectives[0].indicators[0].baseline = Target(parsing: "4 giorni")
        plan.areas[1].objectives[0].operationalObjectives[0].indicators[0].targets[1] =
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "massimo 5 giorni"))
        #expect(found("Q-EASY", in: plan).map(\.location) == ["2.1.1/1"])
        plan.areas[1].objectives[0].operationalObjectives[0].indicators[0].targets[1] =
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "massimo 3 giorni"))
        #expect(found("Q-EASY", in: plan).isEmpty)
    }

    @Test("Q-INCOMPARABLE: baseline and target of different quantitative kinds")
    func incomparable() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[0].baseline = Target(parsing: "18")
        let findings = found("Q-INCOMPARABLE", in: plan)
        #expect(findings.map(\.location) == ["1.1.1/1"])
        #expect(findings.first?.message.contains("«60%» al 31/12/2021") == true)
        #expect(findings.first?.message.contains("(una percentuale)") == true)
        #expect(findings.first?.message.contains("«18» (un numero)") == true)
        #expect(found("Q-EASY", in: plan).isEmpty)

        // A change target is a change from the baseline: comparable.
        var change = Self.cleanPlan()
        change.areas[0].objectives[0].operationalObjectives[0].indicators[0].baseline = Target(parsing: "18")
        change.areas[0].objectives[0].operationalObjectives[0].indicators[0].targets[1] =
            IndicatorTarget(at: .yearEnd(2021), target: Target(parsing: "-5,00%"))
        #expect(found("Q-INCOMPARABLE", in: change).isEmpty)
    }

    @Test("Q-EVIDENCE: a milestone target without evidence")
    func milestoneEvidence() {
        var plan = Self.cleanPlan()
        plan.areas[0].objectives[0].operationalObjectives[0].indicators[1].evidence = "  "
        let findings = found("Q-EVIDENCE", in: plan)
        #expect(findings.map(\.location) == ["1.1.1/2"])
        #expect(findings.first?.message.contains("«Bozza regolamento»") == true)

        // A yes/no target needs no stated evidence for this check.
        var yes = Self.cleanPlan()
        yes.areas[1].objectives[0].operationalObjectives[0].indicators[0].evidence = nil
        #expect(found("Q-EVIDENCE", in: yes).isEmpty)
    }

    // MARK: - Scenario

    @Test("S-TOTAL: a scenario table whose printed total is not the sum of its rows")
    func scenarioTotal() {
        var plan = Self.cleanPlan()
        plan.scenario?.enterprisesBySector?.total = 12_424
        let findings = found("S-TOTAL", in: plan)
        #expect(findings.map(\.location) == ["piano"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("(12.424)") == true)
        #expect(findings.first?.message.contains("(12.423)") == true)
    }
}
