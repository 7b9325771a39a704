/// P-SECTION, P-LINK, P-MEASURE, P-RISK — the PIAO a plan belongs to (DM 132/2022), checked only when the plan
/// has one (a Piano della Performance before 2022 has none).
///
/// Catches: a section the PIAO's kind requires that is empty (ordinary, or simplified under 50 employees:
/// `PIAOKind.dueSections`); a public-value objective, a flagged dimension or a measure naming an objective the
/// plan does not have, a measure treating a risk event the register does not have, a unit or manager unknown to
/// the organization; a measure with neither indicators nor an objective it is, or with both; a risk event no
/// measure treats, or without an assessment; a simplified PIAO mapping areas beyond the statutory ones (info).
///
/// Why an OIV and the RPCT care: the PIAO is filed as a whole; a missing section is a missing obligation, and a
/// risk with no measure or a measure with nothing to monitor it is exactly what ANAC's monitoring looks for.
struct PIAOCheck: PlanCheck {
    static let codes = ["P-SECTION", "P-LINK", "P-MEASURE", "P-RISK"]

    func run(_ context: ValidationContext) -> [Diagnostic] {
        let plan = context.plan
        guard let piao = plan.piao else { return [] }
        var found: [Diagnostic] = []
        let kind = PIAOKind(plan)
        for section in kind.dueSections where !section.isFilled(in: plan) {
            found.append(Diagnostic(code: "P-SECTION", severity: .error, location: "piao:\(section.number)",
                                    message: "Manca la sezione \(section.heading), richiesta dal PIAO \(kind.italian)."))
        }
        let objectives = Set(context.index.entries.filter { $0.level != .measure }.map(\.key))
        let units = Set((plan.organization.units ?? []).map(\.id))
        let managers = Set(plan.organization.managers.map(\.id))
        func link(_ location: String, _ what: String, _ key: String?, in known: Set<String>) {
            guard let key, !known.contains(key) else { return }
            found.append(Diagnostic(code: "P-LINK", severity: .error, location: location, message: "\(what) «\(key)» non esiste nel piano."))
        }
        for value in piao.publicValue ?? [] {
            for key in value.objectives { link("piao:2.1:\(value.code)", "L'obiettivo di valore pubblico \(value.code) è collegato all'obiettivo", key, in: objectives) }
            if value.objectives.isEmpty {
                found.append(Diagnostic(code: "P-LINK", severity: .warning, location: "piao:2.1:\(value.code)",
                                        message: "L'obiettivo di valore pubblico \(value.code) non è collegato a nessun obiettivo del piano: il suo grado di raggiungimento non si può calcolare."))
            }
        }
        for flagged in piao.dimensions ?? [] { link("piao:2.2", "L'obiettivo segnalato per le dimensioni del PIAO", flagged.objective, in: objectives) }
        guard let risks = piao.risks else { return found }
        let events = risks.processes.flatMap(\.events)
        let eventCodes = Set(events.map(\.code))
        for process in risks.processes {
            link("piao:2.3:\(process.code)", "L'unità organizzativa del processo \(process.code)", process.unit, in: units)
            if process.events.isEmpty {
                found.append(Diagnostic(code: "P-RISK", severity: .warning, location: "piao:2.3:\(process.code)",
                                        message: "Il processo \(process.code) è mappato senza eventi rischiosi."))
            }
            if kind == .simplified, !process.area.isStatutory, process.area != .other {
                found.append(Diagnostic(code: "P-RISK", severity: .info, location: "piao:2.3:\(process.code)",
                                        message: "PIAO semplificato: l'area «\(process.area.italian)» del processo \(process.code) va oltre quelle richieste dall'art. 6 del DM 132/2022."))
            }
        }
        let treated = Set(risks.measures.flatMap { $0.risks ?? [] })
        for event in events {
            if !treated.contains(event.code) {
                found.append(Diagnostic(code: "P-RISK", severity: .warning, location: "piao:2.3:\(event.code)",
                                        message: "L'evento rischioso \(event.code) non è trattato da nessuna misura di prevenzione."))
            }
            if event.assessment?.level(by: risks.ratingMethod) == nil {
                found.append(Diagnostic(code: "P-RISK", severity: .warning, location: "piao:2.3:\(event.code)",
                                        message: "L'evento rischioso \(event.code) non ha una valutazione del rischio secondo il metodo \(risks.ratingMethod.italian)."))
            }
        }
        for measure in risks.measures {
            let location = measure.key
            for risk in measure.risks ?? [] { link(location, "La misura \(measure.key) tratta l'evento rischioso", risk, in: eventCodes) }
            link(location, "Il responsabile della misura \(measure.key)", measure.owner, in: managers)
            link(location, "L'unità organizzativa della misura \(measure.key)", measure.unit, in: units)
            link(location, "La misura \(measure.key) coincide con l'obiettivo", measure.objective, in: objectives)
            let ownIndicators = !(measure.indicators ?? []).isEmpty
            if ownIndicators == (measure.objective != nil) {
                found.append(Diagnostic(code: "P-MEASURE", severity: .error, location: location,
                                        message: ownIndicators
                                            ? "La misura \(measure.key) ha indicatori propri ed è anche l'obiettivo \(measure.objective ?? ""): si monitora in un solo modo."
                                            : "La misura \(measure.key) non ha indicatori né un obiettivo del piano con cui coincide: non si può monitorare."))
            }
            if measure.owner == nil {
                found.append(Diagnostic(code: "P-MEASURE", severity: .warning, location: location,
                                        message: "La misura \(measure.key) non ha un responsabile."))
            }
        }
        for (n, obligation) in (risks.transparency ?? []).enumerated() {
            link("piao:2.3:trasparenza:\(n + 1)", "L'ufficio responsabile dell'obbligo di pubblicazione «\(obligation.content)»", obligation.office, in: units)
            link("piao:2.3:trasparenza:\(n + 1)", "Il responsabile della pubblicazione «\(obligation.content)»", obligation.owner, in: managers)
        }
        return found
    }
}
