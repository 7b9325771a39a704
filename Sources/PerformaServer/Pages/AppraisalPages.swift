import Foundation
import Hummingbird
import Performa
import PerformaFormats
import PerformaReports
import PerformaStore

/// Individual appraisal in the browser: *La mia valutazione* for everyone with a scheda, *Il mio personale* for
/// evaluators (and the OIV, for the dirigenti), each scheda with its workflow, the HR office's campaign, bonus and
/// differentiation report, and the scheda to print and sign. Who sees what is `AppraisalAccess`; every read of a
/// scheda by someone other than its owner is logged.
struct AppraisalPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Paths.myAppraisal), use: mine)
        router.get(RouterPath(Paths.staff), use: staff)
        router.get(RouterPath(Paths.staff + "/:person"), use: scheda)
        router.post(RouterPath(Paths.staff + "/:person/azioni"), use: act)
        router.post(RouterPath(Paths.staff + "/:person/comportamenti"), use: rate)
        router.get(RouterPath(Paths.staff + "/:person/stampa"), use: print)
        router.get(RouterPath(Paths.appraisalCampaign), use: campaign)
        router.get(RouterPath(Paths.bonus), use: bonus)
        router.post(RouterPath(Paths.bonus), use: saveFunds)
        router.get(RouterPath(Paths.differentiation), use: differentiation)
        router.get(RouterPath(Paths.appraisalCampaign + "/opendata/:file"), use: openData)
    }

    // MARK: Pages

    @Sendable func mine(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context)
        guard let snapshot = try await app.appraisalYear(user, year: year), let me = snapshot.person(of: user) else {
            return try page(user, context, nil, year: year, section: .mine,
                            view: AppraisalPageView(page: nil, sheet: nil, workflow: nil, ratingForm: nil, errorSummary: nil,
                                                    empty: "Il tuo utente non ha una scheda di valutazione per il \(year)."))
        }
        return try await render(user, context, snapshot, me, section: .mine, notices: Self.notices(request))
    }

    @Sendable func scheda(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context)
        let (snapshot, member) = try await AppraisalSnapshot.visible(app, user, year: year, person: try context.parameters.require("person"))
        return try await render(user, context, snapshot, member, section: .staff, notices: Self.notices(request))
    }

    @Sendable func staff(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context)
        let snapshot = try await app.appraisalYear(user, year: year)
        let me = snapshot?.person(of: user)?.person.id
        let rows = snapshot.map { snapshot -> [StoredPerson] in
            let viewer = snapshot.viewer(user)
            return snapshot.staff.filter { $0.person.id != me && !viewer.actors(on: $0).isEmpty }
        } ?? []
        let view = listView(user, context, snapshot, rows: rows, year: year, section: .staff, heading: "Il mio personale \(year)",
                            intro: "Le persone di cui hai la scheda di valutazione, con lo stato di ciascuna e il prossimo passo.",
                            empty: "Non valuti nessuno nel \(year).")
        return try app.pages.page("personale", view)
    }

    @Sendable func campaign(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context, .manageStaff)
        let snapshot = try await app.appraisalYear(user, year: year)
        var view = listView(user, context, snapshot, rows: snapshot?.staff ?? [], year: year, section: .campaign, heading: "Campagna di valutazione \(year)",
                            intro: "Tutte le schede dell'anno: quante in ogni stato, e per ciascuna il prossimo passo e chi lo deve fare.",
                            empty: "Nessun personale o sistema di valutazione caricato per il \(year).", notices: Self.notices(request))
        view.staffUpload = StaffUploadPage.path
        return try app.pages.page("personale", view)
    }

    @Sendable func bonus(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context, .readAppraisalReports)
        return try await bonusPage(user, context, year: year, notices: Self.notices(request))
    }

    @Sendable func saveFunds(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.manageStaff)
        let form = try await FormInput.read(request, context: context)
        let year = try AppraisalSnapshot.year(form.text("anno"))
        guard let snapshot = try await app.appraisalYear(user, year: year) else {
            throw HTTPError(.badRequest, message: "Anno non valido.")
        }
        var cents: [String: Int64] = [:], errors: [FormErrorSummary.Item] = []
        for profile in snapshot.smvp.profiles {
            let text = form.text("fondo-\(profile.id)").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let amount = ItalianNumber.euroCents(text) {
                cents[profile.id] = amount
            } else {
                errors.append(FormErrorSummary.Item(message: "\(profile.title): importo non valido «\(text)» (ad esempio 120.000 oppure 120.000,50).", href: "#fondo-\(profile.id)"))
            }
        }
        guard errors.isEmpty else { return try await bonusPage(user, context, year: year, errors: errors) }
        try await app.store.setFunds(user.context, year: year, cents)
        return .seeOther(Paths.year(Paths.bonus, year) + "&esito=fondi-salvati")
    }

    @Sendable func differentiation(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context, .readAppraisalReports)
        guard let snapshot = try await app.appraisalYear(user, year: year) else { throw HTTPError(.notFound, message: "Nessuna valutazione per il \(year).") }
        let view = DifferentiationView(page: chrome(user, context, snapshot, year: year, section: .differentiation, title: "Differenziazione"),
                                       report: snapshot.differentiation, topFrom: snapshot.smvp.topRatingFrom)
        return try app.pages.page("differenziazione", view)
    }

    @Sendable func print(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context)
        let (snapshot, member) = try await AppraisalSnapshot.visible(app, user, year: year, person: try context.parameters.require("person"))
        guard let appraisal = snapshot.schede[member.person.id] else { throw HTTPError(.notFound) }
        let document = AppraisalSheetDocument(appraisal: appraisal, person: member.person, smvp: snapshot.smvp, organizationName: snapshot.organizationName,
                                              evaluatorName: snapshot.name(member.evaluator), record: snapshot.record(member.person.id).progress.facts)
        // Its stylesheet is inline: the document policy, as for the Piano and the Relazione.
        return DocumentPages.document(document.render(), name: "scheda-\(year)-\(member.person.id).html", download: false)
    }

    /// The year's open data of individual performance (D.Lgs. 33/2013 art. 20), aggregated: `premi` and
    /// `differenziazione`, as CSV or JSON, for the offices that publish them.
    @Sendable func openData(_ request: Request, context: WebRequestContext) async throws -> Response {
        let (user, year) = try await userAndYear(request, context, .readAppraisalReports)
        guard let snapshot = try await app.appraisalYear(user, year: year) else { throw HTTPError(.notFound, message: "Nessuna valutazione per il \(year).") }
        let appraised = Dictionary(grouping: snapshot.schede.values.filter { $0.points != nil && $0.final.status == .complete }, by: { $0.profile ?? "" })
            .mapValues(\.count)
        let organization = user.organization
        let tables = [AppraisalOpenData.bonuses(organization: organization, year: year, smvp: snapshot.smvp, distributions: snapshot.bonus, appraised: appraised),
                      AppraisalOpenData.differentiation(organization: organization, report: snapshot.differentiation, smvp: snapshot.smvp)]
        let file = try context.parameters.require("file")
        for table in tables {
            let name = "\(organization)-\(year)-\(file)"
            if file == "\(table.name).csv" { return DocumentPages.data(table.csv, type: "text/csv; charset=utf-8", name: name) }
            if file == "\(table.name).json" { return DocumentPages.data(table.json, type: "application/json; charset=utf-8", name: name) }
        }
        throw HTTPError(.notFound, message: "Tabella di dati aperti «\(file)» non disponibile.")
    }

    // MARK: Workflow

    @Sendable func act(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let person = try context.parameters.require("person")
        let form = try await FormInput.read(request, context: context)
        let year = try AppraisalSnapshot.year(form.text("anno"))
        let (snapshot, member) = try await AppraisalSnapshot.visible(app, user, year: year, person: person, logRead: false)
        guard let kind = AppraisalAction.Kind(rawValue: form.text("azione")) else { throw HTTPError(.badRequest, message: "Passo non riconosciuto.") }
        let today = Display.today()
        let day = Day(parsing: form.text("data")) ?? today
        let action = AppraisalAction(kind: kind, day: day, text: form.text("testo"), outcome: form.text("esito") == "modificata" ? .changed : .confirmed)
        do {
            _ = try await snapshot.apply(app, user, action, to: member, today: today, expectedRowVersion: Int(form.text("versione")) ?? -1)
        } catch let error as StoreError {
            return try await render(user, context, snapshot, member, section: section(user, snapshot, member),
                                    errors: [FormErrorSummary.Item(message: error.description, href: "#azione-\(kind.rawValue)")], status: .unprocessableContent)
        }
        return .seeOther(back(user, snapshot, member, year: year) + "&esito=scheda-aggiornata")
    }

    @Sendable func rate(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let person = try context.parameters.require("person")
        let form = try await FormInput.read(request, context: context)
        let year = try AppraisalSnapshot.year(form.text("anno"))
        let (snapshot, member) = try await AppraisalSnapshot.visible(app, user, year: year, person: person, logRead: false)
        guard let profile = snapshot.smvp.profile(for: member.person.category) else { throw HTTPError(.unprocessableContent, message: "Nessuna scheda del sistema di valutazione per questa categoria.") }
        var input = snapshot.record(person).input
        var errors: [FormErrorSummary.Item] = []
        input.ratings = profile.behaviours.compactMap { behaviour in
            let comment = form.text("commento-\(behaviour.id)").trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = ValueLimits.textProblem(comment, .note) { errors.append(FormErrorSummary.Item(message: "\(behaviour.title): \(problem)", href: "#commento-\(behaviour.id)")) }
            guard let rating = Int(form.text("voto-\(behaviour.id)")) else { return nil }
            guard snapshot.smvp.scale.contains(rating) else {
                errors.append(FormErrorSummary.Item(message: "\(behaviour.title): valutazione fuori scala", href: "#voto-\(behaviour.id)"))
                return nil
            }
            return BehaviourRating(behaviour: behaviour.id, rating: rating, comment: comment.isEmpty ? nil : comment)
        }
        if errors.isEmpty {
            do {
                _ = try await app.store.saveAppraisalInput(user.context, year: year, person: person, input, expectedRowVersion: Int(form.text("versione")) ?? -1)
                return .seeOther(back(user, snapshot, member, year: year) + "&esito=scheda-aggiornata")
            } catch let error as StoreError {
                errors.append(FormErrorSummary.Item(message: error.description, href: nil))
            }
        }
        return try await render(user, context, snapshot, member, section: section(user, snapshot, member), errors: errors, status: .unprocessableContent)
    }

    // MARK: Helpers

    /// The user and the year asked (`?anno=`), by default the year of the organization's most recent plan.
    private func userAndYear(_ request: Request, _ context: WebRequestContext, _ capability: Capability? = nil) async throws -> (SignedInUser, Int) {
        let user = try capability.map(context.requireUser) ?? context.requireUser()
        if let text = request.uri.queryParameters.get("anno") {
            return (user, try AppraisalSnapshot.year(text))
        }
        let plans = try await app.store.plans(user.context)
        return (user, plans.map(\.year).max() ?? Calendar.current.component(.year, from: Date()))
    }

    private func section(_ user: SignedInUser, _ snapshot: AppraisalSnapshot, _ member: StoredPerson) -> PageChrome.AppraisalSection {
        snapshot.person(of: user)?.person.id == member.person.id ? .mine : .staff
    }

    private func back(_ user: SignedInUser, _ snapshot: AppraisalSnapshot, _ member: StoredPerson, year: Int) -> String {
        section(user, snapshot, member) == .mine ? Paths.year(Paths.myAppraisal, year) : Paths.appraisal(member.person.id, year: year)
    }

    private func render(_ user: SignedInUser, _ context: WebRequestContext, _ snapshot: AppraisalSnapshot, _ member: StoredPerson,
                        section: PageChrome.AppraisalSection, notices: [Notice] = [], errors: [FormErrorSummary.Item] = [],
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let person = member.person
        guard let appraisal = snapshot.schede[person.id] else { throw HTTPError(.notFound) }
        let today = Display.today()
        // A plain view of a scheda (no notice, no error) is rendered once per snapshot, user and day, with slots for
        // the user's name and token; what changes the scheda changes the data version, hence the snapshot.
        let key = AppraisalSnapshot.PageKey(user: user.user.id, person: person.id, today: today)
        let personalisable = notices.isEmpty && errors.isEmpty && status == .ok
        if personalisable, let kept = snapshot.page(key) {
            return Response.html(kept.html(for: PageChrome.heading(user), csrf: context.csrfToken))
        }
        let record = snapshot.record(person.id)
        let actors = snapshot.actors(user, on: member)
        let profile = snapshot.smvp.profile(for: person.category)
        let users = Dictionary(try await app.store.users(user.context).map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let workflow = AppraisalWorkflowView(record: record, rules: snapshot.rules(for: person), actors: actors, today: today,
                                             action: Paths.appraisalAction(person.id), names: { users[$0] ?? $0 })
        let mayRate = actors.contains { AppraisalWorkflow.mayEdit(.ratings, progress: record.progress, actor: $0) }
        let view = AppraisalPageView(
            page: nil,
            sheet: AppraisalSheetView(appraisal: appraisal, person: person, profile: profile, evaluatorName: snapshot.name(member.evaluator), smvp: snapshot.smvp,
                                      cap: snapshot.cap, printHref: Paths.appraisalPrint(person.id, year: snapshot.year)),
            workflow: workflow,
            ratingForm: mayRate ? profile.map { AppraisalRatingForm(profile: $0, scale: snapshot.smvp.scale, record: record, action: Paths.appraisalRatings(person.id)) } : nil,
            errorSummary: FormErrorSummary(errors, outcome: "la scheda non è cambiata"), empty: nil)
        let title = "Scheda di \(person.name)"
        if personalisable, let page = try PersonalisablePage(app.pages, "valutazione", chrome: chrome(user, context, snapshot, year: snapshot.year, section: section, title: title),
                                                             view: { chrome in var view = view; view.page = chrome; return view }) {
            snapshot.keep(page, for: key)
            return Response.html(page.html(for: PageChrome.heading(user), csrf: context.csrfToken))
        }
        return try page(user, context, snapshot, year: snapshot.year, section: section, view: view, title: title, notices: notices, status: status)
    }

    private func page(_ user: SignedInUser, _ context: WebRequestContext, _ snapshot: AppraisalSnapshot?, year: Int, section: PageChrome.AppraisalSection,
                      view: AppraisalPageView, title: String = "La mia valutazione", notices: [Notice] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        var view = view
        view.page = chrome(user, context, snapshot, year: year, section: section, title: title, notices: notices)
        return try app.pages.page("valutazione", view, status: status)
    }

    private func chrome(_ user: SignedInUser, _ context: WebRequestContext, _ snapshot: AppraisalSnapshot?, year: Int, section: PageChrome.AppraisalSection,
                        title: String, notices: [Notice] = []) -> PageChrome {
        var sections: [PageChrome.AppraisalSection] = []
        let me = snapshot?.person(of: user)
        if me != nil { sections.append(.mine) }
        if let snapshot {
            let viewer = snapshot.viewer(user)
            if snapshot.staff.contains(where: { $0.person.id != me?.person.id && !viewer.actors(on: $0).isEmpty }) { sections.append(.staff) }
        }
        if user.role.may(.manageStaff) { sections.append(.campaign) }
        if user.role.may(.readAppraisalReports) { sections += [.bonus, .differentiation] }
        return PageChrome(title: title, organization: snapshot?.organizationName ?? "", appraisal: section, sections: sections, year: year,
                          context: context, notices: notices)
    }

    private func listView(_ user: SignedInUser, _ context: WebRequestContext, _ snapshot: AppraisalSnapshot?, rows: [StoredPerson], year: Int,
                          section: PageChrome.AppraisalSection, heading: String, intro: String, empty: String, notices: [Notice] = []) -> StaffListView {
        let today = Display.today()
        var counts: [AppraisalState: Int] = [:]
        let viewer = snapshot?.viewer(user)
        let lines = rows.compactMap { member -> StaffListView.Row? in
            guard let snapshot, let viewer else { return nil }
            let record = snapshot.record(member.person.id)
            counts[record.progress.state, default: 0] += 1
            let available = AppraisalWorkflow.available(record.progress, rules: snapshot.rules(for: member.person), today: today)
            let actors = viewer.actors(on: member)
            return StaffListView.Row(name: member.person.name, href: Paths.appraisal(member.person.id, year: year), category: member.person.category.italian,
                                     unit: member.person.unit, state: record.progress.state.italian,
                                     points: snapshot.schede[member.person.id]?.points.map { ItalianNumber.format($0, fractionDigits: 2) } ?? "—",
                                     next: available.map { "\($0.italian) (\($0.actor.italian))" }.joined(separator: " oppure "),
                                     yours: available.contains { actors.contains($0.actor) })
        }
        return StaffListView(page: chrome(user, context, snapshot, year: year, section: section, title: heading, notices: notices), year: year, heading: heading, intro: intro,
                             rows: lines, hasRows: !lines.isEmpty, empty: empty,
                             counts: AppraisalState.allCases.compactMap { state in counts[state].map { StaffListView.StateCount(state: state.italian, count: String($0)) } })
    }

    private func bonusPage(_ user: SignedInUser, _ context: WebRequestContext, year: Int, notices: [Notice] = [], errors: [FormErrorSummary.Item] = []) async throws -> Response {
        guard let snapshot = try await app.appraisalYear(user, year: year) else { throw HTTPError(.notFound, message: "Nessuna valutazione per il \(year).") }
        let distributions = snapshot.bonus
        let names = Dictionary(snapshot.staff.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { first, _ in first })
        let partTime = Dictionary(snapshot.staff.map { ($0.person.id, $0.person.partTime) }, uniquingKeysWith: { first, _ in first })
        let months = Dictionary(snapshot.staff.map { ($0.person.id, $0.person.serviceMonths(in: year)) }, uniquingKeysWith: { first, _ in first })
        let view = BonusView(
            page: chrome(user, context, snapshot, year: year, section: .bonus, title: "Premi", notices: notices), year: year,
            profiles: snapshot.smvp.profiles.map { profile in
                BonusView.profile(distributions.first { $0.profile == profile.id }, profile: profile, fundCents: snapshot.funds[profile.id], names: names,
                                  partTime: partTime, months: months, year: year)
            },
            mayEditFunds: user.role.may(.manageStaff), fundsAction: Paths.bonus,
            errorSummary: FormErrorSummary(errors))
        return try app.pages.page("premi", view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func notices(_ request: Request) -> [Notice] {
        switch request.uri.queryParameters.get("esito") {
        case "scheda-aggiornata": return [.success("Scheda aggiornata.")]
        case "fondi-salvati": return [.success("Fondi salvati: i premi sono stati ricalcolati.")]
        default: return Outcomes.notices(request.uri.queryParameters.get("esito"))
        }
    }
}

/// A scheda's page: the scheda, its workflow and, while allowed, the form to rate the behaviours.
struct AppraisalPageView: Sendable {
    var page: PageChrome?
    var sheet: AppraisalSheetView?
    var workflow: AppraisalWorkflowView?
    var ratingForm: AppraisalRatingForm?
    var errorSummary: FormErrorSummary?
    /// Why there is no scheda to show.
    var empty: String?
}
