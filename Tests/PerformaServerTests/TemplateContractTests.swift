import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
import PerformaFormats
@testable import PerformaServer
import PerformaStore
import Synchronization
import Testing

/// Templates find their values by name in the views, through reflection: a field renamed in a view, or a name
/// misspelled in a template, would leave a blank on the page with no error. This test renders every page as every
/// role (the permission matrix's requests, and forms with errors), records each view, and checks that every name each
/// template uses is a field of some view it was rendered with; and that every template was rendered at all.
@Suite("Template contract: every name in a template is a field of its views")
struct TemplateContractTests {
    /// The field names reachable in a view, nil optionals and empty collections included by their own name.
    static func fieldNames(of value: Any, into names: inout Set<String>, depth: Int = 0) {
        guard depth < 12 else { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            for child in mirror.children {
                guard let label = child.label else { continue }
                names.insert(label)
                fieldNames(of: child.value, into: &names, depth: depth + 1)
            }
        case .collection, .optional:
            for child in mirror.children { fieldNames(of: child.value, into: &names, depth: depth + 1) }
        default:
            return
        }
    }

    /// A tag of a template: its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `!`, `&` or none) and its name.
    struct Tag: Hashable {
        var sigil: Character?
        var name: String
    }

    static func tags(in template: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let triple = rest.first == "{"
            if triple { rest = rest.dropFirst() }
            guard let close = rest.range(of: "}}") else { break }
            var inside = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if triple, rest.first == "}" { rest = rest.dropFirst() }
            var sigil: Character?
            if let first = inside.first, "#^/><$!&".contains(first) {
                sigil = first
                inside = String(inside.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            tags.append(Tag(sigil: sigil, name: inside))
        }
        return tags
    }

    /// The names a template looks up in its views (`page.title` gives `page` and `title`; `.computed` gives `computed`).
    static func lookedUp(_ tags: [Tag]) -> Set<String> {
        var names: Set<String> = []
        for tag in tags where tag.sigil == nil || tag.sigil == "#" || tag.sigil == "^" || tag.sigil == "&" {
            for component in tag.name.split(separator: ".") where !component.isEmpty { names.insert(String(component)) }
        }
        return names
    }

    /// The templates a template draws in (`{{>partial}}`, `{{<layout}}`), itself included, transitively.
    static func closure(of template: String, includes: [String: Set<String>]) -> Set<String> {
        var seen: Set<String> = [template]
        var queue = [template]
        while let next = queue.popLast() {
            for child in includes[next, default: []] where seen.insert(child).inserted { queue.append(child) }
        }
        return seen
    }

    /// Every template of the module, by name (file name without `.mustache`).
    static func templates() throws -> [String: String] {
        let folder = PageRenderer.templatesFolder
        var found: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            found[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return found
    }

    @Test("the parser finds names, sections, partials and nested fields")
    func parser() {
        let tags = Self.tags(in: "{{<layout}}{{$content}}{{#page}}{{title}}{{/page}}{{{meter}}}{{^ empty }}{{#.computed}}{{a.b}}{{/.computed}}{{>partial-riga}}{{! nota }}{{/content}}")
        #expect(Self.lookedUp(tags) == ["page", "title", "meter", "empty", "computed", "a", "b"])
        #expect(tags.filter { $0.sigil == ">" || $0.sigil == "<" }.map(\.name) == ["layout", "partial-riga"])
    }

    @Test("every page as every role: each name in each template is a field of a view it is rendered with")
    func everyNameIsAField() async throws {
        let seen = Mutex<[String: Set<String>]>([:])
        let observer: PageRenderer.RenderObserver = { template, view in
            var names: Set<String> = []
            Self.fieldNames(of: view, into: &names)
            seen.withLock { $0[template, default: []].formUnion(names) }
        }
        try await TestServer.run(renderObserver: observer, prepare: { store in
            try await PermissionTests.prepare(store)
            // A draft whose objectives have a relevance, so that the managers' page shows the valorization's lines.
            var draft = try await store.plan(PermissionTests.admin, id: PermissionTests.draft, version: nil).plan
            draft.areas[0].objectives[0].relevance = 2
            draft.areas[0].objectives[0].operationalObjectives[0].relevance = 1
            _ = try await store.importPlan(PermissionTests.admin, draft, revision: nil, createOrganization: false)
        }) { client, store in
            let evidence = try #require(try await store.evidenceFiles(PermissionTests.admin, planID: PermissionTests.plan, indicator: nil, at: nil).first).id
            for actor in [PermissionTests.Actor.admin, .manager, .oiv, .viewer, .anonymous] {
                var browser = TestBrowser(client)
                if let username = actor.username { try await browser.login(username) } else { _ = try await browser.get(Paths.login) }
                for row in PermissionTests.rows where !row.isAPI {
                    _ = try await PermissionTests.send(row, as: &browser, token: nil, store: store, foreign: false, evidence: evidence)
                }
            }
            // Pages in the states the matrix does not reach: errors next to fields, a failed login, a missing page.
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            _ = try await admin.postMultipart(Paths.measurementForm(PermissionTests.plan, IndicatorKey(objective: "1.1.2", number: 1), .yearEnd(2021)),
                                              [("valore", "non è un numero")])
            _ = try await admin.post("/piani/\(PermissionTests.draft)/modifica/aree/1", [("titolo", ""), ("peso", "-3")])
            _ = try await admin.get("/piani/inesistente/cruscotto")
            _ = try await admin.get(Paths.managers(PermissionTests.draft) + "?fondo=150.000")
            for objective in ["1.1", "PB.1"] { _ = try await admin.get(Paths.objective(PermissionTests.plan, objective)) }
            var stranger = TestBrowser(client)
            _ = try await stranger.login(DemoUser.viewer, password: "sbagliata")
            // An upload's preview with findings and changes, and a comparison of versions with a revision in between.
            var changed = try await store.plan(PermissionTests.admin, id: PermissionTests.plan, version: nil).plan
            changed.areas[0].weight = (changed.areas[0].weight ?? 0) + 1
            _ = try await admin.postMultipart(UploadPage.path, [("tipo", "piano")],
                                              file: ("file", "piano.yaml", "application/yaml", Data(try PlanFile.yaml(changed).utf8)))
            _ = try await store.revisePlan(PermissionTests.admin, changed, revision: PlanRevision(reason: "Pesi", act: ApprovalAct(kind: .revision, body: "Giunta", number: "1", date: Day(2021, 9, 1))),
                                           expectedVersion: 1)
            _ = try await admin.get(Paths.plan(PermissionTests.plan) + "/confronto?versione=1")
            // Individual appraisal as the users who see schede: the employee, the evaluator (with the rating form), HR.
            var employee = TestBrowser(client)
            try await employee.login("dipendente")
            _ = try await employee.get(Paths.year(Paths.myAppraisal, 2021))
            let p041 = try #require(try await store.appraisals(PermissionTests.admin.hr, year: 2021).first { $0.person == "p041" })
            try await store.importAppraisals(PermissionTests.admin, year: 2021, [(p041.input, AppraisalProgress(state: .midYearChecked, history: []))])
            var evaluator = TestBrowser(client)
            try await evaluator.login("taioli")
            _ = try await evaluator.get(Paths.year(Paths.staff, 2021))
            _ = try await evaluator.get(Paths.appraisal("p041", year: 2021))
            // The evaluator communicates p040's objectives: the person hears of it by e-mail.
            let p040 = try #require(try await store.appraisals(PermissionTests.admin.hr, year: 2021).first { $0.person == "p040" })
            _ = try await evaluator.post(Paths.appraisalAction("p040"), [("anno", "2021"), ("azione", "communicateObjectives"), ("versione", String(p040.rowVersion))])
            var hr = TestBrowser(client)
            try await hr.login("personale")
            for path in [Paths.appraisalCampaign, Paths.bonus, Paths.differentiation] { _ = try await hr.get(Paths.year(path, 2021)) }
            _ = try await hr.post(Paths.appraisalAction("p040"), [("anno", "2021"), ("azione", "close"), ("versione", "0")])
            // A collection scheduled from yesterday with values missing: its notices render the mail templates.
            let today = Display.today()
            _ = try await admin.post(Paths.campaign(PermissionTests.plan, .yearEnd(2022)),
                                     [("azione", "pianifica"), ("apertura", today.adding(days: -1).description), ("chiusura", today.adding(days: 2).description),
                                      ("preavviso", "7"), ("versione", "0")])
            _ = try await admin.get(OutboxPage.path)
            // The staff upload's preview.
            _ = try await hr.postMultipart(StaffUploadPage.path, [("anno", "2021")],
                                           file: ("file", "personale.csv", "text/csv", try Data(contentsOf: TestServer.examples.appendingPathComponent("personale-illustrativo-2021.csv"))))
        }
        let rendered = seen.withLock { $0 }
        let templates = try Self.templates()
        var includes: [String: Set<String>] = [:]
        for (name, text) in templates {
            includes[name] = Set(Self.tags(in: text).filter { $0.sigil == ">" || $0.sigil == "<" }.map(\.name))
        }
        // The fields available to each template: those of every view rendered through it, as a page or a partial.
        var available: [String: Set<String>] = [:]
        for (template, names) in rendered {
            for drawn in Self.closure(of: template, includes: includes) { available[drawn, default: []].formUnion(names) }
        }
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            guard let fields = available[name] else {
                Issue.record("il modello «\(name)» non è mai stato usato dalle pagine visitate dal test")
                continue
            }
            let missing = Self.lookedUp(Self.tags(in: text)).subtracting(fields)
            #expect(missing.isEmpty, "«\(name).mustache» usa nomi che nessuna sua vista ha: \(missing.sorted())")
        }
    }
}
