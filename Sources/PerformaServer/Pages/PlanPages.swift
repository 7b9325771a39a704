import Foundation
import Hummingbird
import Performa
import PerformaStore

/// Piano: the plan's identity, acts, versions and structure for everyone; for the struttura tecnica, the forms that
/// create and edit areas, objectives, indicators with their targets and weights, and the assignment to managers.
/// A draft changes in place; an adopted plan changes only through a revision (a new version, with reason and act).
struct PlanPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/piano", use: overview)
        router.post("/piani/:plan/atti", use: recordAct)
        router.post("/piani/:plan/scorrimento", use: rollOver)
        router.get("/piani/:plan/confronto", use: compare)
        router.get("/piani/:plan/modifica/aree/nuova") { try await self.render(self.areaView($0, $1, code: nil)) }
        router.post("/piani/:plan/modifica/aree/nuova") { try await self.saveArea($0, $1, code: nil) }
        router.get("/piani/:plan/modifica/aree/:code") { try await self.render(self.areaView($0, $1, code: try $1.parameters.require("code"))) }
        router.post("/piani/:plan/modifica/aree/:code") { try await self.saveArea($0, $1, code: try $1.parameters.require("code")) }
        router.get("/piani/:plan/modifica/obiettivi/nuovo") { try await self.render(self.objectiveView($0, $1, key: nil)) }
        router.post("/piani/:plan/modifica/obiettivi/nuovo") { try await self.saveObjective($0, $1, key: nil) }
        router.get("/piani/:plan/modifica/obiettivi/:key") { try await self.render(self.objectiveView($0, $1, key: try $1.parameters.require("key"))) }
        router.post("/piani/:plan/modifica/obiettivi/:key") { try await self.saveObjective($0, $1, key: try $1.parameters.require("key")) }
        router.get("/piani/:plan/modifica/obiettivi/:key/indicatori/nuovo") { try await self.render(self.indicatorView($0, $1, number: nil)) }
        router.post("/piani/:plan/modifica/obiettivi/:key/indicatori/nuovo") { try await self.saveIndicator($0, $1, number: nil) }
        router.get("/piani/:plan/modifica/obiettivi/:key/indicatori/:number") {
            try await self.render(self.indicatorView($0, $1, number: try $1.parameters.require("number", as: Int.self)))
        }
        router.post("/piani/:plan/modifica/obiettivi/:key/indicatori/:number") { try await self.saveIndicator($0, $1, number: try $1.parameters.require("number", as: Int.self)) }
        router.get("/piani/:plan/modifica/assegnazioni/:manager") { try await self.render(self.assignmentView($0, $1)) }
        router.post("/piani/:plan/modifica/assegnazioni/:manager", use: saveAssignment)
    }

    // MARK: Overview

    /// The plan's identity, acts, versions and structure; edit links for the struttura tecnica.
    @Sendable func overview(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let versions = try await app.store.planVersions(user.context, planID: snapshot.id)
        // Versions name who recorded them by user id: shown by name.
        let names = Dictionary(try await app.store.users(user.context).map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let view = PlanOverviewView(snapshot: snapshot, versions: versions, names: names, user: user, context: context,
                                    notices: Outcomes.notices(request.uri.queryParameters.get("esito")))
        return try app.pages.page("piano", view)
    }

    /// Records an act of the plan's life: the OIV's validation and the Giunta's adoption of a draft, then the Relazione adopted
    /// (struttura tecnica) and validated by the OIV, which closes the plan.
    @Sendable func recordAct(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require("plan")
        let input = try await FormInput.read(request, context: context)
        guard let (kind, capability, refusal) = Self.acts[input.text("atto")] else {
            throw HTTPError(.badRequest, message: "Atto non riconosciuto.")
        }
        guard user.role.may(capability) else { throw HTTPError(.forbidden, message: refusal) }
        guard let date = Day(parsing: input.text("data")) else {
            throw HTTPError(.unprocessableContent, message: "Data dell'atto non valida: scrivere GG/MM/AAAA, ad esempio 26/04/2021. Nulla è stato registrato.")
        }
        let byOIV = kind == .oivValidation || kind == .reportValidation
        let act = ApprovalAct(kind: kind, body: input.optional("organo") ?? (byOIV ? "OIV" : "Giunta camerale"),
                              number: input.optional("numero"), date: date, note: input.optional("nota"))
        _ = try await app.store.advancePlan(user.context, planID: planID, act: act, expectedRowVersion: Int(input.text("riga")) ?? -1)
        return .seeOther(Paths.planOverview(planID) + "?esito=\(Outcomes.planAdvanced.rawValue)")
    }

    /// The acts the *Piano* page records, by the form's `atto`: which act, who may record it, and the refusal.
    static let acts: [String: (ApprovalAct.Kind, Capability, String)] = [
        "validazione": (.oivValidation, .validatePlan, "Solo l'OIV registra la validazione del piano."),
        "adozione": (.adoption, .adoptPlan, "Solo la struttura tecnica registra l'adozione del piano."),
        "adozione-relazione": (.reportAdoption, .adoptPlan, "Solo la struttura tecnica registra l'adozione della Relazione."),
        "validazione-relazione": (.reportValidation, .validatePlan, "Solo l'OIV registra la validazione della Relazione."),
    ]

    /// *Scorrimento*: the draft of the next three-year plan from this one (`PlanRollover`), with the baselines
    /// proposed from this year's last measured values; refused when that plan already exists.
    @Sendable func rollOver(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.editPlan)
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        _ = try await FormInput.read(request, context: context)
        let next = PlanRollover.next(from: snapshot.plan, results: snapshot.results)
        if try await app.store.plans(user.context).contains(where: { $0.planID == next.id }) {
            throw HTTPError(.conflict, message: "Il piano «\(next.id)» esiste già: aprirlo dall'elenco dei piani. Nulla è stato creato.")
        }
        _ = try await app.store.importPlan(user.context, next, revision: nil, createOrganization: false)
        return .seeOther(Paths.planOverview(next.id) + "?esito=\(Outcomes.nextPlanCreated.rawValue)")
    }

    /// A past version beside the current one: what changed between them, and the acts and people of each version.
    @Sendable func compare(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require("plan")
        let snapshot = try await app.snapshot(user, planID: planID)
        guard let version = try PlanVersionQuery.parse(request.uri.queryParameters.get("versione"), parameter: "versione") else {
            throw HTTPError(.badRequest, message: "Indicare la versione da confrontare con quella attuale (?versione=1).")
        }
        let old = try await app.store.plan(user.context, id: planID, version: version)
        let comparison = PlanComparison(from: old.plan, to: snapshot.plan)
        let names = Dictionary(try await app.store.users(user.context).map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let versions = try await app.store.planVersions(user.context, planID: planID).filter { $0.version > version }
        let view = PlanComparisonView(
            page: PageChrome(title: "Confronto tra versioni", section: .plan, plan: snapshot.stored, context: context,
                             breadcrumbs: [PageChrome.Link(label: "Piano", href: Paths.planOverview(planID))]),
            from: String(version), to: String(snapshot.stored.info.version),
            steps: versions.map { info in
                PlanComparisonView.Step(version: String(info.version), status: info.status.italian, reason: info.reason ?? "—",
                                        act: info.act.map(PlanOverviewView.actText) ?? "—", who: names[info.createdBy] ?? info.createdBy,
                                        when: Display.moment(info.createdAt))
            },
            changes: comparison.changes.map { PlanComparisonView.Change(kind: $0.kind.italian, subject: $0.subject, key: $0.key, title: $0.title, details: $0.details) },
            same: comparison.isEmpty)
        return try app.pages.page("confronto", view)
    }

    // MARK: Areas

    /// The form of an area (new when `code` is nil).
    func areaView(_ request: Request, _ context: WebRequestContext, code: String?) async throws -> EditFormView {
        let (user, snapshot) = try await load(context)
        let area = try code.map { code in
            guard let area = snapshot.plan.areas.first(where: { $0.code == code }) else { throw HTTPError(.notFound, message: "L'area «\(code)» non esiste.") }
            return area
        }
        let form = EditForm(fields: [
            .text("codice", "Codice", area?.code ?? String(snapshot.plan.areas.count + 1), hint: "Numero dell'area (1, 2, 3 …)."),
            .text("titolo", "Titolo", area?.title ?? ""),
            .text("peso", "Peso nel risultato dell'ente (%)", EditForm.number(area?.weight), hint: "Vuoto: aree di pari peso."),
        ])
        return EditFormView(heading: code.map { "Area strategica \($0)" } ?? "Nuova area strategica", snapshot: snapshot, user: user, context: context,
                                       form: form, action: Paths.editor(snapshot.id) + "/aree/\(code.map(Paths.encode) ?? "nuova")")
    }

    /// Saves an area.
    func saveArea(_ request: Request, _ context: WebRequestContext, code: String?) async throws -> Response {
        try await submit(request, context) { snapshot, input, problems throws(EditError) in
            try PlanEdit.setArea(snapshot.plan, code: code, newCode: input.text("codice"), title: input.text("titolo"),
                                 weight: EditForm.percent(input, "peso", label: "Peso", problems: &problems))
        } form: { try await self.areaView(request, context, code: code) }
    }

    // MARK: Objectives

    /// The form of an objective's sheet (new, under `?padre=`, when `key` is nil).
    func objectiveView(_ request: Request, _ context: WebRequestContext, key: String?) async throws -> EditFormView {
        let (user, snapshot) = try await load(context)
        let index = PlanIndex(snapshot.plan)
        let parent = request.uri.queryParameters.get("padre") ?? ""
        var sheet: (any ObjectiveSheet)?
        var level: ObjectiveScore.Level
        if let key {
            guard let entry = index.entry(key) else { throw HTTPError(.notFound, message: "L'obiettivo «\(key)» non esiste.") }
            sheet = entry.sheet
            level = entry.level
        } else if snapshot.plan.areas.contains(where: { $0.code == parent }) {
            level = .strategic
        } else if index.entry(parent)?.level == .strategic {
            level = .operational
        } else if snapshot.plan.specialAgencyObjectives?.contains(where: { $0.agency == parent }) == true {
            level = .agency
        } else {
            throw HTTPError(.badRequest, message: "Indicare dove aggiungere l'obiettivo: un'area, un obiettivo strategico o un'azienda speciale.")
        }
        let strategic = sheet as? StrategicObjective
        var fields: [EditForm.Field] = []
        if key == nil {
            fields.append(.text("codice", "Codice", "", hint: level == .agency ? "Numero dell'obiettivo nell'azienda speciale." : "Il codice del livello superiore seguito da un numero: \(parent).1, \(parent).2 …"))
        }
        fields += [
            .text("titolo", "Titolo", sheet?.title ?? ""),
            .text("peso", level == .strategic ? "Peso nell'area strategica (%)" : (level == .operational ? "Peso nell'obiettivo strategico (%)" : "Peso tra gli obiettivi dell'azienda (%)"),
                  EditForm.number(sheet?.weight)),
        ]
        if level == .strategic {
            fields.append(.text("quota", "Quota degli indicatori propri (%)", EditForm.number(strategic?.split?.ownIndicators),
                                hint: "Il resto è la quota degli obiettivi operativi (il piano di Brescia usa 50 e 50)."))
        }
        fields += [
            .textarea("descrizione", "Descrizione obiettivo e azioni da intraprendere", sheet?.description ?? ""),
            .textarea("uffici", "Aree e uffici coinvolti", sheet?.unitsInvolved ?? ""),
            .textarea("impegno", "Impegno richiesto", sheet?.staffCommitted ?? ""),
            .text("rilevanza", "Rilevanza per la valorizzazione (pesatura OIV)", EditForm.number(sheet?.relevance), hint: "Facoltativa: serve al calcolo del valore economico dell'obiettivo."),
        ]
        let heading = key.map { "Obiettivo \($0)" } ?? (level == .strategic ? "Nuovo obiettivo strategico nell'area \(parent)" : (level == .operational ? "Nuovo obiettivo operativo di \(parent)" : "Nuovo obiettivo dell'azienda speciale"))
        let action = key.map { Paths.editor(snapshot.id) + "/obiettivi/\(Paths.encode($0))" } ?? (Paths.editor(snapshot.id) + "/obiettivi/nuovo?padre=\(Paths.encode(parent))")
        return EditFormView(heading: heading, snapshot: snapshot, user: user, context: context, form: EditForm(fields: fields), action: action)
    }

    /// Saves an objective's sheet.
    func saveObjective(_ request: Request, _ context: WebRequestContext, key: String?) async throws -> Response {
        let parent = request.uri.queryParameters.get("padre") ?? ""
        return try await submit(request, context) { snapshot, input, problems throws(EditError) in
            let fields = PlanEdit.ObjectiveFields(
                code: input.text("codice"), title: input.text("titolo"), weight: EditForm.percent(input, "peso", label: "Peso", problems: &problems),
                description: input.optional("descrizione"), unitsInvolved: input.optional("uffici"), staffCommitted: input.optional("impegno"),
                relevance: EditForm.percent(input, "rilevanza", label: "Rilevanza", problems: &problems),
                ownShare: EditForm.percent(input, "quota", label: "Quota", problems: &problems))
            if let share = fields.ownShare, share > 100 { problems.add(EditError(field: "quota", message: "La quota degli indicatori propri è al massimo 100%.")) }
            if let key { return try PlanEdit.setObjective(snapshot.plan, key: key, fields) }
            return try PlanEdit.addObjective(snapshot.plan, parent: parent, fields)
        } form: { try await self.objectiveView(request, context, key: key) }
    }

    // MARK: Indicators

    /// The checkpoints an indicator of this objective has targets for: 30/6 and 31/12 of the operational year, or
    /// 31/12 of every year of the span for a strategic objective, plus any other the indicator already uses.
    private func checkpoints(_ plan: Plan, level: ObjectiveScore.Level, indicator: Indicator?) -> [Day] {
        let base: [Day] = level == .strategic ? plan.span.years.map { Day.yearEnd($0) } : [.midYear(plan.year), .yearEnd(plan.year)]
        return Array(Set(base).union(indicator?.targets.map(\.at) ?? [])).sorted()
    }

    /// The form of an indicator with its targets and weights (the next new one when `number` is nil).
    func indicatorView(_ request: Request, _ context: WebRequestContext, number: Int?) async throws -> EditFormView {
        let (user, snapshot) = try await load(context)
        let key = try context.parameters.require("key")
        guard let entry = PlanIndex(snapshot.plan).entry(key) else { throw HTTPError(.notFound, message: "L'obiettivo «\(key)» non esiste.") }
        let indicator = try number.map { number in
            guard let indicator = entry.sheet.indicators.first(where: { $0.number == number }) else {
                throw HTTPError(.notFound, message: "L'indicatore \(key)/\(number) non esiste.")
            }
            return indicator
        }
        var fields: [EditForm.Field] = [
            .textarea("titolo", "Indicatore: descrizione e cosa misura", indicator?.title ?? ""),
            .text("storico", "Target storico di riferimento", indicator?.baseline?.text ?? "", hint: "Vuoto se non c'è un valore storico."),
        ]
        for day in checkpoints(snapshot.plan, level: entry.level, indicator: indicator) {
            let target = indicator?.target(at: day)
            let reading = target.map { "Letto come: \($0.target.kind.shapeName)." } ?? ""
            fields.append(.text("target-\(day)", "Risultato atteso al \(Display.checkpoint(day))", target?.target.text ?? "",
                                hint: "Es. SI, 90%, Almeno 100, -5,00%, entro il 31/12/\(day.year); «-» se non c'è target; vuoto per nessuna voce. \(reading)",
                                group: "Scadenza \(Display.checkpoint(day))"))
            if entry.level == .strategic {
                fields.append(.text("peso-\(day)", "Peso al \(Display.checkpoint(day)) (%)", EditForm.number(target?.weight)))
            }
        }
        if entry.level != .strategic {
            fields.append(.text("peso", "Peso nell'obiettivo (%)", EditForm.number(indicator?.weight)))
        }
        fields.append(.textarea("documentazione", "Documentazione e report per l'OIV", indicator?.evidence ?? ""))
        let action = Paths.editor(snapshot.id) + "/obiettivi/\(Paths.encode(key))/indicatori/\(number.map(String.init) ?? "nuovo")"
        return EditFormView(heading: number.map { "Indicatore \(key)/\($0)" } ?? "Nuovo indicatore dell'obiettivo \(key)", snapshot: snapshot,
                                       user: user, context: context, form: EditForm(fields: fields), action: action)
    }

    /// Saves an indicator.
    func saveIndicator(_ request: Request, _ context: WebRequestContext, number: Int?) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await submit(request, context) { snapshot, input, problems throws(EditError) in
            guard let entry = PlanIndex(snapshot.plan).entry(key) else { throw EditError(field: nil, message: "L'obiettivo «\(key)» non esiste.") }
            let existing = number.flatMap { n in entry.sheet.indicators.first { $0.number == n } }
            var targets: [(at: Day, text: String, weight: Double?)] = []
            for day in checkpoints(snapshot.plan, level: entry.level, indicator: existing) {
                let text = input.text("target-\(day)")
                let weight = entry.level == .strategic ? EditForm.percent(input, "peso-\(day)", label: "Peso al \(Display.checkpoint(day))", problems: &problems) : nil
                if text.isEmpty {
                    if weight != nil { problems.add(EditError(field: "target-\(day)", message: "C'è un peso al \(Display.checkpoint(day)) ma nessun target: indicare il target (o «-»).")) }
                    continue
                }
                targets.append((day, text, weight))
            }
            return try PlanEdit.setIndicator(snapshot.plan, objective: key, number: number, PlanEdit.IndicatorFields(
                title: input.text("titolo"), baseline: input.optional("storico"), targets: targets,
                weight: entry.level == .strategic ? nil : EditForm.percent(input, "peso", label: "Peso", problems: &problems), evidence: input.optional("documentazione")))
        } form: { try await self.indicatorView(request, context, number: number) }
    }

    // MARK: Assignments

    /// Rows of the manager's assignment (objective and weight), plus empty rows to add objectives.
    func assignmentView(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await load(context)
        let manager = try context.parameters.require("manager")
        guard let person = snapshot.plan.organization.managers.first(where: { $0.id == manager }) else {
            throw HTTPError(.notFound, message: "Il dirigente «\(manager)» non esiste nel piano.")
        }
        let items = snapshot.plan.assignments?.first { $0.manager == manager }?.objectives ?? []
        let keys = PlanIndex(snapshot.plan, measures: false).entries.map { ($0.key, $0.sheet.title) }
        var fields: [EditForm.Field] = []
        for row in 0..<(items.count + 3) {
            let item = row < items.count ? items[row] : nil
            let options = [EditForm.Option(value: "", label: "— nessuno —", selected: item == nil)]
                + keys.map { EditForm.Option(value: $0.0, label: "\($0.0) \($0.1)", selected: $0.0 == item?.objective) }
            fields.append(.select("obiettivo-\(row)", "Obiettivo", options, group: "Riga \(row + 1)"))
            fields.append(.text("peso-\(row)", "Peso (%)", EditForm.number(item?.weight)))
        }
        return EditFormView(heading: "Obiettivi assegnati a \(person.name)", snapshot: snapshot, user: user, context: context,
                                       form: EditForm(fields: fields), action: Paths.editor(snapshot.id) + "/assegnazioni/\(Paths.encode(manager))",
                                       intro: "I pesi degli obiettivi assegnati a un dirigente devono sommare a 100%: la diagnostica segnala le differenze.")
    }

    /// Saves a manager's assignment.
    @Sendable func saveAssignment(_ request: Request, context: WebRequestContext) async throws -> Response {
        let manager = try context.parameters.require("manager")
        return try await submit(request, context) { snapshot, input, problems throws(EditError) in
            var items: [(objective: String, weight: Double)] = []
            var row = 0
            while input.fields["obiettivo-\(row)"] != nil {
                let objective = input.text("obiettivo-\(row)")
                let weight = EditForm.percent(input, "peso-\(row)", label: "Peso della riga \(row + 1)", problems: &problems)
                if !objective.isEmpty {
                    if let weight {
                        items.append((objective, weight))
                    } else if !input.text("peso-\(row)").isEmpty {
                        // Unreadable: listed already; the row is left out of the check of the rest.
                    } else {
                        problems.add(EditError(field: "peso-\(row)", message: "Indicare il peso dell'obiettivo \(objective)."))
                    }
                }
                row += 1
            }
            return try PlanEdit.setAssignment(snapshot.plan, manager: manager, items)
        } form: { try await self.assignmentView(request, context) }
    }

    // MARK: Saving

    private func load(_ context: WebRequestContext) async throws -> (SignedInUser, PlanSnapshot) {
        try await PlanEditSubmission.load(app, context, .editPlan)
    }

    func render(_ view: EditFormView, status: HTTPResponse.Status = .ok) throws -> Response {
        try app.pages.page("modifica", view, status: status)
    }

    private func submit(_ request: Request, _ context: WebRequestContext,
                        edit: (PlanSnapshot, FormInput, inout [EditError]) throws(EditError) -> Plan,
                        form: () async throws -> EditFormView) async throws -> Response {
        try await PlanEditSubmission(app: app, capability: .editPlan, returnTo: Paths.planOverview).submit(request, context, edit: edit, form: form)
    }
}
