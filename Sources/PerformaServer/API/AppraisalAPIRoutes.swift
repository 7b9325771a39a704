import Foundation
import Hummingbird
import Performa
import PerformaStore

/// The JSON API of individual appraisal: the schede of a year the user may see, one scheda computed with its
/// workflow, and a workflow step. The same rules as the pages (`AppraisalAccess`; a read of another's scheda logged).
struct AppraisalAPIRoutes: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        let api = router.group("api")
        api.get("appraisals", use: list)
        api.get("appraisals/:year/:person", use: one)
        api.post("appraisals/:year/:person/actions", use: act)
    }

    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let year = try AppraisalSnapshot.year(request.uri.queryParameters.get("year"))
        guard let snapshot = try await app.appraisalYear(user, year: year) else { return APIJSON.response([APIModels.AppraisalSummary]()) }
        let viewer = snapshot.viewer(user)
        return APIJSON.response(snapshot.staff.filter { !viewer.actors(on: $0).isEmpty }.map { summary(snapshot, user, $0) })
    }

    @Sendable func one(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let (snapshot, member) = try await AppraisalSnapshot.visible(app, user, year: try AppraisalSnapshot.year(context.parameters.get("year")),
                                                                      person: try context.parameters.require("person"))
        return APIJSON.response(detail(snapshot, user, member))
    }

    @Sendable func act(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try APIRoutes.writer(request, context)
        let body = try await APIRoutes.decode(APIModels.AppraisalActionRequest.self, request, context)
        let year = try AppraisalSnapshot.year(context.parameters.get("year"))
        let (snapshot, member) = try await AppraisalSnapshot.visible(app, user, year: year, person: try context.parameters.require("person"), logRead: false)
        guard let kind = AppraisalAction.Kind(rawValue: body.action) else {
            return APIError.response(.badRequest, "Passo sconosciuto «\(body.action.prefix(40))»: \(AppraisalAction.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", field: "action")
        }
        let today = Display.today()
        var day = today
        if let text = body.day {
            guard case .date(let parsed?) = APIDate.read(text) else {
                return APIError.response(.badRequest, "Data non valida: «\(text.prefix(40))» (AAAA-MM-GG).", field: "day")
            }
            day = parsed
        }
        let outcome: AppraisalAction.ReviewOutcome
        switch body.outcome {
        case nil, "confirmed": outcome = .confirmed
        case "changed": outcome = .changed
        default: return APIError.response(.badRequest, "Esito sconosciuto: confirmed oppure changed.", field: "outcome")
        }
        let action = AppraisalAction(kind: kind, day: day, text: body.text ?? "", outcome: outcome)
        _ = try await snapshot.apply(app, user, action, to: member, today: today, expectedRowVersion: body.rowVersion)
        let updated = try await AppraisalSnapshot.visible(app, user, year: year, person: member.person.id, logRead: false)
        return APIJSON.response(summary(updated.0, user, updated.1))
    }

    private func summary(_ snapshot: AppraisalSnapshot, _ user: SignedInUser, _ member: StoredPerson) -> APIModels.AppraisalSummary {
        let record = snapshot.record(member.person.id)
        let actors = snapshot.actors(user, on: member)
        let available = AppraisalWorkflow.available(record.progress, rules: snapshot.rules(for: member.person), today: Display.today())
        return APIModels.AppraisalSummary(year: snapshot.year, person: member.person.id, name: member.person.name, category: member.person.category.rawValue,
                                          profile: snapshot.schede[member.person.id]?.profile, evaluator: member.evaluator, state: record.progress.state.rawValue,
                                          points: snapshot.schede[member.person.id]?.points, rowVersion: record.rowVersion,
                                          nextActions: available.filter { actors.contains($0.actor) }.map(\.rawValue))
    }

    private func detail(_ snapshot: AppraisalSnapshot, _ user: SignedInUser, _ member: StoredPerson) -> APIModels.AppraisalDetail {
        let record = snapshot.record(member.person.id)
        return APIModels.AppraisalDetail(summary: summary(snapshot, user, member), appraisal: snapshot.schede[member.person.id],
                                         progress: record.progress, ratings: record.input.ratings)
    }
}
