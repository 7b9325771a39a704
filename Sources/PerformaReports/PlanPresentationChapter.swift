import Performa

/// Chapter 1 of the Piano, *Presentazione dell'ente*: mission, organs with their members, organizational
/// structure, staff, sites, the budget with its facts, and the participations.
struct PlanPresentationChapter {
    let plan: Plan

    private var organization: Organization { plan.organization }
    private func section(_ key: String) -> NarrativeSection? { plan.sections?.first { $0.key == key } }

    func write(to body: inout HTMLWriter) {
        body.section(2, "1. Presentazione dell'ente", id: "presentazione", className: "chapter") { w in
            w.section(3, "1.1 Mission e principali attività", id: "mission") { w in
                if let nature = organization.legalNature { w.labelled("Natura giuridica:", nature) }
                if let text = section("mission") { w.narrative(text.text) }
            }
            w.section(3, "1.2 Organizzazione e personale", id: "organizzazione") { w in
                w.section(4, "1.2.1 Gli Organi", id: "organi") { writeOrgans(&$0) }
                w.section(4, "1.2.2 La struttura organizzativa", id: "struttura") { writeStructure(&$0) }
                w.section(4, "1.2.3 Risorse umane", id: "risorse-umane") { writeStaff(&$0) }
                w.section(4, "1.2.4 Articolazione territoriale", id: "articolazione-territoriale") { writeSites(&$0) }
            }
            w.section(3, "1.3 Il Bilancio e le risorse economiche e finanziarie", id: "bilancio-risorse") { w in
                w.section(4, "1.3.1 Il Bilancio", id: "bilancio") { writeBudget(&$0) }
                w.section(4, "1.3.2 Le partecipazioni", id: "partecipazioni") { writeParticipations(&$0) }
            }
        }
    }

    private func writeOrgans(_ w: inout HTMLWriter) {
        if let text = section("organi") { w.narrative(text.text) }
        for organ in organization.organs ?? [] {
            w.section(5, organ.name, id: HTMLWriter.anchor("organo-", organ.id), inOutline: false) { w in
                if let description = organ.description { w.paragraph(description) }
                if let size = organ.size { w.labelled("Componenti previsti:", DocumentText.count(size)) }
                if let members = organ.members, !members.isEmpty {
                    w.table(HTMLTable(
                        caption: "Composizione – \(organ.name)",
                        columns: [.init("Componente"), .init("Ruolo"), .init("Settore"), .init("Note")],
                        rows: members.map { .init([.header($0.name), .text($0.role ?? ""), .text($0.sector ?? ""), .text($0.note ?? "")]) }
                    ))
                }
                if let note = organ.note { w.paragraph(note, className: "small") }
            }
        }
    }

    private func writeStructure(_ w: inout HTMLWriter) {
        if let text = section("struttura") { w.narrative(text.text) }
        let units = organization.units ?? []
        if !units.isEmpty {
            w.heading(5, "Organigramma", id: "organigramma", inOutline: false)
            w.raw(unitTree(parent: nil, units: units))
        }
        if !organization.managers.isEmpty {
            w.table(HTMLTable(
                caption: "Dirigenti",
                columns: [.init("Dirigente"), .init("Incarichi"), .init("Strutture dirette")],
                rows: organization.managers.map { manager in
                    let unitNames = (manager.units ?? []).map { id in units.first { $0.id == id }?.name ?? id }
                    let agency = manager.agency.flatMap { id in organization.specialAgencies?.first { $0.id == id }?.name }
                    return .init([.header(DocumentText.managerName(manager)), .text(manager.roles.joined(separator: "; ")),
                                  .text((unitNames + [agency].compactMap { $0 }).joined(separator: "; "))])
                }
            ))
        }
    }

    /// The units as a nested list, each with its kind and head; units whose parent is unknown sit at the top.
    private func unitTree(parent: String?, units: [OrgUnit]) -> String {
        let known = Set(units.map(\.id))
        let children = units.filter { unit in
            parent == nil ? (unit.parent == nil || !known.contains(unit.parent ?? "")) : unit.parent == parent
        }
        guard !children.isEmpty else { return "" }
        var out = "<ul class=\"organigramma\">"
        for unit in children {
            var label = "<strong>\(XMLText.escape(unit.name))</strong> <span class=\"small\">(\(XMLText.escape(unit.kind.italian)))</span>"
            if let head = unit.head, let manager = organization.managers.first(where: { $0.id == head }) {
                label += " – \(XMLText.escape(DocumentText.managerName(manager)))"
            }
            out += "<li>\(label)\(unitTree(parent: unit.id, units: units))</li>"
        }
        return out + "</ul>"
    }

