import Foundation
import Hummingbird
import Performa
import PerformaStore

/// PIAO: the sections of the Piano Integrato di Attività e Organizzazione the plan is part of, for everyone, and the
/// forms of each office: the 2.3 register for the RPCT (`PIAOPages+RiskRegister`), section 3 for the HR office
/// (staffing here, the rest in `PIAOPages+Organization`), the scheda anagrafica, public value and dimensions for the
/// struttura tecnica (`PIAOPages+Overview`), which may also use all the others. Saved like every plan edit
/// (`PlanEditSubmission`): in place for a draft, as a revision with reason and act for an adopted plan; the store
/// lets each role change only its part.
struct PIAOPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/piao", use: overview)
        router.get("/piani/:plan/piao/rischi", use: register)
        router.get("/piani/:plan/piao/fabbisogni", use: staffing)
        form("/piani/:plan/piao/rischi/misure/:code", measureForm, saveMeasure, on: router)
        form("/piani/:plan/piao/fabbisogni/modifica", staffingForm, saveStaffing, on: router)
        form("/piani/:plan/piao/rischi/processi/:code", processForm, saveProcess, on: router)
        form("/piani/:plan/piao/rischi/processi/:code/eventi/:event", eventForm, saveEvent, on: router)
        form("/piani/:plan/piao/rischi/trasparenza", transparencyForm, saveTransparency, on: router)
        form("/piani/:plan/piao/fabbisogni/formazione", trainingForm, saveTraining, on: router)
        form("/piani/:plan/piao/unita", unitsForm, saveUnits, on: router)
        form("/piani/:plan/piao/lavoro-agile", agileWorkForm, saveAgileWork, on: router)
        form("/piani/:plan/piao/anagrafica", registryForm, saveRegistry, on: router)
        form("/piani/:plan/piao/valore-pubblico/:code", publicValueForm, savePublicValue, on: router)
        form("/piani/:plan/piao/dimensioni", dimensionsForm, saveDimensions, on: router)
    }

    /// A form page at `path`: shown by GET, saved by POST.
    private func form(_ path: RouterPath, _ show: @escaping @Sendable (Request, WebRequestContext) async throws -> EditFormView,
                      _ save: @escaping @Sendable (Request, WebRequestContext) async throws -> Response, on router: Router<WebRequestContext>) {
        router.get(path) { try await self.render(show($0, $1)) }
        router.post(path, use: save)
    }

    /// The code in the path of the form that adds a measure.
    static let newMeasure = "nuova"

    @Sendable func overview(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (snapshot, selected) = try await load(request, context)
        let view = PIAOView(snapshot: snapshot, context: context, selected: selected, role: try context.requireUser().role)
        return try app.pages.page("piao", view)
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
        let view = StaffingView(snapshot: snapshot, context: context, mayEdit: user.role.may(.editOrganizationAndStaff),
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

    // MARK: Staffing

    /// The staffing plan's movements, one row per year and category, three empty rows to add more, and the
    /// spending capacity of each year of the span.
    func staffingForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editOrganizationAndStaff)
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
                            cancelHref: Paths.piaoStaffing(snapshot.id), section: .piao)
    }

    @Sendable func saveStaffing(_ request: Request, context: WebRequestContext) async throws -> Response {
        let submission = PlanEditSubmission(app: app, capability: .editOrganizationAndStaff, returnTo: Paths.piaoStaffing)
        return try await submission.submit(request, context) { snapshot, input, problems throws(EditError) in
            var rows: [PIAOEdit.StaffingRow] = []
            for n in input.rows("anno") {
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
