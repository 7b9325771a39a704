import Foundation
import Hummingbird
import Performa
import PerformaStore

/// The HR office's forms of section 3 besides the staffing plan: the organizational units (3.1), the lavoro agile
/// plan's figures and rules (3.2), the training plan (3.3).
extension PIAOPages {
    private var sectionThreeSubmission: PlanEditSubmission {
        PlanEditSubmission(app: app, capability: .editOrganizationAndStaff, returnTo: Paths.piao)
    }

    // MARK: Units (3.1)

    /// One block per unit and three empty ones to add more; a unit is removed by emptying its block.
    func unitsForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editOrganizationAndStaff)
        let plan = snapshot.plan
        let units = plan.organization.units ?? []
        var fields: [EditForm.Field] = []
        for n in 0..<(units.count + 3) {
            let unit = n < units.count ? units[n] : nil
            fields += [
                .text("id-\(n)", "Codice", unit?.id ?? "", group: unit.map { "Unità: \($0.name)" } ?? "Nuova unità"),
                .text("nome-\(n)", "Nome", unit?.name ?? ""),
                .select("tipo-\(n)", "Tipo", OrgUnit.Kind.allCases.map { EditForm.Option(value: $0.rawValue, label: $0.italian, selected: $0 == (unit?.kind ?? .office)) }),
                .select("superiore-\(n)", "Unità superiore", unitOptions(plan, selected: unit?.parent, none: "— nessuna (vertice) —")),
                .select("responsabile-\(n)", "Responsabile", managerOptions(plan, selected: unit?.head)),
            ]
        }
        return EditFormView(heading: "Struttura organizzativa", snapshot: snapshot, user: user, context: context, form: EditForm(fields: fields),
                            action: Paths.piaoUnits(snapshot.id),
                            intro: "Le unità formano l'organigramma della sottosezione 3.1. Per togliere un'unità se ne svuotano codice e nome; non si può togliere un'unità a cui il piano fa ancora riferimento.",
                            cancelHref: Paths.piao(snapshot.id), section: .piao)
    }

    @Sendable func saveUnits(_ request: Request, context: WebRequestContext) async throws -> Response {
        try await sectionThreeSubmission.submit(request, context) { snapshot, input, _ throws(EditError) in
            let rows = input.rows("id").compactMap { n -> OrgUnit? in
                let id = input.text("id-\(n)"), name = input.text("nome-\(n)")
                if id.isEmpty, name.isEmpty { return nil }
                return OrgUnit(id: id, name: name, kind: OrgUnit.Kind(rawValue: input.text("tipo-\(n)")) ?? .office,
                               parent: input.optional("superiore-\(n)"), head: input.optional("responsabile-\(n)"))
            }
            return try PIAOEdit.setUnits(snapshot.plan, rows: rows)
        } form: { try await self.unitsForm(request, context) }
    }

    // MARK: Lavoro agile (3.2)

    func agileWorkForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editOrganizationAndStaff)
        let plan = snapshot.plan
        let agile = plan.agileWork
        let rules = agile?.rules
        var fields: [EditForm.Field] = [
            .text("giorni-max", "Giornate di lavoro agile a settimana (massimo)", rules?.maxDaysPerWeek.map(String.init) ?? "", group: "Regole"),
            .text("ore-max", "Ore settimanali (massimo)", rules?.maxHoursPerWeek.map(String.init) ?? ""),
            .text("fascia-inizio", "Fascia di contattabilità: dalle (HH:MM)", rules?.windowStart ?? ""),
            .text("fascia-fine", "Fascia di contattabilità: alle (HH:MM)", rules?.windowEnd ?? ""),
            .text("anno", "Anno di riferimento dei dati mensili", String(agile?.monthlyYear ?? plan.year - 1), group: "Dimensione del lavoro agile"),
        ]
        for month in 1...12 {
            let row = agile?.monthly.first { $0.month == month }
            let name = AgileMonth.italianMonthAbbreviations[month - 1]
            fields += [
                .text("dipendenti-\(month)", "Dipendenti (\(name))", row.map { String($0.employees) } ?? "", group: "Mese: \(name)"),
                .text("agili-\(month)", "Lavoratori agili (\(name))", row.map { String($0.agileWorkers) } ?? ""),
                .text("media-\(month)", "Giornate agili medie a settimana (\(name))", row.map { ItalianNumber.format($0.averageAgileDaysPerWeek) } ?? ""),
                .text("giornate-\(month)", "Giornate agili nel mese (\(name))", row.map { String($0.agileDaysInMonth) } ?? ""),
            ]
        }
        return EditFormView(heading: "Organizzazione del lavoro agile", snapshot: snapshot, user: user, context: context, form: EditForm(fields: fields),
                            action: Paths.piaoAgileWork(snapshot.id),
                            intro: "Le regole e i dati mensili del POLA (sottosezione 3.2); i mesi senza dipendenti non si salvano. Testi, tabelle e programma di sviluppo restano quelli del file del piano.",
                            cancelHref: Paths.agileWork(snapshot.id), section: .agileWork)
    }

    @Sendable func saveAgileWork(_ request: Request, context: WebRequestContext) async throws -> Response {
        let submission = PlanEditSubmission(app: app, capability: .editOrganizationAndStaff, returnTo: Paths.agileWork)
        return try await submission.submit(request, context) { snapshot, input, problems throws(EditError) in
            let whole = "scrivere un numero intero."
            var monthly: [AgileMonth] = []
            for month in 1...12 {
                let name = AgileMonth.italianMonthAbbreviations[month - 1]
                guard let employees = EditForm.integer(input, "dipendenti-\(month)", "Dipendenti (\(name)): \(whole)", problems: &problems) else { continue }
                monthly.append(AgileMonth(
                    month: month, employees: employees,
                    agileWorkers: EditForm.integer(input, "agili-\(month)", "Lavoratori agili (\(name)): \(whole)", problems: &problems) ?? 0,
                    averageAgileDaysPerWeek: EditForm.decimal(input, "media-\(month)", "Giornate medie (\(name)): scrivere un numero, ad esempio 1,5.", problems: &problems) ?? 0,
                    agileDaysInMonth: EditForm.integer(input, "giornate-\(month)", "Giornate nel mese (\(name)): \(whole)", problems: &problems) ?? 0))
            }
            let fields = PIAOEdit.AgileWorkFields(
                monthlyYear: EditForm.integer(input, "anno", "Anno di riferimento: \(whole)", problems: &problems) ?? snapshot.plan.year - 1, monthly: monthly,
                maxDaysPerWeek: EditForm.integer(input, "giorni-max", "Giornate a settimana: \(whole)", problems: &problems),
                maxHoursPerWeek: EditForm.integer(input, "ore-max", "Ore settimanali: \(whole)", problems: &problems),
                windowStart: input.optional("fascia-inizio"), windowEnd: input.optional("fascia-fine"))
            return try PIAOEdit.setAgileWork(snapshot.plan, fields)
        } form: { try await self.agileWorkForm(request, context) }
    }

    // MARK: Training (3.3)

    func trainingForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editOrganizationAndStaff)
        let actions = snapshot.plan.piao?.training ?? []
        var fields: [EditForm.Field] = []
        for n in 0..<(actions.count + 3) {
            let action = n < actions.count ? actions[n] : nil
            fields += [
                .text("anno-\(n)", "Anno", action.map { String($0.year) } ?? "", group: "Azione \(n + 1)"),
                .text("titolo-\(n)", "Azione formativa", action?.title ?? ""),
                .text("destinatari-\(n)", "Destinatari", action?.audience ?? "", hint: n == 0 ? "Ad esempio: tutto il personale, categoria D." : nil),
                .text("ore-\(n)", "Ore", action?.hours.map { ItalianNumber.format($0) } ?? ""),
                .text("partecipanti-\(n)", "Partecipanti previsti", action?.participants.map(String.init) ?? ""),
            ]
        }
        return EditFormView(heading: "Piano della formazione", snapshot: snapshot, user: user, context: context, form: EditForm(fields: fields),
                            action: Paths.piaoTraining(snapshot.id), intro: "Un'azione per riquadro; i riquadri vuoti non si salvano.",
                            cancelHref: Paths.piaoStaffing(snapshot.id), section: .piao)
    }

    @Sendable func saveTraining(_ request: Request, context: WebRequestContext) async throws -> Response {
        let submission = PlanEditSubmission(app: app, capability: .editOrganizationAndStaff, returnTo: Paths.piaoStaffing)
        return try await submission.submit(request, context) { snapshot, input, problems throws(EditError) in
            var rows: [TrainingAction] = []
            for n in input.rows("anno") {
                let names = ["anno", "titolo", "destinatari", "ore", "partecipanti"]
                if names.allSatisfy({ input.text("\($0)-\(n)").isEmpty }) { continue }
                let year = EditForm.integer(input, "anno-\(n)", "Riga \(n + 1): scrivere l'anno, ad esempio \(snapshot.plan.year).", problems: &problems)
                var action = TrainingAction(title: input.text("titolo-\(n)"), year: year ?? snapshot.plan.year, audience: input.optional("destinatari-\(n)"))
                action.hours = EditForm.decimal(input, "ore-\(n)", "Riga \(n + 1): le ore sono un numero, ad esempio 12 oppure 7,5.", problems: &problems)
                action.participants = EditForm.integer(input, "partecipanti-\(n)", "Riga \(n + 1): i partecipanti sono un numero intero.", problems: &problems)
                rows.append(action)
            }
            return try PIAOEdit.setTraining(snapshot.plan, rows: rows)
        } form: { try await self.trainingForm(request, context) }
    }
}
