import Foundation
import Hummingbird
import Performa
import PerformaStore

/// PIAO: the sections of the Piano Integrato di Attività e Organizzazione the plan is part of, for everyone; the 2.3
/// register with the forms of its prevention measures for the RPCT (and the struttura tecnica), the 3.3 staffing plan
/// with its form for the HR office (and the struttura tecnica). Saved like every plan edit (`PlanEditSubmission`):
/// in place for a draft, as a revision with reason and act for an adopted plan; the store lets each role change only
/// its part.
struct PIAOPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/piao", use: overview)
        router.get("/piani/:plan/piao/rischi", use: register)
        router.get("/piani/:plan/piao/rischi/misure/:code") { try await self.render(self.measureForm($0, $1)) }
        router.post("/piani/:plan/piao/rischi/misure/:code", use: saveMeasure)
        router.get("/piani/:plan/piao/fabbisogni", use: staffing)
        router.get("/piani/:plan/piao/fabbisogni/modifica") { try await self.render(self.staffingForm($0, $1)) }
        router.post("/piani/:plan/piao/fabbisogni/modifica", use: saveStaffing)
    }

    /// The code in the path of the form that adds a measure.
    static let newMeasure = "nuova"

    @Sendable func overview(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (snapshot, selected) = try await load(request, context)
        return try app.pages.page("piao", PIAOView(snapshot: snapshot, context: context, selected: selected))
    }

    @Sendable func register(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (snapshot, selected) = try await load(request, context)
        let user = try context.requireUser()
        let view = RiskRegisterView(snapshot: snapshot, context: context, selected: selected, mayEdit: user.role.may(.editRiskRegister),
                                    notices: Outcomes.notices(request.uri.queryParameters.get("esito")))
        return try app.pages.page("piao-rischi", view)
    }

    @Sendable func staffing(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (snapshot, _) = try await load(request, context)
        let user = try context.requireUser()
        let view = StaffingView(snapshot: snapshot, context: context, mayEdit: user.role.may(.editStaffingPlan),
                                notices: Outcomes.notices(request.uri.queryParameters.get("esito")))
        return try app.pages.page("piao-fabbisogni", view)
    }

    private func load(_ request: Request, _ context: WebRequestContext) async throws -> (PlanSnapshot, Day) {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let query = request.uri.queryParameters
        return (snapshot, snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo")))
    }

    func render(_ view: EditFormView, status: HTTPResponse.Status = .ok) throws -> Response {
        try app.pages.page("modifica", view, status: status)
    }

    // MARK: Prevention measures

    /// The checkpoints a measure's indicator has targets at: 30/6 and 31/12 of the plan's year, and any it has already.
    private func checkpoints(_ plan: Plan, _ indicator: Indicator?) -> [Day] {
        Array(Set([Day.midYear(plan.year), .yearEnd(plan.year)] + (indicator?.targets.map(\.at) ?? []))).sorted()
    }

    /// The form of a measure: what it is, whom it treats, who answers for it, and — unless it is an objective of the
    /// plan — the indicator it is monitored with.
    func measureForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editRiskRegister)
        let plan = snapshot.plan
        guard let register = plan.piao?.risks else {
            throw HTTPError(.notFound, message: "Il piano non contiene la sottosezione 2.3 del PIAO.")
        }
        let code = try context.parameters.require("code")
        let measure: PreventionMeasure?
        if code == Self.newMeasure {
            measure = nil
        } else {
            guard let found = register.measures.first(where: { $0.code == code }) else { throw HTTPError(.notFound, message: "La misura «\(code)» non esiste.") }
            measure = found
        }
        var fields: [EditForm.Field] = []
        if measure == nil {
            let next = (register.measures.compactMap { Int($0.code) }.max() ?? 0) + 1
            fields.append(.text("codice", "Codice della misura", String(next), hint: "La chiave della misura sarà \(PreventionMeasure.keyPrefix).CODICE."))
        }
        fields += [
            .textarea("titolo", "Misura", measure?.title ?? ""),
            .select("tipo", "Tipo", [PreventionMeasure.Kind.general, .specific].map {
                EditForm.Option(value: $0.rawValue, label: $0.italian, selected: $0 == (measure?.kind ?? .specific))
            }),
            .text("tipologia", "Tipologia", measure?.type ?? "", hint: "Controllo, trasparenza, regolamentazione, rotazione, formazione, semplificazione…"),
            .text("rischi", "Eventi rischiosi trattati", (measure?.risks ?? []).joined(separator: ", "),
                  hint: "Codici separati da virgole: \(register.processes.flatMap(\.events).prefix(3).map(\.code).joined(separator: ", "))…"),
            .select("responsabile", "Responsabile", [EditForm.Option(value: "", label: "— nessuno —", selected: measure?.owner == nil)]
                + plan.organization.managers.map { EditForm.Option(value: $0.id, label: $0.name, selected: $0.id == measure?.owner) }),
            .select("unita", "Unità organizzativa", [EditForm.Option(value: "", label: "— nessuna —", selected: measure?.unit == nil)]
                + (plan.organization.units ?? []).map { EditForm.Option(value: $0.id, label: $0.name, selected: $0.id == measure?.unit) }),
            .text("tempi", "Tempi di attuazione", measure?.timing ?? "", hint: "Ad esempio: entro il 30/6, semestrale."),
            .textarea("descrizione", "Descrizione", measure?.description ?? ""),
        ]
        var intro = "Le misure con indicatori propri si monitorano come gli obiettivi, nelle stesse campagne di rilevazione, e l'OIV ne valida i risultati."
        if let objective = measure?.objective {
            intro = "Questa misura è l'obiettivo \(objective) del piano: si monitora con i suoi indicatori, che si modificano dall'obiettivo."
        } else {
            let indicator = measure?.indicators?.first
            let group = "Indicatore di monitoraggio"
            fields.append(.textarea("indicatore", "Indicatore: cosa misura", indicator?.title ?? "", group: group))
            for day in checkpoints(plan, indicator) {
                fields.append(.text("target-\(day)", "Risultato atteso al \(Display.checkpoint(day))", indicator?.target(at: day)?.target.text ?? "",
                                    hint: "Es. SI, 100%, n. 4, entro il 31/12/\(day.year); «-» se non c'è target."))
            }
            fields.append(.textarea("documentazione", "Documentazione per l'OIV", indicator?.evidence ?? ""))
        }
        let title = measure.map { "Misura \($0.key)" } ?? "Nuova misura di prevenzione"
        return EditFormView(heading: title, snapshot: snapshot, user: user, context: context, form: EditForm(fields: fields),
                            action: Paths.piaoMeasure(snapshot.id, code), intro: intro, cancelHref: Paths.piaoRisks(snapshot.id))
    }

    @Sendable func saveMeasure(_ request: Request, context: WebRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let existing = code == Self.newMeasure ? nil : code
        let submission = PlanEditSubmission(app: app, capability: .editRiskRegister, returnTo: Paths.piaoRisks)
        return try await submission.submit(request, context) { snapshot, input, problems throws(EditError) in
            let measure = snapshot.plan.piao?.risks?.measures.first { $0.code == existing }
            let kind = PreventionMeasure.Kind(rawValue: input.text("tipo")) ?? .specific
            let risks = input.text("rischi").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
            let fields = PIAOEdit.MeasureFields(title: input.text("titolo"), kind: kind, type: input.optional("tipologia"), risks: risks,
                                                owner: input.optional("responsabile"), unit: input.optional("unita"),
                                                timing: input.optional("tempi"), description: input.optional("descrizione"))
            var indicator: PlanEdit.IndicatorFields?
            if measure?.objective == nil {
                let targets = checkpoints(snapshot.plan, measure?.indicators?.first).compactMap { day -> (at: Day, text: String, weight: Double?)? in
                    let text = input.text("target-\(day)")
                    return text.isEmpty ? nil : (day, text, nil)
                }
                if input.text("indicatore").isEmpty {
                    problems.add(EditError(field: "indicatore", message: "Indicare l'indicatore con cui si monitora la misura."))
                } else {
                    indicator = PlanEdit.IndicatorFields(title: input.text("indicatore"), targets: targets, evidence: input.optional("documentazione"))
                }
            }
            return try PIAOEdit.setMeasure(snapshot.plan, code: existing, newCode: existing ?? input.text("codice"), fields, indicator: indicator)
        } form: { try await self.measureForm(request, context) }
    }

    // MARK: Staffing

    /// The staffing plan's movements, one row per year and category, three empty rows to add more, and the
    /// spending capacity of each year of the span.
    func staffingForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editStaffingPlan)
        let plan = snapshot.plan
        let staffing = plan.piao?.staffing ?? StaffingPlan()
        var rows: [PIAOEdit.StaffingRow] = []
        for move in staffing.departures + staffing.hires where !rows.contains(where: { $0.year == move.year && $0.category == move.category }) {
            rows.append(PIAOEdit.StaffingRow(
                year: move.year, category: move.category,
                departures: staffing.departures.filter { $0.year == move.year && $0.category == move.category }.reduce(0) { $0 + $1.count },
                hires: staffing.hires.filter { $0.year == move.year && $0.category == move.category }.reduce(0) { $0 + $1.count },
                channel: staffing.hires.first { $0.year == move.year && $0.category == move.category }?.channel))
        }
        rows.sort { ($0.year, $0.category) < ($1.year, $1.category) }
        var fields: [EditForm.Field] = []
        for n in 0..<(rows.count + 3) {
            let row = n < rows.count ? rows[n] : nil
            let group = "Riga \(n + 1)"
            fields.append(.text("anno-\(n)", "Anno", row.map { String($0.year) } ?? "", group: group))
            fields.append(.text("categoria-\(n)", "Categoria", row?.category ?? ""))
            fields.append(.text("cessazioni-\(n)", "Cessazioni", row.map { String($0.departures) } ?? ""))
            fields.append(.text("assunzioni-\(n)", "Assunzioni", row.map { String($0.hires) } ?? ""))
            fields.append(.text("canale-\(n)", "Modalità di assunzione", row?.channel ?? "", hint: n == 0 ? "Concorso, mobilità, scorrimento di graduatoria…" : nil))
        }
        let span = plan.piao?.span ?? plan.span
        for (i, year) in span.years.enumerated() {
            let amount = staffing.spendingCapacity?.first { $0.year == year }?.amount.text ?? ""
            fields.append(.text("capacita-\(year)", "Capacità assunzionale \(year) (€)", amount, group: i == 0 ? "Capacità assunzionale" : nil))
        }
        return EditFormView(heading: "Piano triennale dei fabbisogni di personale", snapshot: snapshot, user: user, context: context,
                            form: EditForm(fields: fields), action: Paths.piaoStaffing(snapshot.id) + "/modifica",
                            intro: "Una riga per anno e categoria; le righe vuote non si salvano. La consistenza iniziale è quella del personale dell'ente.",
                            cancelHref: Paths.piaoStaffing(snapshot.id))
    }

    @Sendable func saveStaffing(_ request: Request, context: WebRequestContext) async throws -> Response {
        let submission = PlanEditSubmission(app: app, capability: .editStaffingPlan, returnTo: Paths.piaoStaffing)
        return try await submission.submit(request, context) { snapshot, input, problems throws(EditError) in
            var rows: [PIAOEdit.StaffingRow] = []
            var n = 0
            while input.fields["anno-\(n)"] != nil {
                defer { n += 1 }
                let texts = ["anno", "categoria", "cessazioni", "assunzioni", "canale"].map { input.text("\($0)-\(n)") }
                if texts.allSatisfy(\.isEmpty) { continue }
                guard let year = Int(texts[0]) else {
                    problems.add(EditError(field: "anno-\(n)", message: "Riga \(n + 1): scrivere l'anno, ad esempio \(snapshot.plan.year)."))
                    continue
                }
                let departures = texts[2].isEmpty ? 0 : Int(texts[2]), hires = texts[3].isEmpty ? 0 : Int(texts[3])
                guard let departures, let hires else {
                    problems.add(EditError(field: Int(texts[2]) == nil && !texts[2].isEmpty ? "cessazioni-\(n)" : "assunzioni-\(n)",
                                           message: "Riga \(n + 1): cessazioni e assunzioni sono numeri interi."))
                    continue
                }
                rows.append(PIAOEdit.StaffingRow(year: year, category: texts[1], departures: departures, hires: hires, channel: texts[4].isEmpty ? nil : texts[4]))
            }
            let span = snapshot.plan.piao?.span ?? snapshot.plan.span
            let capacity = span.years.compactMap { year -> YearAmount? in
                let text = input.text("capacita-\(year)")
                return text.isEmpty ? nil : YearAmount(year: year, amount: Amount(text))
            }
            return try PIAOEdit.setStaffing(snapshot.plan, rows: rows, capacity: capacity)
        } form: { try await self.staffingForm(request, context) }
    }
}
