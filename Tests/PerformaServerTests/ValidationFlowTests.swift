import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

@Suite("Validazione OIV: validating and correcting achievements")
struct ValidationFlowTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let formPath = Paths.validation(TestServer.planID) + "/modulo?oggetto=1.1.2&scadenza=2021-12-31"

    @Test("the OIV corrects an objective's achievement with a reason: the override counts, the computed value stays visible")
    func correct() async throws {
        try await TestServer.run { client, store in
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let before = try await PageTests.scorecard(store, at: .yearEnd(2021))
            let computed = try #require(before.objective("1.1.2")?.score.computed)
            let saved = try await oiv.post(Paths.validation(Self.plan), [
                ("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("azione", "valida"), ("grado", "80"), ("motivazione", "Documentazione incompleta sul secondo indicatore"),
            ])
            #expect(saved.status == .seeOther)
            let overrides = try await store.overrides(Self.admin, planID: Self.plan)
            let override = try #require(overrides.first { $0.override.subject == "1.1.2" && $0.override.at == .yearEnd(2021) })
            #expect(override.override.achievement == 80)
            #expect(override.override.reason == "Documentazione incompleta sul secondo indicatore")
            #expect(override.override.by == "Organismo Indipendente di Valutazione (demo)")

            let sheet = try await oiv.get(Paths.objective(Self.plan, "1.1.2"))
            #expect(sheet.text.contains("80,00%"))
            #expect(sheet.text.contains("calcolato \(Display.achievement(computed))"))
            #expect(sheet.text.contains("Documentazione incompleta sul secondo indicatore"))

            let removed = try await oiv.post(Paths.validation(Self.plan), [("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("azione", "rimuovi")])
            #expect(removed.status == .seeOther)
            #expect(try await store.overrides(Self.admin, planID: Self.plan).contains { $0.override.subject == "1.1.2" && $0.override.at == .yearEnd(2021) } == false)
        }
    }

    @Test("the OIV validates an indicator as computed; the form proposes the computed value")
    func validateAsComputed() async throws {
        try await TestServer.run { client, store in
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let card = try await PageTests.scorecard(store, at: .yearEnd(2021))
            let computed = try #require(card.indicator(IndicatorKey(objective: "1.1.2", number: 1))?.score.computed)
            let form = try await oiv.get(Paths.validation(Self.plan) + "/modulo?oggetto=1.1.2%2F1&scadenza=2021-12-31")
            let proposed = ItalianNumber.format(computed * 100, fractionDigits: 2)
            #expect(form.text.contains("value=\"\(proposed)\""))
            let saved = try await oiv.post(Paths.validation(Self.plan), [
                ("oggetto", "1.1.2/1"), ("scadenza", "2021-12-31"), ("azione", "valida"), ("grado", proposed), ("motivazione", "Verificato con il verbale"),
            ])
            #expect(saved.status == .seeOther)
            let after = try await PageTests.scorecard(store, at: .yearEnd(2021))
            #expect(after.indicator(IndicatorKey(objective: "1.1.2", number: 1))?.score.override?.reason == "Verificato con il verbale")
        }
    }

    @Test("a validation without a reason or with an impossible percentage is refused next to its field", arguments: [
        ("95", "", "motivazione-errore"), ("centoventi", "Motivo", "grado-errore"), ("250", "Motivo", "grado-errore"),
    ])
    func refused(achievement: String, reason: String, errorField: String) async throws {
        try await TestServer.run { client, store in
            var oiv = TestBrowser(client)
            try await oiv.login(DemoUser.oiv)
            let response = try await oiv.post(Paths.validation(Self.plan), [
                ("oggetto", "1.1.2"), ("scadenza", "2021-12-31"), ("azione", "valida"), ("grado", achievement), ("motivazione", reason),
            ])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("id=\"\(errorField)\""))
            #expect(try await store.overrides(Self.admin, planID: Self.plan).contains { $0.override.subject == "1.1.2" && $0.override.at == .yearEnd(2021) } == false)
        }
    }
}
