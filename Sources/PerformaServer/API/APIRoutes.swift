import Foundation
import Hummingbird
import NIOCore
import Performa
import PerformaFormats
import PerformaStore

/// The JSON API: sessions, plans, objectives, indicators, measurements, scores and diagnostics, under `/api`.
/// Clients authenticate with `Authorization: Bearer TOKEN` (from `POST /api/session`); a browser's session cookie
/// also works, and then a write must carry the CSRF token in `X-CSRF-Token`. Every operation is in
/// docs/api/openapi.yaml, and a test calls each one.
struct APIRoutes: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        let api = router.group("api")
        api.post("session", use: openSession)
        api.delete("session", use: closeSession)
        api.get("plans", use: plans)
        api.get("plans/:plan", use: plan)
        api.get("plans/:plan/objectives", use: objectives)
        api.get("plans/:plan/objectives/:objective", use: objective)
        api.get("plans/:plan/indicators", use: indicators)
        api.get("plans/:plan/measurements", use: measurements)
        api.post("plans/:plan/measurements", use: recordMeasurement)
        api.get("plans/:plan/scores", use: scores)
        api.get("plans/:plan/diagnostics", use: diagnostics)
    }

    /// Logs in and returns a session token for the `Authorization: Bearer` header.
    @Sendable func openSession(_ request: Request, context: WebRequestContext) async throws -> Response {
        let body = try await Self.decode(APIModels.SessionRequest.self, request, context)
        let outcome = try await LoginAttempt(app: app).run(organization: body.organization, username: body.username, password: body.password,
                                                           clientAddress: context.clientAddress, logger: context.logger)
        switch outcome {
        case .signedIn(let session, let user):
            return APIJSON.response(APIModels.SessionResponse(token: session.token, expiresAt: session.session.expiresAt, organization: user.organization,
                                                              username: user.username, displayName: user.displayName, role: user.role.rawValue),
                                    status: .created)
        case .refused(let status, let message, let wait):
            var response = APIError.response(status, message)
            if let wait { response.headers[HeaderNames.retryAfter] = String(wait) }
            return response
        }
    }

    /// Ends the session of the token used.
    @Sendable func closeSession(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try Self.writer(request, context)
        try await app.store.endSession(token: user.token)
        return Response(status: .noContent)
    }

    /// The current version of every plan of the organization.
    @Sendable func plans(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        return APIJSON.response(try await app.store.plans(user.context))
    }

    /// A plan in the plan file format (JSON), current version or `?version=N`.
    @Sendable func plan(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let version = try PlanVersionQuery.parse(request.uri.queryParameters.get("version"), parameter: "version")
        let stored = try await app.store.plan(user.context, id: try context.parameters.require("plan"), version: version)
        return Response.text(try PlanFile.json(stored.plan), contentType: "application/json; charset=utf-8")
    }

    /// Every objective in plan order.
    @Sendable func objectives(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        return APIJSON.response(PlanIndex(snapshot.plan).entries.map { entry in
            APIModels.ObjectiveSummary(key: entry.key, code: entry.sheet.code, level: entry.level.rawValue, parent: entry.parent, title: entry.sheet.title,
                                       weight: entry.sheet.weight, indicators: entry.sheet.indicators.count)
        })
    }

    /// One objective's sheet with its indicators and assignments.
    @Sendable func objective(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let key = try context.parameters.require("objective")
        guard let entry = PlanIndex(snapshot.plan).entry(key) else {
            throw HTTPError(.notFound, message: "L'obiettivo «\(key)» non esiste nel piano.")
        }
        let sheet = entry.sheet
        let assigned = (snapshot.plan.assignments ?? []).compactMap { row in
            row.objectives.first { $0.objective == key }.map { APIModels.Assignee(manager: row.manager, weight: $0.weight) }
        }
        return APIJSON.response(APIModels.ObjectiveDetail(
            key: key, code: sheet.code, level: entry.level.rawValue, parent: entry.parent, title: sheet.title, weight: sheet.weight,
            description: sheet.description, unitsInvolved: sheet.unitsInvolved, staffCommitted: sheet.staffCommitted, relevance: sheet.relevance,
            assignedTo: assigned,
            indicators: sheet.indicators.map { APIModels.indicator(IndicatorKey(objective: key, number: $0.number), $0) }))
    }

    /// Every indicator with its targets, in plan order.
    @Sendable func indicators(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        return APIJSON.response(PlanIndex(snapshot.plan).indicators.map { APIModels.indicator($0.key, $0.indicator) })
    }

    /// The whole history of measurements; `?indicator=1.1.2/1` and `?at=2021-12-31` keep one indicator's, one
    /// checkpoint's or, together, one series. A key or a date that names nothing in the plan keeps nothing (an
    /// empty list); only a date that is not a date is refused.
    @Sendable func measurements(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require("plan")
        let query = request.uri.queryParameters
        let indicatorText = query.get("indicator")
        let key = indicatorText.flatMap(IndicatorKey.init(parsing:))
        // nil: no `at`; .some(nil): a real date outside the plans' calendar.
        var atDay: Day??
        if let atText = query.get("at") {
            guard case .date(let day) = APIDate.read(atText) else {
                throw HTTPError(.badRequest, message: "Scadenza non valida: «\(atText.prefix(40))» (usare AAAA-MM-GG, es. 2021-12-31).")
            }
            atDay = .some(day)
        }
        if let key, case .some(.some(let day)) = atDay {
            return APIJSON.response(try await app.store.measurementHistory(user.context, planID: planID, indicator: key, at: day))
        }
        var rows = try await app.store.measurements(user.context, planID: planID)
        if indicatorText != nil { rows = key.map { key in rows.filter { $0.indicator == key } } ?? [] }
        if let atDay { rows = atDay.map { day in rows.filter { $0.at == day } } ?? [] }
        return APIJSON.response(rows)
    }

    /// Records a value after the same checks as the form: an invalid value is refused with 422 and nothing is saved.
    @Sendable func recordMeasurement(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try Self.writer(request, context)
        guard user.role.may(.enterMeasurements) else {
            throw HTTPError(.forbidden, message: "Operazione non consentita al ruolo «\(user.role.italian)».")
        }
        let body = try await Self.decode(APIModels.MeasurementRequest.self, request, context)
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        guard let key = IndicatorKey(parsing: body.indicator), let indicator = PlanIndex(snapshot.plan).indicator(key) else {
            return APIError.response(.unprocessableContent, "Indicatore «\(body.indicator)» inesistente nel piano.", field: "indicator")
        }
        guard case .date(let checkpoint) = APIDate.read(body.at) else {
            return APIError.response(.unprocessableContent, "Scadenza non valida: «\(body.at.prefix(40))» (usare AAAA-MM-GG, es. 2021-12-31).", field: "at")
        }
        guard let day = checkpoint else {
            return APIError.response(.unprocessableContent, "La scadenza \(body.at) non è nel calendario dei piani (anni dal 1900 al 2200).", field: "at")
        }
        if let revision = body.expectedRevision, !APIModels.MeasurementRequest.revisions.contains(revision) {
            return APIError.response(.unprocessableContent, "expectedRevision fuori dai limiti: \(revision) (da 0 a 2.147.483.647).", field: "expectedRevision")
        }
        let access = try await MeasurementAccess.load(app.store, user, snapshot)
        if let refusal = access.refusal(objective: key.objective, at: day) { throw HTTPError(.forbidden, message: refusal) }
        if let problem = MeasurementCheck.problem(body.value, target: indicator.target(at: day)?.target) {
            return APIError.response(.unprocessableContent, problem, field: "value")
        }
        let stored = try await app.store.recordMeasurement(user.context, planID: snapshot.id,
                                                           MeasurementEntry(indicator: key, at: day, text: body.value.trimmingCharacters(in: .whitespaces), note: body.note),
                                                           expectedRevision: body.expectedRevision)
        return APIJSON.response(stored, status: .created)
    }

    /// The scorecard at a checkpoint (`?at=2021-06-30`; 31/12 of the operational year by default), computed now.
    @Sendable func scores(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let requested = request.uri.queryParameters.get("at")
        if let requested, APIDate.read(requested) == .malformed {
            throw HTTPError(.badRequest, message: "Scadenza non valida: «\(requested.prefix(40))» (usare AAAA-MM-GG, es. 2021-06-30).")
        }
        let checkpoint = snapshot.checkpoint(scadenza: requested, anno: nil, periodo: nil)
        if let requested, Day(parsing: requested) != checkpoint {
            // A real date, but the plan keeps no scorecard there: nothing at that address.
            throw HTTPError(.notFound, message: "Scadenza «\(requested)» non prevista dal piano (scadenze: \(snapshot.checkpoints.map(\.description).joined(separator: ", "))).")
        }
        return Response.bytes(try snapshot.scorecardJSON(at: checkpoint), contentType: "application/json; charset=utf-8")
    }

    /// The validator's findings on the current version.
    @Sendable func diagnostics(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let stored = try await app.store.plan(user.context, id: try context.parameters.require("plan"), version: nil)
        return APIJSON.response(PlanValidator().validate(stored.plan))
    }

    /// The user of a writing request: bearer-token clients as they are, cookie sessions only with the CSRF header.
    static func writer(_ request: Request, _ context: WebRequestContext) throws -> SignedInUser {
        let user = try context.requireUser()
        if !user.viaBearer && !context.acceptsCSRFToken(request.headers[HeaderNames.csrfToken]) {
            throw HTTPError(.forbidden, message: "Richiesta rifiutata: con il cookie di sessione serve l'intestazione \(CSRFCookie.headerName).")
        }
        return user
    }

    static func decode<T: APIModels.RequestBody>(_ type: T.Type, _ request: Request, _ context: WebRequestContext) async throws -> T {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: min(1024 * 1024, context.maxUploadSize))
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: context.identity == nil
                ? "Corpo della richiesta troppo grande: senza accesso al massimo \(context.maxUploadSize / 1024) KB."
                : "Corpo della richiesta troppo grande: al massimo 1 MB.")
        }
        let data = Data(buffer: body)
        let decoded: T
        do {
            decoded = try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw HTTPError(.badRequest, message: "Corpo della richiesta non valido: atteso un oggetto JSON come descritto in /api/openapi.yaml.")
        }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if let unknown = object.keys.filter({ !T.fields.contains($0) }).sorted().first {
            throw HTTPError(.badRequest, message: "Campo sconosciuto «\(unknown.prefix(40))»: i campi ammessi sono \(T.fields.sorted().joined(separator: ", ")).")
        }
        return decoded
    }
}
