import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// The PIAO's forms through the web application, each office on its own part of a draft plan: the RPCT maps a
/// process and rates its event, the HR office edits training and the units and may not touch 2.3 or the scheda
/// anagrafica, the struttura tecnica edits public value; a wrong input comes back with its message, nothing saved.
@Suite("PIAO: the offices' forms")
struct PIAOFormTests {
    static let draft = "cciaa-brescia-bozza"
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)

    static func current(_ store: SQLStore) async throws -> StoredPlan {
        try await store.plan(admin, id: draft, version: nil)
    }

    static func versionFields(_ store: SQLStore) async throws -> [(String, String)] {
        let info = try await current(store).info
        return [("versione", String(info.version)), ("riga", String(info.rowVersion))]
    }

    @Test("the RPCT maps a process, rates its event and removes it; HR and the OIV may not")
    func riskRegister() async throws {
        try await TestServer.run(prepare: { try await TestServer.addDraft($0, id: Self.draft) }) { client, store in
            var rpct = TestBrowser(client)
            try await rpct.login(DemoUser.rpct)
            let register = try await rpct.get(Paths.piaoRisks(Self.draft))
            #expect(register.text.contains("Nuovo processo") && register.text.contains(Paths.piaoEvent(Self.draft, "P01", "P01.R1")))
            let process = try await rpct.post(Paths.piaoProcess(Self.draft, "nuovo"), try await Self.versionFields(store) + [
                ("codice", "P90"), ("titolo", "Gestione delle sponsorizzazioni"), ("area", "contracts"), ("unita", "area-amministrativa"),
            ])
            #expect(process.status == .seeOther)
            // A wrong probability comes back on the form with its message; nothing is saved.
            let eventPath = Paths.piaoEvent(Self.draft, "P90", "nuovo")
            let wrong = try await rpct.post(eventPath, try await Self.versionFields(store) + [
                ("codice", "P90.R1"), ("descrizione", "Sponsor scelto senza confronto"), ("esposizione-discretion", "high"), ("giudizio", "high"),
            ])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Il giudizio dato dal RPCT va motivato"))
            #expect(try await Self.current(store).plan.piao?.risks?.processes.last?.events.isEmpty == true)
            let event = try await rpct.post(eventPath, try await Self.versionFields(store) + [
                ("codice", "P90.R1"), ("descrizione", "Sponsor scelto senza confronto"), ("fattori", "Discrezionalità\nScarsa trasparenza"),
                ("esposizione-discretion", "high"), ("esposizione-opacity", "medium"), ("giudizio", "high"), ("motivazione", "Importi rilevanti"),
            ])
            #expect(event.status == .seeOther)
            let saved = try #require(try await Self.current(store).plan.piao?.risks?.processes.last)
            #expect(saved.code == "P90" && saved.unit == "area-amministrativa")
            #expect(saved.events.first?.factors == ["Discrezionalità", "Scarsa trasparenza"])
            #expect(saved.events.first?.assessment?.exposure?.count == 2 && saved.events.first?.assessment?.level(by: .qualitative) == .high)
            #expect(try await rpct.get(Paths.piaoRisks(Self.draft)).text.contains("Sponsor scelto senza confronto"))
            // Under the numeric method the form shows probability and impact only: the exposure ratings stay.
            let obligations = try #require(try await Self.current(store).plan.piao?.risks?.transparency)
            let rows = obligations.enumerated().flatMap { n, row in
                [("sezione-\(n)", row.section), ("sottosezione-\(n)", row.subsection ?? ""), ("contenuto-\(n)", row.content),
                 ("riferimento-\(n)", row.reference ?? ""), ("ufficio-\(n)", row.office ?? ""), ("aggiornamento-\(n)", row.update.rawValue)]
            }
            #expect(try await rpct.post(Paths.piaoTransparency(Self.draft), try await Self.versionFields(store) + [("metodo", "numeric")] + rows).status == .seeOther)
            let kept = try await Self.current(store).plan.piao?.risks
            #expect(kept?.ratingMethod == .numeric && kept?.transparency?.map(\.owner) == obligations.map(\.owner))
            #expect(try await rpct.post(Paths.piaoEvent(Self.draft, "P90", "P90.R1"), try await Self.versionFields(store) + [
                ("descrizione", "Sponsor scelto senza confronto"), ("probabilita", "4"), ("impatto", "3"), ("giudizio", "high"), ("motivazione", "Importi rilevanti"),
            ]).status == .seeOther)
            let numeric = try #require(try await Self.current(store).plan.piao?.risks?.processes.last?.events.first?.assessment)
            #expect(numeric.numericScore == 12 && numeric.exposure?.count == 2)
            // An event a measure treats cannot go; this one can, then its process.
            let treated = try await rpct.post(Paths.piaoEvent(Self.draft, "P01", "P01.R1"),
                                              try await Self.versionFields(store) + [("descrizione", "x"), ("azione", "elimina")])
            #expect(treated.status == .unprocessableContent && treated.text.contains("toglierlo prima dagli eventi della misura"))
            #expect(try await rpct.post(Paths.piaoEvent(Self.draft, "P90", "P90.R1"), try await Self.versionFields(store) + [("azione", "elimina")]).status == .seeOther)
            #expect(try await rpct.post(Paths.piaoProcess(Self.draft, "P90"), try await Self.versionFields(store) + [("azione", "elimina")]).status == .seeOther)
            #expect(try await Self.current(store).plan.piao?.risks?.processes.contains { $0.code == "P90" } == false)

            for user in [DemoUser.hr, DemoUser.oiv] {
                var other = TestBrowser(client)
                try await other.login(user)
                #expect(try await other.get(Paths.piaoProcess(Self.draft, "P01")).status == .forbidden)
                #expect(try await other.post(Paths.piaoTransparency(Self.draft), try await Self.versionFields(store) + [("metodo", "qualitative")]).status == .forbidden)
            }
            let unchanged = try await Self.current(store).plan.piao?.risks
            #expect(unchanged?.ratingMethod == .numeric && unchanged?.transparency == obligations)
        }
    }

    @Test("the HR office edits training and units; the RPCT may not; the scheda anagrafica is the struttura tecnica's")
    func sectionThree() async throws {
        try await TestServer.run(prepare: { try await TestServer.addDraft($0, id: Self.draft) }) { client, store in
            var hr = TestBrowser(client)
            try await hr.login(DemoUser.hr)
            let piao = try await hr.get(Paths.piao(Self.draft))
            #expect(piao.text.contains(Paths.piaoUnits(Self.draft)) && !piao.text.contains(Paths.piaoRegistry(Self.draft)))
            let training = try await hr.post(Paths.piaoTraining(Self.draft), try await Self.versionFields(store) + [
                ("anno-0", "2022"), ("titolo-0", "Etica pubblica"), ("destinatari-0", "tutto il personale"), ("ore-0", "7,5"), ("partecipanti-0", "110"),
            ])
            #expect(training.status == .seeOther)
            let actions = try #require(try await Self.current(store).plan.piao?.training)
            #expect(actions == [TrainingAction(title: "Etica pubblica", year: 2022, audience: "tutto il personale", hours: 7.5, participants: 110)])
            let hours = try await hr.post(Paths.piaoTraining(Self.draft), try await Self.versionFields(store) + [("anno-0", "2022"), ("titolo-0", "x"), ("ore-0", "molte")])
            #expect(hours.status == .unprocessableContent && hours.text.contains("le ore sono un numero"))

            // The units form as shown, with one unit renamed, saves; emptying a unit a process names is refused.
            let form = try await hr.get(Paths.piaoUnits(Self.draft))
            #expect(form.status == .ok && form.text.contains("Area Anagrafica"))
            let units = try #require(try await Self.current(store).plan.organization.units)
            let fields = units.enumerated().flatMap { n, unit in
                [("id-\(n)", unit.id), ("nome-\(n)", n == 2 ? "Area Anagrafica e Registro" : unit.name), ("tipo-\(n)", unit.kind.rawValue),
                 ("superiore-\(n)", unit.parent ?? ""), ("responsabile-\(n)", unit.head ?? "")]
            }
            #expect(try await hr.post(Paths.piaoUnits(Self.draft), try await Self.versionFields(store) + fields).status == .seeOther)
            #expect(try await Self.current(store).plan.organization.units?[2].name == "Area Anagrafica e Registro")
            let removed = fields.filter { !$0.0.hasSuffix("-3") }
            let refused = try await hr.post(Paths.piaoUnits(Self.draft), try await Self.versionFields(store) + removed)
            #expect(refused.status == .unprocessableContent && refused.text.contains("non si può togliere"))

            #expect(try await hr.get(Paths.piaoRegistry(Self.draft)).status == .forbidden)
            var rpct = TestBrowser(client)
            try await rpct.login(DemoUser.rpct)
            #expect(try await rpct.post(Paths.piaoUnits(Self.draft), try await Self.versionFields(store) + fields).status == .forbidden)
        }
    }

    @Test("the struttura tecnica adds a public-value objective on the plan's objectives; an unknown key is refused")
    func publicValue() async throws {
        try await TestServer.run(prepare: { try await TestServer.addDraft($0, id: Self.draft) }) { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let path = Paths.piaoPublicValue(Self.draft, "nuovo")
            let base = [("codice", "VP9"), ("titolo", "Mercato più trasparente"), ("portatori", "imprese; consumatori"),
                        ("indicatore-0", "Imprese sanzionate sul totale"), ("quadro-0", "BES 11.4")]
            let unknown = try await admin.post(path, try await Self.versionFields(store) + base + [("obiettivi", "1.1, 9.9")])
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("«9.9» non è nel piano"))
            #expect(try await admin.post(path, try await Self.versionFields(store) + base + [("obiettivi", "2.1, 2.1.1")]).status == .seeOther)
            let value = try #require(try await Self.current(store).plan.piao?.publicValue?.last)
            #expect(value.code == "VP9" && value.objectives == ["2.1", "2.1.1"] && value.stakeholders == ["imprese", "consumatori"])
            #expect(value.impactIndicators?.first?.framework == "BES 11.4")
            #expect(try await admin.get(Paths.piao(Self.draft)).text.contains("Mercato più trasparente"))
        }
    }
}
