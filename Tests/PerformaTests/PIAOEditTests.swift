import Testing
@testable import Performa

/// The PIAO's forms in the domain: each office's edit changes only its part, keeps what the form does not show, and
/// refuses what would leave the PIAO inconsistent (a removed event a measure still treats, a unit the plan names,
/// an objective that is not in the plan), naming the field at fault.
@Suite("PIAO edits")
struct PIAOEditTests {
    let plan = PIAOTests.plan()

    @Test("the RPCT adds a process and an event with its assessment, and the register keeps the rest")
    func processAndEvent() throws {
        let fields = PIAOEdit.ProcessFields(title: "Gestione delle sponsorizzazioni", area: .contracts, unit: "direzione")
        var edited = try PIAOEdit.setProcess(plan, code: nil, newCode: "P90", fields)
        let assessment = RiskAssessment(probability: 4, impact: 4, rating: .medium, motivation: "Controlli già in essere")
        edited = try PIAOEdit.setEvent(edited, process: "P90", code: nil, newCode: "P90.R1",
                                       PIAOEdit.EventFields(description: "Sponsor scelto senza confronto", factors: ["Discrezionalità"], assessment: assessment))
        let process = try #require(edited.piao?.risks?.processes.last)
        #expect(process.code == "P90" && process.area == .contracts && process.events.map(\.code) == ["P90.R1"])
        #expect(process.events.first?.assessment?.level(by: .numeric) == .medium)
        #expect(edited.piao?.risks?.measures == plan.piao?.risks?.measures)
        #expect(PlanPart.changed(from: plan, to: edited) == [.riskRegister])
        // Editing keeps the code; a code taken by another event of any process is refused.
        #expect(throws: EditError(field: "codice", message: "Il codice di un processo non cambia: i suoi eventi rischiosi vi sono collegati.")) {
            _ = try PIAOEdit.setProcess(edited, code: "P90", newCode: "P91", fields)
        }
        #expect(throws: EditError(field: "codice", message: "Esiste già l'evento «P01.R1».")) {
            _ = try PIAOEdit.setEvent(edited, process: "P90", code: nil, newCode: "P01.R1", PIAOEdit.EventFields(description: "Doppio"))
        }
        #expect(throws: EditError(field: "probabilita", message: "Probabilità: un numero intero da 1 a 5.")) {
            _ = try PIAOEdit.setEvent(edited, process: "P90", code: "P90.R1", newCode: "P90.R1",
                                      PIAOEdit.EventFields(description: "x", assessment: RiskAssessment(probability: 6, impact: 1)))
        }
        #expect(throws: EditError(field: "motivazione", message: "Il giudizio dato dal RPCT va motivato (PNA 2019, Allegato 1).")) {
            _ = try PIAOEdit.setEvent(edited, process: "P90", code: "P90.R1", newCode: "P90.R1",
                                      PIAOEdit.EventFields(description: "x", assessment: RiskAssessment(rating: .high)))
        }
        #expect(throws: EditError(field: "codice", message: "«Nuovo» non può essere un codice: scegliere ad esempio P05.")) {
            _ = try PIAOEdit.setProcess(plan, code: nil, newCode: "Nuovo", fields)
        }
        #expect(throws: EditError(field: "codice", message: "Il codice non contiene spazi né «/».")) {
            _ = try PIAOEdit.setProcess(plan, code: nil, newCode: "</script>", fields)
        }
        #expect(throws: EditError(field: "unita", message: "L'unità organizzativa «altrove» non esiste.")) {
            _ = try PIAOEdit.setProcess(plan, code: nil, newCode: "P91", PIAOEdit.ProcessFields(title: "x", area: .other, unit: "altrove"))
        }
    }

    @Test("an event or a process goes only when no measure treats it")
    func deletion() throws {
        // Measure 1 treats P01.R1 (SyntheticPIAO): neither the event nor its process can go.
        let refused = #expect(throws: EditError.self) { _ = try PIAOEdit.deleteEvent(plan, process: "P01", code: "P01.R1") }
        #expect(refused?.message == "La misura MPC.1 tratta l'evento P01.R1: toglierlo prima dagli eventi della misura.")
        #expect(throws: EditError.self) { _ = try PIAOEdit.deleteProcess(plan, code: "P01") }
        let untreated = try PIAOEdit.setEvent(plan, process: "P01", code: nil, newCode: "P01.R2", PIAOEdit.EventFields(description: "Altro evento"))
        let without = try PIAOEdit.deleteEvent(untreated, process: "P01", code: "P01.R2")
        #expect(without.piao?.risks == plan.piao?.risks)
        let process = try PIAOEdit.setProcess(plan, code: nil, newCode: "P90", PIAOEdit.ProcessFields(title: "Nuovo", area: .other))
        #expect(try PIAOEdit.deleteProcess(process, code: "P90").piao?.risks == plan.piao?.risks)
    }

    @Test("the first process starts the register of a plan without a PIAO")
    func startsRegister() throws {
        var bare = plan
        bare.piao = nil
        let edited = try PIAOEdit.setProcess(bare, code: nil, newCode: "P01", PIAOEdit.ProcessFields(title: "Contributi", area: .grants))
        #expect(edited.piao?.risks?.processes.map(\.code) == ["P01"])
        #expect(edited.piao?.registry == nil)
    }

    @Test("the obligations table and the method are replaced together; unknown offices are refused")
    func transparency() throws {
        var row = TransparencyObligation(section: "Personale", content: "Dotazione organica", update: .yearly)
        row.office = "direzione"
        let edited = try PIAOEdit.setTransparency(plan, method: .numeric, rows: [row])
        #expect(edited.piao?.risks?.transparency == [row])
        #expect(edited.piao?.risks?.ratingMethod == .numeric)
        row.office = "altrove"
        #expect(throws: EditError(field: "ufficio-0", message: "L'unità organizzativa «altrove» non esiste.")) {
            _ = try PIAOEdit.setTransparency(plan, method: .qualitative, rows: [row])
        }
        row.office = nil
        #expect(throws: EditError(field: "contenuto-1", message: "Riga 2: indicare il contenuto da pubblicare.")) {
            _ = try PIAOEdit.setTransparency(plan, method: .qualitative, rows: [row, TransparencyObligation(section: "Bandi", content: "", update: .timely)])
        }
    }

    @Test("section 3 is the HR office's: units, lavoro agile and training change only that part")
    func sectionThree() throws {
        var units = try #require(plan.organization.units)
        units.append(OrgUnit(id: "ufficio-nuovo", name: "Ufficio nuovo", kind: .office, parent: "direzione"))
        let withUnit = try PIAOEdit.setUnits(plan, rows: units)
        #expect(withUnit.organization.units?.last?.id == "ufficio-nuovo")
        #expect(PlanPart.changed(from: plan, to: withUnit) == [.organizationAndStaff])
        let training = try PIAOEdit.setTraining(plan, rows: [TrainingAction(title: "Anticorruzione", year: 2021, audience: "tutto il personale", hours: 4, participants: 120)])
        #expect(PlanPart.changed(from: plan, to: training) == [.organizationAndStaff])
        let agile = try PIAOEdit.setAgileWork(plan, PIAOEdit.AgileWorkFields(
            monthlyYear: 2020, monthly: [AgileMonth(month: 3, employees: 100, agileWorkers: 80, averageAgileDaysPerWeek: 2.5, agileDaysInMonth: 800)],
            maxDaysPerWeek: 2, windowStart: "08:00", windowEnd: "18:30"))
        #expect(agile.agileWork?.monthly.count == 1 && agile.agileWork?.rules?.windowEnd == "18:30")
        #expect(agile.agileWork?.title == plan.agileWork?.title)
        #expect(PlanPart.changed(from: plan, to: agile) == [.organizationAndStaff])
        // The store grafts exactly these parts for the HR office: the rest of the plan cannot come in with them.
        var sneaky = agile
        sneaky.areas[0].title = "Cambiato dall'ufficio personale"
        let grafted = PlanPart.graft([.organizationAndStaff], from: sneaky, onto: plan)
        #expect(grafted.agileWork == agile.agileWork && grafted.areas == plan.areas)
    }

    @Test("units: codes unique, parents in the list without cycles, heads are managers, a named unit cannot go")
    func unitChecks() throws {
        let units = try #require(plan.organization.units)
        var duplicated = units
        duplicated.append(units[0])
        #expect(throws: EditError.self) { _ = try PIAOEdit.setUnits(plan, rows: duplicated) }
        var cycle = units
        cycle[0].parent = units[1].id
        #expect(throws: EditError(field: "superiore-0", message: "Riga 1: le unità superiori formano un ciclo.")) {
            _ = try PIAOEdit.setUnits(plan, rows: cycle)
        }
        var headless = units
        headless[0].head = "sconosciuto"
        #expect(throws: EditError(field: "responsabile-0", message: "Riga 1: «sconosciuto» non è un dirigente dell'ente.")) {
            _ = try PIAOEdit.setUnits(plan, rows: headless)
        }
        // Every process names a unit of the synthetic plan: removing all units is refused, naming who uses one.
        #expect(throws: EditError.self) { _ = try PIAOEdit.setUnits(plan, rows: []) }
    }

    @Test("lavoro agile: agile workers within the employees, days within the week, times as HH:MM")
    func agileChecks() {
        let month = AgileMonth(month: 1, employees: 10, agileWorkers: 11, averageAgileDaysPerWeek: 1, agileDaysInMonth: 10)
        #expect(throws: EditError(field: "agili-1", message: "gen: i lavoratori agili sono tra 0 e il numero dei dipendenti.")) {
            _ = try PIAOEdit.setAgileWork(plan, PIAOEdit.AgileWorkFields(monthlyYear: 2020, monthly: [month]))
        }
        #expect(throws: EditError(field: "fascia-inizio", message: "Scrivere l'ora come HH:MM, ad esempio 07:30.")) {
            _ = try PIAOEdit.setAgileWork(plan, PIAOEdit.AgileWorkFields(monthlyYear: 2020, monthly: [], windowStart: "25:00"))
        }
        #expect(throws: EditError(field: "anno-0", message: "Riga 1: l'anno 2030 è fuori dal periodo 2021-2023.")) {
            _ = try PIAOEdit.setTraining(plan, rows: [TrainingAction(title: "x", year: 2030)])
        }
    }

    @Test("the struttura tecnica's registry, public value and dimensions; keys must be objectives of the plan")
    func overview() throws {
        var registry = AdministrationRegistry()
        registry.fiscalCode = "80013870177"
        registry.pec = "protocollo@pec.ente.it"
        let adoption = ApprovalAct(kind: .adoption, body: "Giunta", number: "12", date: Day(2021, 1, 28))
        let edited = try PIAOEdit.setRegistry(plan, PIAOEdit.RegistryFields(registry: registry, span: plan.span, adoption: adoption))
        #expect(edited.piao?.registry == registry && edited.piao?.acts?.first == adoption && edited.piao?.span == nil)
        #expect(PlanPart.changed(from: plan, to: edited) == [.rest])
        registry.fiscalCode = "123"
        #expect(throws: EditError(field: "codice-fiscale", message: "Il codice fiscale dell'ente ha 11 cifre (o 16 caratteri).")) {
            _ = try PIAOEdit.setRegistry(plan, PIAOEdit.RegistryFields(registry: registry, span: plan.span))
        }
        #expect(throws: EditError.self) { _ = try PIAOEdit.setRegistry(plan, PIAOEdit.RegistryFields(registry: AdministrationRegistry(), span: YearSpan(from: 2021, to: 2025))) }

        let value = PIAOEdit.PublicValueFields(title: "Imprese più forti", stakeholders: ["imprese"], objectives: ["1.1", "1.1.2"],
                                                impactIndicators: [ImpactIndicator(title: "Tasso di natalità delle imprese", framework: "BES 11")])
        let withValue = try PIAOEdit.setPublicValue(plan, code: nil, newCode: "VP9", value)
        #expect(withValue.piao?.publicValue?.last?.objectives == ["1.1", "1.1.2"])
        #expect(try PIAOEdit.deletePublicValue(withValue, code: "VP9").piao?.publicValue == plan.piao?.publicValue)
        var unknown = value
        unknown.objectives = ["MPC.2"]
        #expect(throws: EditError.self) { _ = try PIAOEdit.setPublicValue(plan, code: nil, newCode: "VP9", unknown) }

        let flagged = try PIAOEdit.setDimensions(plan, [.digitalisation: ["1.1.1"], .simplification: ["1.1.1", "1.1.2"]])
        #expect(flagged.piao?.dimensions == [ObjectiveDimensions(objective: "1.1.1", dimensions: [.simplification, .digitalisation]),
                                             ObjectiveDimensions(objective: "1.1.2", dimensions: [.simplification])])
        #expect(throws: EditError.self) { _ = try PIAOEdit.setDimensions(plan, [.accessibility: ["9.9"]]) }
    }
}
