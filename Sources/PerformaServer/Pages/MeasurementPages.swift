import Foundation
import Hummingbird
import Performa
import PerformaStore

/// Rilevazioni: the list of indicators to measure at a checkpoint with the state of its collection, the form
/// that records a value (with note and evidence), the campaign controls of the struttura tecnica, and the
/// download of evidence documents.
struct MeasurementPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/rilevazioni", use: list)
        router.get("/piani/:plan/obiettivi/:objective/indicatori/:number/rilevazioni/:checkpoint", use: form)
        router.post("/piani/:plan/obiettivi/:objective/indicatori/:number/rilevazioni/:checkpoint", use: record)
        router.get("/piani/:plan/campagne/:checkpoint/chiusura", use: confirmClosing)
        router.post("/piani/:plan/campagne/:checkpoint", use: changeCampaign)
        router.get("/piani/:plan/evidenze/:evidence", use: evidence)
    }

    // MARK: List

    /// Indicators with a target at the checkpoint: the user's own first (managers see only theirs unless `?tutti=1`).
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let query = request.uri.queryParameters
        let checkpoint = snapshot.checkpoint(scadenza: query.get("scadenza"), anno: query.get("anno"), periodo: query.get("periodo"))
        let campaigns = try await app.store.campaigns(user.context, planID: snapshot.id)
        let access = MeasurementAccess(user: user, snapshot: snapshot, campaigns: campaigns)
        let onlyMine = user.role == .manager && query.get("tutti") != "1"
        let card = snapshot.scorecard(at: checkpoint)
        let id = snapshot.id
        let rows: [MeasurementListView.Row] = card.indicators.compactMap { scored in
            guard let target = scored.target, target.kind.isApplicable else { return nil }
            if onlyMine && !access.mayWrite(objective: scored.key.objective) { return nil }
            let writable = access.mayEnter(objective: scored.key.objective, at: checkpoint)
            return MeasurementListView.Row(
                objective: scored.key.objective, objectiveHref: Paths.objective(id, scored.key.objective), number: String(scored.key.number),
                title: scored.title, target: target.text, value: scored.measurement?.text ?? "—",
                line: ScoreLine(code: scored.key.description, title: scored.title, weight: scored.weight, score: scored.score, cap: card.policy.cap),
                formHref: Paths.measurementForm(id, scored.key, checkpoint),
                formLabel: writable ? (scored.measurement == nil ? "Inserisci" : "Aggiorna") : "Storico")
        }
        let view = MeasurementListView(
            page: PageChrome(title: "Rilevazioni", section: .measurements, plan: snapshot.stored, context: context, notices: Outcomes.notices(query.get("esito"))),
            filter: CheckpointFilter(snapshot: snapshot, selected: checkpoint, action: Paths.measurements(id)),
            checkpoint: Display.checkpoint(checkpoint),
            campaigns: campaigns.sorted { $0.checkpoint < $1.checkpoint }.map { campaign in
                MeasurementListView.CampaignRow(
                    checkpoint: Display.checkpoint(campaign.checkpoint), state: campaign.state.italian, open: campaign.acceptsMeasurements,
                    detail: Self.detail(campaign),
                    action: Paths.campaign(id, campaign.checkpoint), closeHref: Paths.campaign(id, campaign.checkpoint) + "/chiusura",
                    rowVersion: String(campaign.rowVersion),
                    canManage: user.role.may(.manageCampaigns),
                    schedule: campaign.schedule.map { schedule in
                        "apertura \(schedule.opensOn.italian), chiusura prevista \(schedule.closesOn.italian), promemoria \(schedule.reminderDays) giorni prima"
                    },
                    overdue: campaign.schedule.flatMap { schedule in
                        campaign.acceptsMeasurements && schedule.closesOn < Display.today()
                            ? "La chiusura prevista (\(schedule.closesOn.italian)) è passata: la rilevazione resta aperta finché la struttura tecnica non la chiude." : nil
                    },
                    // Unscheduled: proposed from the day after the checkpoint for a month.
                    opensOn: (campaign.schedule?.opensOn ?? campaign.checkpoint.adding(days: 1)).description,
                    closesOn: (campaign.schedule?.closesOn ?? campaign.checkpoint.adding(days: 31)).description,
                    reminderDays: String(campaign.schedule?.reminderDays ?? 7))
            },
            rows: rows, onlyMine: onlyMine, isManager: user.role == .manager,
            allHref: Paths.measurements(id, at: checkpoint) + "&tutti=1", mineHref: Paths.measurements(id, at: checkpoint),
            readOnly: !user.role.may(.enterMeasurements))
        return try app.pages.page("rilevazioni", view)
    }

    /// The reason and time of a campaign's last change, or nil when it never changed.
    static func detail(_ campaign: Campaign) -> String? {
        let parts = [campaign.reason.map { "motivo: \($0)" }, campaign.changedAt.map { "modificata il \(Display.moment($0))" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    // MARK: Form

    /// The form for one indicator at one checkpoint, with its history and documents.
    @Sendable func form(_ request: Request, context: WebRequestContext) async throws -> Response {
        let slot = try await Slot.load(app, request: request, context: context)
        return try app.pages.page("rilevazione", try await slot.view(app, context: context, notices: Outcomes.notices(request.uri.queryParameters.get("esito"))))
    }

    /// Records a value. Everything is checked before anything is written, and every problem is shown at once: the
    /// value against the indicator's target, the chosen document (size and type, by the store's own policy), and
    /// the revision the form was built from. A refused form keeps what was typed; the chosen document is never
    /// dropped silently: the page either says it must be chosen again (nothing was stored) or, when the store
    /// refused the value after storing the document, that the document is kept and will go with the next save.
    @Sendable func record(_ request: Request, context: WebRequestContext) async throws -> Response {
        let slot = try await Slot.load(app, request: request, context: context)
        let input = try await FormInput.read(request, context: context)
        let user = slot.user
        if let refusal = slot.access.refusal(objective: slot.key.objective, at: slot.checkpoint) {
            throw HTTPError(.forbidden, message: refusal)
        }
        let text = input.text("valore")
        let note = input.optional("nota")
        let expected = Int(input.text("revisione"))
        let file = input.file("evidenza")
        // A document stored by an earlier, refused submission of this form (see below), if it is really there.
        let keptName = input.optional("evidenza-caricata")
        let stored = try await app.store.evidenceFiles(user.context, planID: slot.snapshot.id, indicator: slot.key, at: slot.checkpoint)
        let kept = keptName.flatMap { name in stored.contains { $0.fileName == name } ? name : nil }
        func refused(_ errors: MeasurementFormView.Errors, status: HTTPResponse.Status, kept: String?) async throws -> Response {
            try app.pages.page("rilevazione", try await slot.view(app, context: context, entered: text, note: note ?? "", errors: errors, keptEvidence: kept),
                               status: status)
        }

        var errors = MeasurementFormView.Errors()
        errors.value = MeasurementCheck.problem(text, target: slot.target?.target)
        if let file {
            let policy = (app.store as? SQLStore)?.evidencePolicy ?? .standard
            do {
                _ = try policy.check(EvidenceUpload(fileName: file.fileName, contentType: file.contentType, data: file.data))
            } catch {
                errors.evidence = "\(error.description) Scegliere un altro file."
            }
        }
        let latest = try await app.store.measurementHistory(user.context, planID: slot.snapshot.id, indicator: slot.key, at: slot.checkpoint).last?.revision ?? 0
        if let expected, expected != latest {
            errors.general = StoreError.staleWrite(subject: "la rilevazione \(slot.key) al \(Display.checkpoint(slot.checkpoint))", expected: expected, current: latest).description
        }
        if errors.any {
            if let file, errors.evidence == nil {
                errors.evidence = "Il file scelto «\(file.fileName)» non è stato caricato, perché il modulo contiene errori: il file scelto va selezionato di nuovo."
            }
            return try await refused(errors, status: errors.general != nil ? .conflict : .unprocessableContent, kept: kept)
        }

        var evidenceNames = kept.map { [$0] }
        if let file {
            do {
                let saved = try await app.store.attachEvidence(user.context, planID: slot.snapshot.id, indicator: slot.key, at: slot.checkpoint,
                                                               EvidenceUpload(fileName: file.fileName, contentType: file.contentType, data: file.data))
                evidenceNames = [saved.fileName]
            } catch let error as StoreError {
                if case .evidenceRejected(let message) = error { errors.evidence = "\(message) Scegliere un altro file." } else { errors.general = error.description }
                return try await refused(errors, status: .unprocessableContent, kept: kept)
            }
        }
        do {
            _ = try await app.store.recordMeasurement(user.context, planID: slot.snapshot.id,
                                                      MeasurementEntry(indicator: slot.key, at: slot.checkpoint, text: text, note: note, evidence: evidenceNames),
                                                      expectedRevision: expected)
        } catch let error as StoreError {
            errors.general = error.description
            // The document is stored already (the store refused only the value): say so, and carry it to the next save.
            let keep = evidenceNames?.first
            if let keep, file != nil {
                errors.evidence = "Il documento «\(keep)» è stato caricato tra i documenti di questa scadenza e sarà collegato al valore quando lo salverà: non occorre selezionarlo di nuovo."
            }
            let status: HTTPResponse.Status = { if case .staleWrite = error { return .conflict }; return .unprocessableContent }()
            return try await refused(errors, status: status, kept: keep)
        }
        context.logger.info("rilevazione registrata", metadata: ["indicatore": "\(slot.key)", "scadenza": "\(slot.checkpoint)", "utente": "\(user.user.username)"])
        return .seeOther(Paths.measurementForm(slot.snapshot.id, slot.key, slot.checkpoint) + "?esito=\(Outcomes.measurementSaved.rawValue)")
    }

    // MARK: Campaigns

    /// The step before closing a collection: what closing means and how many indicators still have no value, with
    /// the button that closes it and a way back. A page of its own, so that the confirmation needs no script.
    @Sendable func confirmClosing(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.manageCampaigns)
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        guard let checkpoint = Day(parsing: try context.parameters.require("checkpoint")), snapshot.checkpoints.contains(checkpoint) else {
            throw HTTPError(.notFound, message: "Scadenza non valida.")
        }
        let campaign = try await app.store.campaigns(user.context, planID: snapshot.id).first { $0.checkpoint == checkpoint }
        let card = snapshot.scorecard(at: checkpoint)
        let expected = card.indicators.filter { $0.target?.kind.isApplicable == true }
        let missing = expected.filter { $0.measurement == nil }.count
        let back = Paths.measurements(snapshot.id, at: checkpoint)
        let view = CampaignClosingView(
            page: PageChrome(title: "Chiusura della rilevazione al \(Display.checkpoint(checkpoint))", section: .measurements, plan: snapshot.stored,
                             context: context, breadcrumbs: [.init(label: "Rilevazioni", href: back)]),
            checkpoint: Display.checkpoint(checkpoint),
            alreadyClosed: campaign?.acceptsMeasurements == false,
            missing: missing == 0 ? "Tutti i \(expected.count) indicatori con un target a questa scadenza hanno un valore."
                : "\(missing) dei \(expected.count) indicatori con un target a questa scadenza non hanno ancora un valore: dopo la chiusura resteranno senza.",
            action: Paths.campaign(snapshot.id, checkpoint), rowVersion: String(campaign?.rowVersion ?? 0), cancelHref: back)
        return try app.pages.page("rilevazione-chiusura", view)
    }

    /// Closes or reopens (with a reason) the collection at a checkpoint.
    @Sendable func changeCampaign(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.manageCampaigns)
        let planID = try context.parameters.require("plan")
        guard let checkpoint = Day(parsing: try context.parameters.require("checkpoint")) else {
            throw HTTPError(.notFound, message: "Scadenza non valida.")
        }
        let input = try await FormInput.read(request, context: context)
        let state: CampaignState
        switch input.text("azione") {
        case "pianifica": return try await schedule(input, user: user, planID: planID, checkpoint: checkpoint)
        case "chiudi": state = .closed
        case "riapri": state = .reopened
        default: throw HTTPError(.badRequest, message: "Azione sulla rilevazione non riconosciuta.")
        }
        let reason = input.optional("motivo")
        if state == .reopened && reason == nil {
            throw HTTPError(.unprocessableContent, message: "Per riaprire la rilevazione al \(Display.checkpoint(checkpoint)) indicare il motivo. Nulla è stato modificato.")
        }
        _ = try await app.store.changeCampaign(user.context, planID: planID, checkpoint: checkpoint, to: state, reason: reason,
                                               expectedRowVersion: Int(input.text("versione")) ?? 0)
        let outcome = state == .closed ? Outcomes.campaignClosed : .campaignReopened
        return .seeOther(Paths.measurements(planID, at: checkpoint) + "&esito=\(outcome.rawValue)")
    }

    /// Sets the opening and planned closing of a collection and the reminder's notice, then enqueues the notices
    /// already due (an opening set for today is announced at once).
    private func schedule(_ input: FormInput, user: SignedInUser, planID: String, checkpoint: Day) async throws -> Response {
        func day(_ field: String, _ label: String) throws -> Day {
            guard let day = Day(parsing: input.text(field)) else {
                throw HTTPError(.unprocessableContent, message: "Data di \(label) non valida: «\(input.text(field))». Scrivere la data come 15/01/2022. Nulla è stato modificato.")
            }
            return day
        }
        guard let reminderDays = Int(input.text("preavviso")) else {
            throw HTTPError(.unprocessableContent, message: "Giorni di preavviso del promemoria non validi: «\(input.text("preavviso"))». Nulla è stato modificato.")
        }
        let schedule = CampaignSchedule(opensOn: try day("apertura", "apertura"), closesOn: try day("chiusura", "chiusura prevista"), reminderDays: reminderDays)
        if let problem = schedule.problem { throw HTTPError(.unprocessableContent, message: "\(problem) Nulla è stato modificato.") }
        _ = try await app.store.scheduleCampaign(user.context, planID: planID, checkpoint: checkpoint, schedule,
                                                 expectedRowVersion: Int(input.text("versione")) ?? 0)
        _ = try? await app.notifier.campaignNotices(user.context.organization, today: Display.today())
        return .seeOther(Paths.measurements(planID, at: checkpoint) + "&esito=\(Outcomes.campaignScheduled.rawValue)")
    }

    // MARK: Evidence

    /// A document attached as evidence, as a download.
    @Sendable func evidence(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let (file, data) = try await app.store.evidenceContent(user.context, id: try context.parameters.require("evidence"))
        guard file.planID == (try context.parameters.require("plan")) else {
            throw HTTPError(.notFound, message: "Documento non trovato in questo piano.")
        }
        let asciiName = String(file.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        return Response(status: .ok, headers: [
            .contentType: file.contentType,
            .contentDisposition: "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(Paths.encode(file.fileName))",
            .contentSecurityPolicy: "default-src 'none'; sandbox",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// One indicator at one checkpoint, as the form pages see it.
private struct Slot {
    let user: SignedInUser
    let snapshot: PlanSnapshot
    let key: IndicatorKey
    let indicator: Indicator
    let checkpoint: Day
    let target: IndicatorTarget?
    let access: MeasurementAccess

    static func load(_ app: WebApp, request: Request, context: WebRequestContext) async throws -> Slot {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let objective = try context.parameters.require("objective")
        guard let number = Int(try context.parameters.require("number")),
              let indicator = PlanIndex(snapshot.plan).indicator(IndicatorKey(objective: objective, number: number)) else {
            throw HTTPError(.notFound, message: "Indicatore non trovato nell'obiettivo «\(objective)».")
        }
        guard let checkpoint = Day(parsing: try context.parameters.require("checkpoint")) else {
            throw HTTPError(.notFound, message: "Scadenza non valida.")
        }
        guard snapshot.checkpoints.contains(checkpoint) else {
            throw HTTPError(.notFound, message: "Il piano non prevede rilevazioni al \(checkpoint.italian).")
        }
        let access = try await MeasurementAccess.load(app.store, user, snapshot)
        return Slot(user: user, snapshot: snapshot, key: IndicatorKey(objective: objective, number: number), indicator: indicator,
                    checkpoint: checkpoint, target: indicator.target(at: checkpoint), access: access)
    }

    func view(_ app: WebApp, context: WebRequestContext, entered: String = "", note: String = "", errors: MeasurementFormView.Errors = .init(),
              keptEvidence: String? = nil, notices: [Notice] = []) async throws -> MeasurementFormView {
        let history = try await app.store.measurementHistory(user.context, planID: snapshot.id, indicator: key, at: checkpoint)
        let files = try await app.store.evidenceFiles(user.context, planID: snapshot.id, indicator: key, at: checkpoint)
        // Names of the people in the history; a role that may not list users sees their ids.
        let names = Dictionary(((try? await app.store.users(user.context)) ?? []).map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let card = snapshot.scorecard(at: checkpoint)
        let scored = card.indicator(key)
        let id = snapshot.id
        let refusal = target?.target.kind.isApplicable == false
            ? "L'indicatore non ha un target al \(Display.checkpoint(checkpoint)): nessun valore da rilevare."
            : (target == nil ? "L'indicatore non ha un target al \(Display.checkpoint(checkpoint))." : access.refusal(objective: key.objective, at: checkpoint))
        let campaign = access.campaigns[checkpoint]
        return MeasurementFormView(
            page: PageChrome(title: "Rilevazione \(key) al \(Display.checkpoint(checkpoint))", section: .measurements, plan: snapshot.stored, context: context,
                             breadcrumbs: [.init(label: "Rilevazioni", href: Paths.measurements(id, at: checkpoint)),
                                           .init(label: "Obiettivo \(key.objective)", href: Paths.objective(id, key.objective))],
                             notices: notices),
            objective: key.objective, objectiveHref: Paths.objective(id, key.objective), number: String(key.number), title: indicator.title,
            checkpoint: Display.checkpoint(checkpoint), target: target?.target.text ?? "—", kind: target?.target.kind.shapeName ?? "—",
            hint: target.map { "Atteso: \($0.target.kind.valueHint)." } ?? "",
            baseline: indicator.baseline?.text ?? "—", weight: Display.weight(indicator.weight(at: checkpoint)),
            evidenceRequired: indicator.evidence,
            current: scored.map { ScoreLine(code: key.description, title: indicator.title, weight: $0.weight, score: $0.score, cap: card.policy.cap) },
            currentValue: scored?.measurement?.text ?? "nessun valore",
            campaignState: campaign?.state.italian ?? CampaignState.open.italian,
            refusal: refusal, canEnter: refusal == nil,
            action: Paths.measurementForm(id, key, checkpoint),
            revision: String(history.last?.revision ?? 0),
            entered: entered, note: note, errors: errors, errorSummary: errors.summary, keptEvidence: keptEvidence,
            history: history.reversed().map { entry in
                MeasurementFormView.HistoryRow(revision: String(entry.revision), value: entry.text, note: entry.note ?? "",
                                               author: names[entry.author] ?? entry.author,
                                               recordedBy: names[entry.recordedBy] ?? entry.recordedBy,
                                               at: entry.statedAt ?? Display.moment(entry.recordedAt),
                                               evidence: (entry.evidence ?? []).joined(separator: ", "),
                                               illustrative: entry.illustrative)
            },
            files: files.map { MeasurementFormView.FileRow(name: $0.fileName, href: Paths.evidence(id, $0.id),
                                                           detail: "\(ItalianNumber.format(Double($0.size) / 1024, fractionDigits: 1)) kB · \(Display.moment($0.uploadedAt))") },
            judgementWarning: JudgementWarning.beforeSaving(try await app.store.overrides(user.context, planID: id), indicator: key, at: checkpoint))
    }
}
