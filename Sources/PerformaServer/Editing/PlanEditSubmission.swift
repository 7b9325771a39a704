import Foundation
import Hummingbird
import Performa
import PerformaStore

/// How an edit form of a plan is saved, whoever submits it (the struttura tecnica's plan editor, the RPCT's 2.3
/// register, the HR office's staffing plan): in place for a draft, as a revision (reason and act required) for an
/// adopted plan. Every problem of the submission is found before anything is saved (unreadable numbers, the edit's
/// own checks, the revision's reason and act) and a refused edit shows the form again with the submitted values,
/// each message next to its field and all of them in the summary at the top. The store checks again that the role
/// answers for every part of the plan the edit changes (`PlanPart`).
struct PlanEditSubmission: Sendable {
    let app: WebApp
    /// What the role needs to open the form.
    let capability: Capability
    /// The page to go back to, from the plan id, with the outcome (`?esito=`).
    let returnTo: @Sendable (String) -> String

    static func load(_ app: WebApp, _ context: WebRequestContext, _ capability: Capability) async throws -> (SignedInUser, PlanSnapshot) {
        let user = try context.requireUser(capability)
        return (user, try await app.snapshot(user, planID: try context.parameters.require("plan")))
    }

    func submit(_ request: Request, _ context: WebRequestContext,
                edit: (PlanSnapshot, FormInput, inout [EditError]) throws(EditError) -> Plan,
                form: () async throws -> EditFormView) async throws -> Response {
        let (user, snapshot) = try await Self.load(app, context, capability)
        let input = try await FormInput.read(request, context: context)
        let info = snapshot.stored.info
        func refused(_ errors: [EditError], status: HTTPResponse.Status) async throws -> Response {
            // Rebuild the form as it was, then put back what was submitted and the errors.
            var view = try await form()
            view.refill(from: input, errors: errors)
            return try app.pages.page("modifica", view, status: status)
        }
        func done(_ outcome: Outcomes) -> Response { .seeOther(returnTo(info.planID) + "?esito=\(outcome.rawValue)") }
        guard input.text("versione") == String(info.version), input.text("riga") == String(info.rowVersion) else {
            let stale = StoreError.staleWrite(subject: "il piano «\(info.planID)»", expected: Int(input.text("versione")) ?? 0, current: info.version)
            return try await refused([EditError(field: nil, message: stale.description)], status: .conflict)
        }
        var problems: [EditError] = []
        var edited: Plan?
        do {
            edited = try edit(snapshot, input, &problems)
        } catch {
            problems.add(error)
        }
        let frozen = info.status == .adopted || info.status == .revised
        let reason = input.text("motivo")
        let date = Day(parsing: input.text("data-atto"))
        if frozen {
            if reason.isEmpty { problems.add(EditError(field: "motivo", message: "Il piano è adottato: indicare il motivo della revisione.")) }
            if date == nil { problems.add(EditError(field: "data-atto", message: "Indicare la data dell'atto che approva la revisione (GG/MM/AAAA).")) }
        }
        guard problems.isEmpty, let edited else {
            return try await refused(problems, status: .unprocessableContent)
        }
        if frozen, let date {
            let act = ApprovalAct(kind: .revision, body: input.optional("organo") ?? "Giunta camerale", number: input.optional("numero-atto"), date: date)
            if edited == snapshot.plan { return done(.planUnchanged) }
            do {
                _ = try await app.store.revisePlan(user.context, edited, revision: PlanRevision(reason: reason, act: act), expectedVersion: info.version)
            } catch let error as StoreError {
                return try await refused([EditError(field: nil, message: error.description)], status: .unprocessableContent)
            }
            return done(.planRevised)
        }
        do {
            let outcome = try await app.store.importPlan(user.context, edited, revision: nil, createOrganization: false)
            if case .unchanged = outcome { return done(.planUnchanged) }
        } catch let error as StoreError {
            return try await refused([EditError(field: nil, message: error.description)], status: .unprocessableContent)
        }
        return done(.planSaved)
    }
}
