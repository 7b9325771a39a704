import Foundation
import Hummingbird
import Performa
import PerformaStore

/// The RPCT's forms of the 2.3 register: prevention measures, mapped processes, their risk events with the
/// assessment, the transparency obligations and the rating method. Each goes back to the register page.
extension PIAOPages {
    /// The code in the path of the forms that add a process or an event.
    static let newEntry = "nuovo"

    private var riskSubmission: PlanEditSubmission {
        PlanEditSubmission(app: app, capability: .editRiskRegister, returnTo: Paths.piaoRisks)
    }

    /// The organization's units to choose from, or none.
    func unitOptions(_ plan: Plan, selected: String?, none: String = "— nessuna —") -> [EditForm.Option] {
        [EditForm.Option(value: "", label: none, selected: selected == nil)]
            + (plan.organization.units ?? []).map { EditForm.Option(value: $0.id, label: $0.name, selected: $0.id == selected) }
    }

    /// The organization's managers to choose from, or none.
    func managerOptions(_ plan: Plan, selected: String?) -> [EditForm.Option] {
        [EditForm.Option(value: "", label: "— nessuno —", selected: selected == nil)]
            + plan.organization.managers.map { EditForm.Option(value: $0.id, label: $0.name, selected: $0.id == selected) }
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
        let measure = try existing(code, in: register.measures, \.code, "La misura")
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
            .select("responsabile", "Responsabile", managerOptions(plan, selected: measure?.owner)),
            .select("unita", "Unità organizzativa", unitOptions(plan, selected: measure?.unit)),
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
                            action: Paths.piaoMeasure(snapshot.id, code), intro: intro, cancelHref: Paths.piaoRisks(snapshot.id), section: .piao)
    }

    @Sendable func saveMeasure(_ request: Request, context: WebRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let existing = code == Self.newMeasure ? nil : code
        return try await riskSubmission.submit(request, context) { snapshot, input, problems throws(EditError) in
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

    // MARK: Processes

    func processForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editRiskRegister)
        let plan = snapshot.plan
        let processes = plan.piao?.risks?.processes ?? []
        let code = try context.parameters.require("code")
        let process = try existing(code, in: processes, \.code, "Il processo")
        var fields: [EditForm.Field] = []
        if process == nil {
            fields.append(.text("codice", "Codice del processo", String(format: "P%02d", processes.count + 1),
                                hint: "Gli eventi rischiosi del processo si codificano a partire da questo (P01.R1)."))
        }
        fields += [
            .textarea("titolo", "Processo", process?.title ?? ""),
            .select("area", "Area di rischio", RiskArea.allCases.map {
                EditForm.Option(value: $0.rawValue, label: $0.italian, selected: $0 == (process?.area ?? .other))
            }),
            .select("unita", "Unità organizzativa che lo svolge", unitOptions(plan, selected: process?.unit)),
            .textarea("descrizione", "Descrizione", process?.description ?? ""),
        ]
        let events = process.map { p in p.events.isEmpty ? "Il processo non ha ancora eventi rischiosi." : "Eventi rischiosi: " + p.events.map(\.code).joined(separator: ", ") + "." }
        return EditFormView(heading: process.map { "Processo \($0.code)" } ?? "Nuovo processo", snapshot: snapshot, user: user, context: context,
                            form: EditForm(fields: fields), action: Paths.piaoProcess(snapshot.id, code),
                            intro: events ?? "Il primo processo avvia il registro dei rischi se il piano non l'ha ancora.",
                            cancelHref: Paths.piaoRisks(snapshot.id), deleteLabel: process == nil ? nil : "Elimina il processo", section: .piao)
    }

    @Sendable func saveProcess(_ request: Request, context: WebRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let existing = code == Self.newEntry ? nil : code
        return try await riskSubmission.submit(request, context) { snapshot, input, _ throws(EditError) in
            if let existing, input.text("azione") == "elimina" { return try PIAOEdit.deleteProcess(snapshot.plan, code: existing) }
            let fields = PIAOEdit.ProcessFields(title: input.text("titolo"), area: RiskArea(rawValue: input.text("area")) ?? .other,
                                                unit: input.optional("unita"), description: input.optional("descrizione"))
            return try PIAOEdit.setProcess(snapshot.plan, code: existing, newCode: existing ?? input.text("codice"), fields)
        } form: { try await self.processForm(request, context) }
    }

    // MARK: Risk events

    func eventForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editRiskRegister)
        let register = snapshot.plan.piao?.risks
        let processCode = try context.parameters.require("code")
        guard let process = try existing(processCode, in: register?.processes ?? [], \.code, "Il processo") else {
            throw HTTPError(.notFound, message: "Il processo «\(processCode)» non esiste.")
        }
        let code = try context.parameters.require("event")
        let event = try existing(code, in: process.events, \.code, "L'evento")
        let assessment = event?.assessment
        var fields: [EditForm.Field] = []
        if event == nil {
            fields.append(.text("codice", "Codice dell'evento", "\(process.code).R\(process.events.count + 1)", hint: "Unico nel registro: le misure lo citano."))
        }
        fields += [
            .textarea("descrizione", "Evento rischioso", event?.description ?? ""),
            .textarea("fattori", "Fattori abilitanti", (event?.factors ?? []).joined(separator: "\n"), hint: "Uno per riga."),
        ]
        let method = register?.ratingMethod ?? .qualitative
        let group = "Valutazione del rischio (metodo \(method.italian))"
        if method == .qualitative {
            for (i, indicator) in ExposureIndicator.allCases.enumerated() {
                let level = assessment?.exposure?.first { $0.indicator == indicator }?.level
                fields.append(.select("esposizione-\(indicator.rawValue)", indicator.italian, levelOptions(level), group: i == 0 ? group : nil))
            }
        } else {
            fields.append(.text("probabilita", "Probabilità (da 1 a 5)", assessment?.probability.map(String.init) ?? "", group: group))
            fields.append(.text("impatto", "Impatto (da 1 a 5)", assessment?.impact.map(String.init) ?? ""))
        }
        fields.append(.select("giudizio", "Giudizio sintetico del RPCT", levelOptions(assessment?.rating, none: "— secondo il metodo —"),
                              hint: "Se indicato prevale sul calcolo e va motivato."))
        fields.append(.textarea("motivazione", "Motivazione", assessment?.motivation ?? ""))
        return EditFormView(heading: event.map { "Evento \($0.code)" } ?? "Nuovo evento rischioso del processo \(process.code)", snapshot: snapshot,
                            user: user, context: context, form: EditForm(fields: fields), action: Paths.piaoEvent(snapshot.id, process.code, code),
                            intro: "Processo \(process.code): \(process.title).", cancelHref: Paths.piaoRisks(snapshot.id),
                            deleteLabel: event == nil ? nil : "Elimina l'evento", section: .piao)
    }

    private func levelOptions(_ level: RiskLevel?, none: String = "— non valutato —") -> [EditForm.Option] {
        [EditForm.Option(value: "", label: none, selected: level == nil)]
            + RiskLevel.allCases.map { EditForm.Option(value: $0.rawValue, label: $0.italian, selected: $0 == level) }
    }

    @Sendable func saveEvent(_ request: Request, context: WebRequestContext) async throws -> Response {
        let process = try context.parameters.require("code")
        let code = try context.parameters.require("event")
        let existing = code == Self.newEntry ? nil : code
        return try await riskSubmission.submit(request, context) { snapshot, input, problems throws(EditError) in
            if let existing, input.text("azione") == "elimina" { return try PIAOEdit.deleteEvent(snapshot.plan, process: process, code: existing) }
            // The form shows the figures of the register's method only: those of the other method stay as they were,
            // so that switching methods back and forth loses nothing.
            let register = snapshot.plan.piao?.risks
            var assessment = register?.processes.first { $0.code == process }?.events.first { $0.code == existing }?.assessment ?? RiskAssessment()
            if register?.ratingMethod ?? .qualitative == .qualitative {
                let exposure = ExposureIndicator.allCases.compactMap { indicator in
                    RiskLevel(rawValue: input.text("esposizione-\(indicator.rawValue)")).map { ExposureRating(indicator: indicator, level: $0) }
                }
                assessment.exposure = exposure.isEmpty ? nil : exposure
            } else {
                let message = "Scrivere un numero intero da 1 a 5."
                assessment.probability = EditForm.integer(input, "probabilita", "Probabilità: \(message)", problems: &problems)
                assessment.impact = EditForm.integer(input, "impatto", "Impatto: \(message)", problems: &problems)
            }
            assessment.rating = RiskLevel(rawValue: input.text("giudizio"))
            assessment.motivation = input.optional("motivazione")
            let fields = PIAOEdit.EventFields(description: input.text("descrizione"), factors: input.lines("fattori"),
                                              assessment: assessment == RiskAssessment() ? nil : assessment)
            return try PIAOEdit.setEvent(snapshot.plan, process: process, code: existing, newCode: existing ?? input.text("codice"), fields)
        } form: { try await self.eventForm(request, context) }
    }

    // MARK: Transparency obligations and method

    /// The rating method and the obligations table, one row per obligation and three empty rows to add more.
    func transparencyForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editRiskRegister)
        let plan = snapshot.plan
        let register = plan.piao?.risks
        let rows = register?.transparency ?? []
        var fields: [EditForm.Field] = [
            .select("metodo", "Metodo di valutazione del rischio", [RiskMethod.qualitative, .numeric].map {
                EditForm.Option(value: $0.rawValue, label: $0.italian, selected: $0 == register?.ratingMethod ?? .qualitative)
            }, hint: "Cambiando metodo, le valutazioni già registrate restano: si completano evento per evento."),
        ]
        for n in 0..<(rows.count + 3) {
            let row = n < rows.count ? rows[n] : nil
            fields += [
                .text("sezione-\(n)", "Sezione di Amministrazione Trasparente", row?.section ?? "", group: "Obbligo \(n + 1)"),
                .text("sottosezione-\(n)", "Sottosezione", row?.subsection ?? ""),
                .textarea("contenuto-\(n)", "Contenuto", row?.content ?? ""),
                .text("riferimento-\(n)", "Riferimento normativo", row?.reference ?? "", hint: n == 0 ? "Ad esempio: art. 37 D.Lgs. 33/2013." : nil),
                .select("ufficio-\(n)", "Ufficio responsabile", unitOptions(plan, selected: row?.office)),
                .select("aggiornamento-\(n)", "Aggiornamento", TransparencyObligation.UpdateFrequency.allCases.map {
                    EditForm.Option(value: $0.rawValue, label: $0.italian, selected: $0 == (row?.update ?? .timely))
                }),
            ]
        }
        return EditFormView(heading: "Obblighi di pubblicazione e metodo", snapshot: snapshot, user: user, context: context,
                            form: EditForm(fields: fields), action: Paths.piaoTransparency(snapshot.id),
                            intro: "Un obbligo per riquadro; i riquadri senza sezione né contenuto non si salvano.",
                            cancelHref: Paths.piaoRisks(snapshot.id), section: .piao)
    }

    @Sendable func saveTransparency(_ request: Request, context: WebRequestContext) async throws -> Response {
        try await riskSubmission.submit(request, context) { snapshot, input, _ throws(EditError) in
            let stored = snapshot.plan.piao?.risks?.transparency ?? []
            var rows: [TransparencyObligation] = []
            for n in input.rows("sezione") {
                let section = input.text("sezione-\(n)"), content = input.text("contenuto-\(n)")
                if section.isEmpty, content.isEmpty, input.text("sottosezione-\(n)").isEmpty, input.text("riferimento-\(n)").isEmpty { continue }
                var row = TransparencyObligation(section: section, content: content,
                                                 update: .init(rawValue: input.text("aggiornamento-\(n)")) ?? .timely)
                row.subsection = input.optional("sottosezione-\(n)")
                row.reference = input.optional("riferimento-\(n)")
                row.office = input.optional("ufficio-\(n)")
                // Box n of the form shows stored line n: keep the publication owner the plan file set for it.
                row.owner = n < stored.count ? stored[n].owner : nil
                rows.append(row)
            }
            return try PIAOEdit.setTransparency(snapshot.plan, method: RiskMethod(rawValue: input.text("metodo")) ?? .qualitative, rows: rows)
        } form: { try await self.transparencyForm(request, context) }
    }

    /// The element `code` of `list`, nil for the code of a new one; 404 when there is no such element.
    func existing<Element>(_ code: String, in list: [Element], _ key: KeyPath<Element, String>, _ what: String) throws -> Element? {
        guard code != Self.newEntry, code != Self.newMeasure else { return nil }
        guard let found = list.first(where: { $0[keyPath: key] == code }) else { throw HTTPError(.notFound, message: "\(what) «\(code)» non esiste.") }
        return found
    }
}
