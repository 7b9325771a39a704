import Foundation
import Hummingbird
import Performa
import PerformaStore

/// Validazione OIV: the results at a checkpoint with their evidence; the OIV validates an achievement as computed
/// or corrects it, always with a reason. The validated value replaces the computed one in every score, and both
/// stay visible.
struct ValidationPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/validazione", use: list)
        router.get("/piani/:plan/validazione/modulo", use: form)
        router.post("/piani/:plan/validazione", use: save)
    }

    /// Every objective at the checkpoint, in code order, with its computed and validated achievement; with
    /// `?filtro=da-validare` only those that are new or changed since their validation. Rows whose computed
    /// achievement has no judgement that counts can be confirmed together (`azione=conferma`).
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let query = request.uri.queryParameters
        let checkpoint = snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo"))
        let card = snapshot.scorecard(at: checkpoint)
        let files = try await app.store.evidenceFiles(user.context, planID: snapshot.id, indicator: nil, at: checkpoint)
        let judgements = JudgementsAt(try await app.store.overrides(user.context, planID: snapshot.id), checkpoint: checkpoint)
        let id = snapshot.id
        let mayValidate = user.role.may(.validateResults)
        let objectives = card.objectives.sorted { ObjectiveCode.precedes($0.key, $1.key) }
        let seen = mayValidate ? try await app.store.judgementValues(user.context, planID: id, subjects: objectives.map(\.key), at: checkpoint) : [:]
        let onlyChanged = query.get("filtro") == "da-validare"
        let rows = objectives.compactMap { objective -> ValidationListView.Row? in
            let indicators = card.indicators.filter { $0.key.objective == objective.key }
            let own = judgements.bySubject[objective.key]
            let aside = ([own].compactMap { $0 } + indicators.compactMap { judgements.bySubject[$0.key.description] }).filter { !$0.stands }
            let settled = own?.stands == true && aside.isEmpty
            if onlyChanged && settled { return nil }
            let measured = indicators.filter { $0.measurement != nil }.count
            let applicable = indicators.filter { $0.score.status != .notApplicable }.count
            let validatedIndicators = indicators.filter { $0.score.override != nil }.count
            return ValidationListView.Row(
                line: ScoreLine(code: objective.key, title: objective.title, href: Paths.objective(id, objective.key), weight: objective.weight,
                                score: objective.score, cap: card.policy.cap),
                measured: "\(measured) su \(applicable)",
                documents: String(files.filter { $0.indicator.objective == objective.key }.count),
                validatedIndicators: validatedIndicators > 0 ? "\(validatedIndicators) indicator\(validatedIndicators == 1 ? "e" : "i") validat\(validatedIndicators == 1 ? "o" : "i")" : nil,
                changedAfterValidation: aside.isEmpty ? nil : aside.map(JudgementText.changes).joined(separator: "; "),
                key: objective.key, fieldID: "conferma-" + objective.key.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
                confirmable: mayValidate && objective.score.computed != nil && own?.stands != true,
                seen: seen[objective.key]?.token ?? "", rowVersion: own.map { String($0.rowVersion) } ?? "",
                formHref: Paths.validation(id) + "/modulo?oggetto=\(Paths.encode(objective.key))&scadenza=\(checkpoint)")
        }
        let here = Paths.validation(id, at: checkpoint)
        let view = ValidationListView(
            page: PageChrome(title: "Validazione OIV", section: .validation, plan: snapshot.stored, context: context, notices: Outcomes.notices(query.get("esito"))),
            filter: CheckpointFilter(snapshot: snapshot, selected: checkpoint, action: Paths.validation(id)),
            checkpoint: Display.checkpoint(checkpoint), checkpointValue: checkpoint.description, rows: rows, shownCount: String(rows.count), mayValidate: mayValidate,
            onlyChanged: onlyChanged, allHref: here, changedHref: here + "&filtro=da-validare", action: Paths.validation(id),
            anyConfirmable: rows.contains(where: \.confirmable))
        return try app.pages.page("validazione", view)
    }

    /// One objective (or indicator) with values, notes, evidence and the validation form.
    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        let subject = try await Subject.load(app, context: context, subject: request.uri.queryParameters.get("oggetto"), checkpoint: request.uri.queryParameters.get("scadenza"))
        return try app.pages.page("validazione-modulo", try await subject.view(app, context: context, notices: Outcomes.notices(request.uri.queryParameters.get("esito"))))
    }

    /// Validates or corrects (`azione=valida`), removes (`azione=rimuovi`) an OIV-validated achievement, or confirms
    /// the computed achievement of the selected rows of the list (`azione=conferma`).
    @Sendable func save(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.validateResults)
        let input = try await FormInput.read(request, context: context)
        if input.text("azione") == "conferma" { return try await confirm(input, user: user, context: context) }
        let subject = try await Subject.load(app, context: context, subject: input.optional("oggetto"), checkpoint: input.optional("scadenza"))
        let planID = subject.snapshot.id
        // A day that is not one of the plan's checkpoints must not be taken silently for the default one.
        if let requested = input.optional("scadenza"), Day(parsing: requested) != subject.checkpoint {
            throw HTTPError(.unprocessableContent, message: "Scadenza non valida: «\(requested)». Le scadenze del piano sono \(subject.snapshot.checkpoints.map(\.italian).joined(separator: ", ")). Nulla è stato registrato.")
        }
        let back = Paths.validation(planID) + "/modulo?oggetto=\(Paths.encode(subject.key))&scadenza=\(subject.checkpoint)"
        let existing = try await app.store.overrides(user.context, planID: planID).first { $0.override.subject == subject.key && $0.override.at == subject.checkpoint }
        if input.text("azione") == "rimuovi" {
            guard let existing else { return .seeOther(back) }
            try await app.store.removeOverride(user.context, planID: planID, subject: subject.key, at: subject.checkpoint, expectedRowVersion: existing.rowVersion)
            return .seeOther(back + "&esito=\(Outcomes.validationRemoved.rawValue)")
        }
        var errors = ValidationFormView.Errors()
        let achievementText = input.text("grado").replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        let cap = subject.snapshot.scorecard(at: subject.checkpoint).policy.cap * 100
        let achievement = ItalianNumber.parse(achievementText)
        if achievement == nil {
            errors.achievement = "Indicare il grado validato in percentuale, ad esempio 95 oppure 97,5."
        } else if let value = achievement, value < 0 || value > cap {
            errors.achievement = "Il grado validato deve essere tra 0% e \(ItalianNumber.percentValue(cap))."
        }
        var reason = input.text("motivazione")
        let judgement = achievement.map { OIVJudgement(achievement: $0, computed: subject.score.computed) }
        if reason.isEmpty {
            if judgement?.needsReason == true { errors.reason = "Indicare la motivazione della correzione: il grado validato è diverso da quello calcolato." }
            else { reason = OIVJudgement.confirmationReason }
        }
        if errors.achievement != nil || errors.reason != nil {
            return try app.pages.page("validazione-modulo", try await subject.view(app, context: context, entered: input.text("grado"), reason: input.text("motivazione"), errors: errors),
                                      status: .unprocessableContent)
        }
        let override = AchievementOverride(subject: subject.key, at: subject.checkpoint, achievement: achievement ?? 0, reason: reason,
                                           by: user.user.displayName, on: Display.today())
        let expected = Int(input.text("versione"))
        do {
            let stored = try await app.store.setOverrides(user.context, planID: planID, [
                OverrideWrite(override, expectedRowVersion: existing == nil ? nil : (expected ?? existing?.rowVersion), seen: input.optional("valori")),
            ])
            if judgement?.needsReason == true, let version = stored.first?.rowVersion {
                await app.notifier.correction(user, snapshot: try await app.snapshot(user, planID: planID), override, version: version)
            }
        } catch let error as StoreError {
            errors.general = error.description
            return try app.pages.page("validazione-modulo", try await subject.view(app, context: context, entered: input.text("grado"), reason: input.text("motivazione"), errors: errors),
                                      status: .conflict)
        }
        return .seeOther(back + "&esito=\(Outcomes.validated.rawValue)")
    }

    /// Confirms the computed achievement of every selected row, as it was shown, in one transaction: one reason for
    /// all of them, or none (a confirmation needs no reason). Nothing is recorded when one of them changed meanwhile.
    private func confirm(_ input: FormInput, user: SignedInUser, context: WebRequestContext) async throws -> Response {
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        guard let day = input.optional("scadenza").flatMap(Day.init(parsing:)), snapshot.checkpoints.contains(day) else {
            throw HTTPError(.unprocessableContent, message: "Scadenza non valida: «\(input.text("scadenza"))». Nulla è stato registrato.")
        }
        let keys = input.all("conferma")
        guard !keys.isEmpty else {
            throw HTTPError(.unprocessableContent, message: "Nessun obiettivo selezionato: nulla è stato registrato. Selezionare le righe di cui confermare il grado calcolato.")
        }
        let card = snapshot.scorecard(at: day)
        let reason = input.optional("motivazione") ?? OIVJudgement.confirmationReason
        let writes = try keys.map { key -> OverrideWrite in
            guard let score = card.objective(key)?.score ?? IndicatorKey(parsing: key).flatMap({ card.indicator($0)?.score }) else {
                throw HTTPError(.notFound, message: "«\(key)» non è un obiettivo del piano. Nulla è stato registrato.")
            }
            guard let computed = score.computed else {
                throw HTTPError(.unprocessableContent, message: "«\(key)» non ha un grado calcolato da confermare al \(Display.checkpoint(day)). Nulla è stato registrato.")
            }
            // The computed achievement itself, unrounded, so that what rolls up from it is exactly what was computed.
            let override = AchievementOverride(subject: key, at: day, achievement: computed * 100, reason: reason,
                                               by: user.user.displayName, on: Display.today())
            return OverrideWrite(override, expectedRowVersion: Int(input.text("versione-\(key)")), seen: input.text("valori-\(key)"))
        }
        do {
            _ = try await app.store.setOverrides(user.context, planID: snapshot.id, writes)
        } catch let error as StoreError {
            throw HTTPError(.conflict, message: "\(error.description) Nessuna conferma è stata registrata.")
        }
        return .seeOther(Paths.validation(snapshot.id, at: day) + "&esito=\(Outcomes.validated.rawValue)")
    }
}