    private func writeStaff(_ w: inout HTMLWriter) {
        if let text = section("risorse-umane") { w.narrative(text.text) }
        guard let staff = organization.staff else { return }
        let sum = staff.byCategory.reduce(0) { $0 + $1.count }
        var footer = [HTMLTable.Row([.header("Totale"), .text(DocumentText.count(staff.total))])]
        if sum != staff.total {
            footer.append(.init([.header("Somma delle categorie"), .text(DocumentText.count(sum))]))
        }
        w.table(HTMLTable(
            caption: "Personale in servizio al \(staff.asOf.italian) per categoria",
            columns: [.init("Categoria"), .init("Dipendenti", numeric: true)],
            rows: staff.byCategory.map { .init([.header($0.category), .text(DocumentText.count($0.count))]) },
            footer: footer
        ))
        let contracts: [(String, Int?)] = [("Tempo indeterminato", staff.permanent), ("Tempo determinato", staff.fixedTerm), ("Part time", staff.partTime)]
        let known = contracts.compactMap { label, value in value.map { (label, $0) } }
        if !known.isEmpty {
            w.table(HTMLTable(
                caption: "Personale per tipologia di rapporto al \(staff.asOf.italian)",
                columns: [.init("Tipologia"), .init("Dipendenti", numeric: true)],
                rows: known.map { .init([.header($0.0), .text(DocumentText.count($0.1))]) }
            ))
        }
        if let note = staff.note { w.paragraph(note, className: "small") }
    }

    private func writeSites(_ w: inout HTMLWriter) {
        if let text = section("articolazione-territoriale") { w.narrative(text.text) }
        let sites = organization.sites ?? []
        for site in sites where site.agency == nil { w.table(siteTable(site)) }
        for agency in organization.specialAgencies ?? [] {
            w.section(5, agency.name, id: HTMLWriter.anchor("sedi-", agency.id), inOutline: false) { w in
                if let description = agency.description { w.paragraph(description) }
                for site in sites where site.agency == agency.id { w.table(siteTable(site)) }
            }
        }
        // Sites of an agency the plan does not describe still print.
        let knownAgencies = Set((organization.specialAgencies ?? []).map(\.id))
        for site in sites where site.agency != nil && !knownAgencies.contains(site.agency ?? "") { w.table(siteTable(site)) }
    }

    /// One site as a small table: address, contacts, opening hours, notes.
    private func siteTable(_ site: Site) -> HTMLTable {
        var rows: [HTMLTable.Row] = []
        func add(_ label: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            rows.append(.init([.header(label), .html(items.map { XMLText.escape($0) }.joined(separator: "<br>"))]))
        }
        add("Indirizzo", [site.address].compactMap { $0 })
        add("Telefono", site.phones ?? [])
        add("E-mail", site.emails ?? [])
        add("Sito internet", [site.website].compactMap { $0 })
        add("Orari di apertura al pubblico", site.openingHours ?? [])
        add("Note", [site.note].compactMap { $0 })
        return HTMLTable(caption: site.name + (site.kind.map { " (\($0))" } ?? ""), columns: [.init("Voce"), .init("Dato")], rows: rows, className: "key-value")
    }

    private func writeBudget(_ w: inout HTMLWriter) {
        if let text = section("bilancio") { w.narrative(text.text) }
        if let facts = plan.budgetFacts, !facts.isEmpty {
            w.table(HTMLTable(
                caption: "Dati di bilancio",
                columns: [.init("Voce"), .init("Importo", numeric: true), .init("Nota")],
                rows: facts.map { .init([.header($0.label), .text($0.amount?.text ?? DocumentText.none), .text($0.note ?? "")]) }
            ))
        }
    }

    private func writeParticipations(_ w: inout HTMLWriter) {
        if let text = section("partecipazioni") { w.narrative(text.text) }
        guard let sectors = organization.participations, !sectors.isEmpty else { return }
        var rows: [HTMLTable.Row] = []
        for sector in sectors {
            rows.append(.init([.header(sector.sector, colspan: 2)], className: "group"))
            rows += sector.companies.map { .init([.text($0.name), .text($0.share)]) }
        }
        w.table(HTMLTable(
            caption: "Le partecipazioni societarie per settore economico",
            columns: [.init("Società partecipata"), .init("Quota", numeric: true)],
            rows: rows
        ))
    }
}
