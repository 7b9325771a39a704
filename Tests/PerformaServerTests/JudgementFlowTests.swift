import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// The OIV's judgements through the web application: tied to the values they judged (a later value sends the
/// subject back to the OIV, and the manager is told before saving), confirmations without a reason, one at a time
/// or many at once, corrections with one, and the list in code order with its filter.
@Suite("Validazione OIV: judgements tied to values, confirmations, the OIV's list")
struct JudgementFlowTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let day = Day.yearEnd(2021)
    static let indicatorForm = Paths.validation(TestServer.planID) + "/modulo?oggetto=1.1.2%2F1&scadenza=2021-12-31"
    static let measurementForm = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))
    static let list = Paths.validation(TestServer.planID, at: .yearEnd(2021))

    /// The value of the hidden or text input `name` in a page.
    static func field(_ name: String, in html: String) -> String? {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        guard let regex = try? NSRegularExpression(pattern: "name=\"\(escaped)\" value=\"([^\"]*)\""),
              let match = regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
              let range = Range(match.range(at: 1), in: html) else { return nil }
        return String(html[range]).replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "=")
    }

    static func all(_ pattern: String, in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { Range($0.range(at: 1), in: html).map { String(html[$0]) } }
    }

    static func judgement(_ store: SQLStore, _ subject: String) async throws -> StoredOverride? {
        try await store.overrides(admin, planID: plan).first { $0.override.subject == subject && $0.override.at == day }
    }

    @Test("a value saved after the OIV's validation: the manager is warned first, the judgement stops counting and goes back to the OIV")
    func laterValueSendsItBack() async throws {
        try await TestServer.run { client, store in
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let form = try await oiv.get(Self.indicatorForm)
            let proposed = try #require(Self.field("grado", in: form.text))
            let seen = try #require(Self.field("valori", in: form.text))
            // A confirmation of the computed grade needs no reason: a standard one is recorded.
            let saved = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2/1"), ("scadenza", "2021-12-31"), ("azione", "valida"),
                                                                         ("grado", proposed), ("motivazione", ""), ("valori", seen)])
            #expect(saved.status == .seeOther)
            let judged = try #require(try await Self.judgement(store, "1.1.2/1"))
            #expect(judged.override.reason == OIVJudgement.confirmationReason && judged.stands)
            #expect(try await oiv.get(Self.indicatorForm).text.contains("id=\"valori-validati\""))

            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let before = try await manager.get(Self.measurementForm)
            #expect(before.text.contains("id=\"avviso-validazione\""))
            #expect(before.text.contains("Salvando un valore diverso la validazione non conterà più"))
            let revision = try #require(Self.field("revisione", in: before.text))
            #expect(try await manager.postMultipart(Self.measurementForm, [("valore", "300"), ("revisione", revision)]).status == .seeOther)

            let aside = try #require(try await Self.judgement(store, "1.1.2/1"))
            #expect(!aside.stands && aside.changes.map(\.current) == ["300"])
            let card = try await PageTests.scorecard(store, at: Self.day)
            #expect(card.indicator(Self.key)?.score.override == nil, "the old judgement no longer counts: the computed grade does")
            #expect(!(try await manager.get(Self.measurementForm).text.contains("id=\"avviso-validazione\"")), "nothing left to warn about")

            let queue = try await oiv.get(Self.list + "&filtro=da-validare")
            #expect(queue.text.contains("data-codice=\"1.1.2\""))
            #expect(queue.text.contains("modificato dopo la validazione"))
            #expect(queue.text.contains("1.1.2/1: validato «\(judged.judged[0].value ?? "")», ora «300»"))
            #expect(try await oiv.get(Self.indicatorForm).text.contains("id=\"modificato-dopo-validazione\""))

            // A page opened before the change carries the old values: its judgement is refused, nothing is recorded.
            let late = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2/1"), ("scadenza", "2021-12-31"), ("azione", "valida"),
                                                                        ("grado", proposed), ("motivazione", "Come prima"), ("valori", seen),
                                                                        ("versione", String(aside.rowVersion))])
            #expect(late.status == .conflict)
            #expect(try await Self.judgement(store, "1.1.2/1")?.rowVersion == aside.rowVersion)
        }
    }

    @Test("a correction needs a reason and shows as «corretto dall'OIV»; a confirmation as «validato OIV»")
    func correctionNeedsAReason() async throws {
        try await TestServer.run { client, store in
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let form = try await oiv.get(Paths.validation(Self.plan) + "/modulo?oggetto=1.1.2&scadenza=2021-12-31")
            let seen = try #require(Self.field("valori", in: form.text))
            let computed = try #require(try await PageTests.scorecard(store, at: Self.day).objective("1.1.2")?.score.computed)
            let other = computed > 0.5 ? "10" : "90"
            let refused = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("azione", "valida"),
                                                                           ("grado", other), ("valori", seen)])
            #expect(refused.status == .unprocessableContent && refused.text.contains("id=\"motivazione-errore\""))
            #expect(try await Self.judgement(store, "1.1.2") == nil)
            let corrected = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("azione", "valida"),
                                                                             ("grado", other), ("motivazione", "Documentazione incompleta"), ("valori", seen)])
            #expect(corrected.status == .seeOther)
            let row = try #require(Self.all("(?s)<tr data-codice=\"1\\.1\\.2\">(.*?)</tr>", in: try await oiv.get(Self.list).text).first)
            #expect(row.contains("corretto dall&#39;OIV") || row.contains("corretto dall'OIV"))
            #expect(!row.contains("validato OIV"))
        }
    }

    @Test("the list is in code order; the computed grades of the selected rows are confirmed at once, without a reason")
    func bulkConfirmation() async throws {
        try await TestServer.run { client, store in
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let before = try await store.overrides(Self.admin, planID: Self.plan)
            let page = try await oiv.get(Self.list).text
            let codes = Self.all("data-codice=\"([^\"]+)\"", in: page)
            #expect(codes.count > 10)
            #expect(codes == codes.sorted(by: ObjectiveCode.precedes), "natural code order: 2.9 before 2.10, 1.1 before 1.1.1")
            let confirmable = Self.all("name=\"conferma\" value=\"([^\"]+)\"", in: page)
            let chosen = Array(confirmable.prefix(3))
            #expect(chosen.count == 3)
            var fields: [(String, String)] = [("azione", "conferma"), ("scadenza", "2021-12-31"), ("motivazione", "")]
            for key in chosen {
                fields += [("conferma", key), ("valori-\(key)", try #require(Self.field("valori-\(key)", in: page))),
                           ("versione-\(key)", Self.field("versione-\(key)", in: page) ?? "")]
            }
            // A row whose values changed after the page was shown spoils the batch: nothing is recorded.
            var stale = fields
            stale[stale.firstIndex { $0.0 == "valori-\(chosen[0])" }!].1 = "1.1.2/1=99"
            #expect(try await oiv.post(Paths.validation(Self.plan), stale).status == .conflict)
            #expect(try await store.overrides(Self.admin, planID: Self.plan) == before)

            let saved = try await oiv.post(Paths.validation(Self.plan), fields)
            #expect(saved.status == .seeOther)
            let card = try await PageTests.scorecard(store, at: Self.day)
            for key in chosen {
                let judgement = try #require(try await Self.judgement(store, key))
                #expect(judgement.override.reason == OIVJudgement.confirmationReason)
                #expect(card.objective(key)?.score.judgement == .confirmation)
            }
            let after = try await oiv.get(Self.list + "&filtro=da-validare").text
            #expect(chosen.allSatisfy { !after.contains("data-codice=\"\($0)\"") }, "confirmed rows leave the filtered list")
            let row = try #require(Self.all("(?s)<tr data-codice=\"\(NSRegularExpression.escapedPattern(for: chosen[0]))\">(.*?)</tr>", in: try await oiv.get(Self.list).text).first)
            #expect(row.contains("validato OIV"))
            // Nothing selected: refused, with the reason.
            let empty = try await oiv.post(Paths.validation(Self.plan), [("azione", "conferma"), ("scadenza", "2021-12-31")])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Nessun obiettivo selezionato"))
        }
    }
}
