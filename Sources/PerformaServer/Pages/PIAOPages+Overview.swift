import Foundation
import Hummingbird
import Performa
import PerformaStore

/// The struttura tecnica's forms of the PIAO's own parts: the scheda anagrafica and the PIAO's span and adoption,
/// the public-value objectives of 2.1, the objectives of 2.2 flagged with the DM's dimensions.
extension PIAOPages {
    private var planSubmission: PlanEditSubmission {
        PlanEditSubmission(app: app, capability: .editPlan, returnTo: Paths.piao)
    }

    // MARK: Scheda anagrafica and life

    func registryForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editPlan)
        let plan = snapshot.plan
        let registry = plan.piao?.registry
        let span = plan.piao?.span ?? plan.span
        let adoption = plan.piao?.acts?.first { $0.kind == .adoption }
        let fields: [EditForm.Field] = [
            .text("codice-fiscale", "Codice fiscale", registry?.fiscalCode ?? "", group: "Amministrazione: \(plan.organization.name)"),
            .text("codice-ipa", "Codice IPA", registry?.ipaCode ?? ""),
            .text("indirizzo", "Sede", registry?.address ?? ""),
            .text("pec", "PEC", registry?.pec ?? ""),
            .text("sito", "Sito istituzionale", registry?.website ?? ""),
            .text("dipendenti", "Dipendenti", registry?.employees.map(String.init) ?? "",
                  hint: "Se vuoto vale il personale dell'ente (\(plan.organization.staff.map { String($0.total) } ?? "non indicato")); sotto 50 il PIAO è semplificato."),
            .text("rappresentante", "Rappresentante legale", registry?.head ?? ""),
            .text("rpct", "Responsabile della prevenzione della corruzione e della trasparenza", registry?.rpct ?? ""),
            .text("dal", "Dal", String(span.from), group: "Periodo e adozione del PIAO"),
            .text("al", "Al", String(span.to)),
            .text("organo-adozione", "Organo che adotta", adoption?.body ?? "Giunta camerale"),
            .text("numero-adozione", "Numero della delibera di adozione", adoption?.number ?? ""),
            .text("data-adozione", "Data della delibera di adozione (GG/MM/AAAA)", adoption?.date?.italian ?? "", hint: "Vuota finché il PIAO non è adottato."),
        ]
        return EditFormView(heading: "Scheda anagrafica del PIAO", snapshot: snapshot, user: user, context: context, form: EditForm(fields: fields),
                            action: Paths.piaoRegistry(snapshot.id), intro: "La sezione 1 del PIAO (DM 132/2022) e la sua durata.",
                            cancelHref: Paths.piao(snapshot.id), section: .piao)
    }

    @Sendable func saveRegistry(_ request: Request, context: WebRequestContext) async throws -> Response {
        try await planSubmission.submit(request, context) { snapshot, input, problems throws(EditError) in
            let plan = snapshot.plan
            var registry = plan.piao?.registry ?? AdministrationRegistry()
            registry.fiscalCode = input.optional("codice-fiscale")?.uppercased()
            registry.ipaCode = input.optional("codice-ipa")
            registry.address = input.optional("indirizzo")
            registry.pec = input.optional("pec")
            registry.website = input.optional("sito")
            registry.employees = EditForm.integer(input, "dipendenti", "Dipendenti: scrivere un numero intero.", problems: &problems)
            registry.head = input.optional("rappresentante")
            registry.rpct = input.optional("rpct")
            let year = "scrivere l'anno, ad esempio \(plan.year)."
            let from = EditForm.integer(input, "dal", "Dal: \(year)", problems: &problems) ?? plan.span.from
            let to = EditForm.integer(input, "al", "Al: \(year)", problems: &problems) ?? plan.span.to
            var adoption: ApprovalAct?
            if let text = input.optional("data-adozione") {
                if let date = Day(parsing: text) {
                    adoption = ApprovalAct(kind: .adoption, body: input.optional("organo-adozione"), number: input.optional("numero-adozione"), date: date)
                } else {
                    problems.add(EditError(field: "data-adozione", message: "Scrivere la data della delibera come GG/MM/AAAA."))
                }
            }
            return try PIAOEdit.setRegistry(plan, PIAOEdit.RegistryFields(registry: registry, span: YearSpan(from: from, to: to), adoption: adoption))
        } form: { try await self.registryForm(request, context) }
    }

    // MARK: Public value (2.1)

    func publicValueForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editPlan)
        let objectives = snapshot.plan.piao?.publicValue ?? []
        let code = try context.parameters.require("code")
        let value = try existing(code, in: objectives, \.code, "L'obiettivo di valore pubblico")
        let keys = PlanIndex(snapshot.plan, measures: false).entries.map(\.key)
        var fields: [EditForm.Field] = [
            .text("codice", "Codice", value?.code ?? "VP\(objectives.count + 1)"),
            .textarea("titolo", "Obiettivo di valore pubblico", value?.title ?? ""),
            .textarea("impatto", "Impatto atteso", value?.outcome ?? ""),
            .text("portatori", "Portatori di interesse", (value?.stakeholders ?? []).joined(separator: "; "), hint: "Separati da punto e virgola."),
            .textarea("strategie", "Strategie", (value?.strategies ?? []).joined(separator: "\n"), hint: "Una per riga."),
            .text("obiettivi", "Obiettivi del piano che lo producono", (value?.objectives ?? []).joined(separator: ", "),
                  hint: "Chiavi separate da virgole, ad esempio \(keys.dropFirst().prefix(3).joined(separator: ", ")). Il raggiungimento è la media dei loro."),
        ]
        let indicators = value?.impactIndicators ?? []
        for n in 0..<(indicators.count + 2) {
            let indicator = n < indicators.count ? indicators[n] : nil
            fields += [
                .text("indicatore-\(n)", "Indicatore", indicator?.title ?? "", group: "Indicatore di impatto \(n + 1)"),
                .text("quadro-\(n)", "Quadro di riferimento", indicator?.framework ?? "", hint: n == 0 ? "Ad esempio BES 11.1 oppure SDG 8.3.1." : nil),
                .text("fonte-\(n)", "Fonte", indicator?.source ?? ""),
                .text("base-\(n)", "Valore di partenza", indicator?.baseline ?? ""),
                .text("atteso-\(n)", "Valore atteso", indicator?.target ?? ""),
            ]
        }
        return EditFormView(heading: value.map { "Valore pubblico \($0.code)" } ?? "Nuovo obiettivo di valore pubblico", snapshot: snapshot, user: user,
                            context: context, form: EditForm(fields: fields), action: Paths.piaoPublicValue(snapshot.id, code),
                            intro: "Gli indicatori di impatto si misurano fuori dall'ente (ISTAT, Agenda 2030): si riportano, non si valutano.",
                            cancelHref: Paths.piao(snapshot.id), deleteLabel: value == nil ? nil : "Elimina l'obiettivo", section: .piao)
    }

    @Sendable func savePublicValue(_ request: Request, context: WebRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        let existing = code == Self.newEntry ? nil : code
        return try await planSubmission.submit(request, context) { snapshot, input, _ throws(EditError) in
            if let existing, input.text("azione") == "elimina" { return try PIAOEdit.deletePublicValue(snapshot.plan, code: existing) }
            let indicators = input.rows("indicatore").compactMap { n -> ImpactIndicator? in
                guard let title = input.optional("indicatore-\(n)") else { return nil }
                return ImpactIndicator(title: title, framework: input.optional("quadro-\(n)"), source: input.optional("fonte-\(n)"),
                                       baseline: input.optional("base-\(n)"), target: input.optional("atteso-\(n)"))
            }
            let fields = PIAOEdit.PublicValueFields(title: input.text("titolo"), outcome: input.optional("impatto"), stakeholders: input.list("portatori"),
                                                    strategies: input.lines("strategie"), objectives: input.list("obiettivi"), impactIndicators: indicators)
            return try PIAOEdit.setPublicValue(snapshot.plan, code: existing, newCode: input.text("codice"), fields)
        } form: { try await self.publicValueForm(request, context) }
    }

    // MARK: Dimensions of 2.2

    func dimensionsForm(_ request: Request, _ context: WebRequestContext) async throws -> EditFormView {
        let (user, snapshot) = try await PlanEditSubmission.load(app, context, .editPlan)
        let flagged = snapshot.plan.piao?.dimensions ?? []
        let fields = PIAODimension.allCases.map { dimension in
            EditForm.Field.text("dimensione-\(dimension.rawValue)", "Obiettivi di \(dimension.italian)",
                                flagged.filter { $0.dimensions.contains(dimension) }.map(\.objective).joined(separator: ", "),
                                hint: "Chiavi degli obiettivi separate da virgole.")
        }
        return EditFormView(heading: "Obiettivi della sottosezione 2.2 per dimensione", snapshot: snapshot, user: user, context: context,
                            form: EditForm(fields: fields), action: Paths.piaoDimensions(snapshot.id),
                            intro: "Il DM 132/2022 chiede di indicare gli obiettivi di semplificazione, digitalizzazione, piena accessibilità e pari opportunità.",
                            cancelHref: Paths.piao(snapshot.id), section: .piao)
    }

    @Sendable func saveDimensions(_ request: Request, context: WebRequestContext) async throws -> Response {
        try await planSubmission.submit(request, context) { snapshot, input, _ throws(EditError) in
            var keys: [PIAODimension: [String]] = [:]
            for dimension in PIAODimension.allCases { keys[dimension] = input.list("dimensione-\(dimension.rawValue)") }
            return try PIAOEdit.setDimensions(snapshot.plan, keys)
        } form: { try await self.dimensionsForm(request, context) }
    }
}