/// The judgements of a plan at one checkpoint, by subject.
private struct JudgementsAt {
    let bySubject: [String: StoredOverride]

    init(_ all: [StoredOverride], checkpoint: Day) {
        bySubject = Dictionary(all.filter { $0.override.at == checkpoint }.map { ($0.override.subject, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// How the pages word a judgement's values: those it judged, and those changed since.
enum JudgementText {
    static func value(_ text: String?) -> String { text.map { "«\($0)»" } ?? "nessun valore" }

    /// `1.1.2/1: validato «800», ora «650»`, for each value changed after the judgement.
    static func changes(_ judgement: StoredOverride) -> String {
        judgement.changes.map { "\($0.indicator): validato \(value($0.judged)), ora \(value($0.current))" }.joined(separator: "; ")
    }

    /// `1.1.2/1 «800», 1.1.2/2 nessun valore`: the values a judgement was made on.
    static func judged(_ judgement: StoredOverride) -> String {
        judgement.judged.map { "\($0.indicator) \(value($0.value))" }.joined(separator: ", ")
    }
}

/// The subject of a validation: an objective key (`2.3.1`) or an indicator key (`2.3.1/2`) at a checkpoint.
private struct Subject {
    let user: SignedInUser
    let snapshot: PlanSnapshot
    let key: String
    let objective: String
    let checkpoint: Day

    static func load(_ app: WebApp, context: WebRequestContext, subject: String?, checkpoint: String?) async throws -> Subject {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        guard let key = subject, !key.isEmpty else { throw HTTPError(.badRequest, message: "Indicare l'obiettivo o l'indicatore da validare.") }
        let index = PlanIndex(snapshot.plan)
        let objective: String
        if let indicator = IndicatorKey(parsing: key) {
            guard index.indicator(indicator) != nil else { throw HTTPError(.notFound, message: "L'indicatore «\(key)» non esiste nel piano.") }
            objective = indicator.objective
        } else {
            guard index.entry(key) != nil else { throw HTTPError(.notFound, message: "L'obiettivo «\(key)» non esiste nel piano.") }
            objective = key
        }
        let day = snapshot.checkpoint(scadenza: checkpoint, anno: nil, periodo: nil)
        return Subject(user: user, snapshot: snapshot, key: key, objective: objective, checkpoint: day)
    }

    /// The subject's score at the checkpoint: computed, and validated when a judgement counts.
    var score: Score {
        let card = snapshot.scorecard(at: checkpoint)
        if let indicator = IndicatorKey(parsing: key) { return card.indicator(indicator)?.score ?? Score(computed: nil, status: .missing) }
        return card.objective(key)?.score ?? Score(computed: nil, status: .missing)
    }

    func view(_ app: WebApp, context: WebRequestContext, entered: String? = nil, reason: String = "", errors: ValidationFormView.Errors = .init(),
              notices: [Notice] = []) async throws -> ValidationFormView {
        let card = snapshot.scorecard(at: checkpoint)
        let id = snapshot.id
        let files = try await app.store.evidenceFiles(user.context, planID: id, indicator: nil, at: checkpoint).filter { $0.indicator.objective == objective }
        let stored = try await app.store.overrides(user.context, planID: id).first { $0.override.subject == key && $0.override.at == checkpoint }
        let seen = try await app.store.judgementValues(user.context, planID: id, subjects: [key], at: checkpoint)[key]
        let score = self.score
        let title: String
        if let indicator = IndicatorKey(parsing: key), let scored = card.indicator(indicator) {
            title = "Indicatore \(key) – \(scored.title)"
        } else {
            title = "Obiettivo \(key) – \(card.objective(key)?.title ?? "")"
        }
        let mayValidate = user.role.may(.validateResults)
        let indicators = card.indicators.filter { $0.key.objective == objective && $0.score.status != .notApplicable }.map { scored in
            ValidationFormView.IndicatorRow(
                key: scored.key.description, title: scored.title, target: scored.target?.text ?? "—",
                value: scored.measurement?.text ?? "—", note: scored.measurement?.note, reason: scored.reason,
                line: ScoreLine(code: scored.key.description, title: scored.title, weight: scored.weight, score: scored.score, cap: card.policy.cap),
                files: files.filter { $0.indicator == scored.key }.map { ValidationFormView.FileLink(name: $0.fileName, href: Paths.evidence(id, $0.id)) },
                formHref: Paths.validation(id) + "/modulo?oggetto=\(Paths.encode(scored.key.description))&scadenza=\(checkpoint)",
                current: scored.key.description == key)
        }
        let defaultValue = score.override.map { ItalianNumber.format($0.achievement, fractionDigits: 2) }
            ?? score.computed.map { ItalianNumber.format($0 * 100, fractionDigits: 2) } ?? ""
        return ValidationFormView(
            page: PageChrome(title: "Validazione \(key)", section: .validation, plan: snapshot.stored, context: context,
                             breadcrumbs: [.init(label: "Validazione OIV", href: Paths.validation(id, at: checkpoint))], notices: notices),
            title: title, subject: key, checkpoint: Display.checkpoint(checkpoint), checkpointValue: checkpoint.description,
            objectiveHref: Paths.objective(id, objective),
            computed: Display.achievement(score.computed), status: Display.statusBadge(score),
            validated: score.override.map { Display.achievement($0.achievement / 100) },
            validatedBy: score.override.map { [$0.by, $0.on.map { "il \($0.italian)" }].compactMap { $0 }.joined(separator: " ") },
            validatedReason: score.override?.reason,
            judgedValues: stored.flatMap { $0.stands ? JudgementText.judged($0) : nil },
            changedAfterValidation: stored.flatMap { judgement in
                judgement.stands ? nil : "La validazione del \(judgement.override.on?.italian ?? Display.moment(judgement.recordedAt)) " +
                    "(\(ItalianNumber.percentValue(judgement.override.achievement)), «\(judgement.override.reason)») non conta più: " +
                    "\(JudgementText.changes(judgement)). Vale il grado calcolato finché non si valida di nuovo."
            },
            seen: seen?.token ?? "",
            rowVersion: stored.map { String($0.rowVersion) } ?? "",
            hasOverride: stored != nil,
            indicators: indicators, mayValidate: mayValidate, action: Paths.validation(id),
            entered: entered ?? defaultValue, reason: reason.isEmpty ? (score.override?.reason ?? "") : reason, errors: errors)
    }
}
