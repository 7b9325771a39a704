import Foundation
import Hummingbird
import Performa
import PerformaFormats
import PerformaStore

/// Plans and results from the browser (struttura tecnica): upload, read and check, show what would change, and write
/// only on an explicit confirmation — in one transaction of the store, as `performa import` does. A file with errors
/// is refused with the reader's message (line, or sheet, row and column) and nothing is written.
struct UploadPage: Sendable {
    let app: WebApp

    static let path = "/carica"
    static let confirmPath = "/carica/conferma"

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Self.path), use: form)
        router.post(RouterPath(Self.path), use: preview)
        router.post(RouterPath(Self.confirmPath), use: confirm)
    }

    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.editPlan)
        return try await render(user, context: context, kind: .plan, plan: request.uri.queryParameters.get("piano"))
    }

    @Sendable func preview(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.editPlan)
        let input = try await FormInput.read(request, context: context)
        let kind = UploadedPlanFile.Kind(rawValue: input.text("tipo")) ?? .plan
        let planID = input.optional("piano")
        guard let file = input.file("file"), !file.fileName.isEmpty else {
            return try await render(user, context: context, kind: kind, plan: planID, error: "Scegliere il file da caricare.")
        }
        return try await check(user, context: context, data: file.data, fileName: file.fileName, kind: kind, planID: planID)
    }

    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.editPlan)
        let input = try await FormInput.read(request, context: context)
        let kind = UploadedPlanFile.Kind(rawValue: input.text("tipo")) ?? .plan
        let planID = input.optional("piano")
        let fileName = input.text("nome")
        guard let data = Data(base64Encoded: input.text("contenuto")) else {
            return try await render(user, context: context, kind: kind, plan: planID, error: "Il contenuto del file non è arrivato intero: caricarlo di nuovo.")
        }
        let read = try await readFile(user, data: data, fileName: fileName, kind: kind, planID: planID)
        switch read {
        case .failure(let refused):
            return try await render(user, context: context, kind: kind, plan: planID, error: refused.message)
        case .success(.results(let results)):
            let outcome = try await app.store.importResults(user.context, results)
            context.logger.info("risultati caricati", metadata: ["piano": "\(results.plan)", "nuove": "\(outcome.measurementsAppended)"])
            return .seeOther(Paths.measurements(results.plan) + "?esito=\(Outcomes.resultsUploaded.rawValue)")
        case .success(.plan(let plan)):
            guard plan.organization.id == user.organization else {
                return try await render(user, context: context, kind: kind, plan: planID, error: "Il piano è dell'ente «\(plan.organization.id)», non di questo: non può essere caricato qui.")
            }
            var revision: PlanRevision?
            if let reason = input.optional("motivo") {
                guard let number = input.optional("numero"), let day = Day(parsing: input.text("data")) else {
                    return try await check(user, context: context, data: data, fileName: fileName, kind: kind, planID: planID,
                                           error: "Per una revisione servono motivo, numero e data dell'atto.")
                }
                revision = PlanRevision(reason: reason, act: ApprovalAct(kind: .revision, body: input.optional("organo") ?? "Giunta", number: number, date: day))
            }
            do {
                let outcome = try await app.store.importPlan(user.context, plan, revision: revision, createOrganization: false)
                return .seeOther(Paths.planOverview(outcome.info.planID) + "?esito=\(Outcomes.planUploaded.rawValue)")
            } catch let error as StoreError {
                return try await check(user, context: context, data: data, fileName: fileName, kind: kind, planID: planID, error: error.description)
            }
        }
    }

    /// Reads the file against the current data (the plan the results belong to, the results already stored).
    private func readFile(_ user: SignedInUser, data: Data, fileName: String, kind: UploadedPlanFile.Kind, planID: String?) async throws
        -> Result<UploadedPlanFile.Content, UploadedPlanFile.Refused> {
        var plan: Plan?, results: Results?
        if kind == .results, let planID, !planID.isEmpty {
            let snapshot = try await app.snapshot(user, planID: planID)
            plan = snapshot.plan
            results = snapshot.results
        }
        do {
            return .success(try UploadedPlanFile.read(data, fileName: fileName, kind: kind, plan: plan, currentResults: results))
        } catch {
            return .failure(error)
        }
    }

    /// The preview: what the file holds, the validator's findings and what changes against the stored plan.
    private func check(_ user: SignedInUser, context: WebRequestContext, data: Data, fileName: String, kind: UploadedPlanFile.Kind, planID: String?,
                       error: String? = nil) async throws -> Response {
        let content: UploadedPlanFile.Content
        switch try await readFile(user, data: data, fileName: fileName, kind: kind, planID: planID) {
        case .failure(let refused): return try await render(user, context: context, kind: kind, plan: planID, error: refused.message)
        case .success(let read): content = read
        }
        var summary: [String] = [], outcome = "", findings: [UploadView.Finding] = [], changes: [UploadView.Change] = []
        var blocked = false, needsAct = false
        switch content {
        case .plan(let plan):
            let index = PlanIndex(plan)
            summary = ["Piano «\(plan.title)» (\(plan.id)), \(plan.span.from)-\(plan.span.to), stato: \(plan.status.italian).",
                       "\(plan.areas.count) aree, \(index.entries.count) obiettivi, \(index.indicators.count) indicatori."]
            let diagnostics = PlanValidator().validate(plan)
            findings = diagnostics.map { finding in
                UploadView.Finding(severity: finding.severity.italian, css: finding.severity == .error ? "badge bg-danger" : "badge bg-warning text-dark",
                                   location: finding.location, message: finding.message)
            }
            // As `performa import`: the validator's findings are shown, not enforced (a plan as adopted may hold
            // inconsistencies, which the scores then report); only a plan of another organization cannot go in.
            blocked = plan.organization.id != user.organization
            if plan.organization.id != user.organization {
                outcome = "Il piano è dell'ente «\(plan.organization.id)», non di questo: non può essere caricato qui."
            } else if let stored = try await app.store.plans(user.context).first(where: { $0.planID == plan.id }) {
                let current = try await app.snapshot(user, planID: plan.id).plan
                let comparison = PlanComparison(from: current, to: plan)
                changes = comparison.changes.map { UploadView.Change(kind: $0.kind.italian, subject: $0.subject, key: $0.key, title: $0.title, details: $0.details) }
                if comparison.isEmpty {
                    outcome = "Il piano è già presente e identico: confermando non cambia nulla."
                } else if stored.status == .draft {
                    outcome = "Sostituisce la bozza del piano «\(plan.id)»: \(comparison.count(.added)) aggiunte, \(comparison.count(.removed)) eliminazioni, \(comparison.count(.changed)) modifiche."
                } else {
                    needsAct = true
                    outcome = "Revisione del piano «\(plan.id)» (\(stored.status.italian), versione \(stored.version)): \(comparison.count(.added)) aggiunte, \(comparison.count(.removed)) eliminazioni, \(comparison.count(.changed)) modifiche, in una nuova versione."
                }
            } else {
                outcome = "Nuovo piano dell'ente."
            }
        case .results(let results):
            let days = Set(results.measurements.map(\.at)).sorted()
            summary = ["Risultati del piano «\(results.plan)»: \(results.measurements.count) rilevazioni"
                       + (days.isEmpty ? "." : " alle scadenze \(days.map(\.italian).joined(separator: ", ")).")]
            outcome = "Confermando si aggiungono le rilevazioni nuove o cambiate; quelle già presenti e uguali non si ripetono."
        }
        let organization = try await app.store.organization(user.context)
        let view = UploadView(
            page: PageChrome(title: "Carica un file", organization: organization.name, context: context),
            action: Self.path, kinds: [], plans: [],
            preview: UploadView.Preview(fileName: fileName, summary: summary, outcome: outcome, findings: findings, hasFindings: !findings.isEmpty,
                                        blocked: blocked, changes: changes, hasChanges: !changes.isEmpty, needsAct: needsAct,
                                        payload: data.base64EncodedString(), kind: kind.rawValue, plan: planID ?? "", confirmAction: Self.confirmPath),
            errorSummary: FormErrorSummary(error.map { [FormErrorSummary.Item(message: $0, href: nil)] } ?? []),
            today: Display.today().description)
        return try app.pages.page("carica", view, status: error == nil ? .ok : .unprocessableContent)
    }

    private func render(_ user: SignedInUser, context: WebRequestContext, kind: UploadedPlanFile.Kind, plan: String?, error: String? = nil) async throws -> Response {
        let organization = try await app.store.organization(user.context)
        let plans = try await app.store.plans(user.context).sorted { ($0.year, $0.planID) > ($1.year, $1.planID) }
        let view = UploadView(
            page: PageChrome(title: "Carica un file", organization: organization.name, context: context),
            action: Self.path,
            kinds: UploadedPlanFile.Kind.allCases.map { UploadView.Option(value: $0.rawValue, label: $0.italian.prefix(1).uppercased() + $0.italian.dropFirst(), selected: $0 == kind) },
            plans: plans.enumerated().map { UploadView.Option(value: $0.element.planID, label: $0.element.title, selected: plan == nil ? $0.offset == 0 : $0.element.planID == plan) },
            preview: nil,
            errorSummary: FormErrorSummary(error.map { [FormErrorSummary.Item(message: $0, href: "#campo-file")] } ?? []),
            today: Display.today().description)
        return try app.pages.page("carica", view, status: error == nil ? .ok : .unprocessableContent)
    }
}
