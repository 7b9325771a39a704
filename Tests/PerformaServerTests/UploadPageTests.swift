import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
import PerformaFormats
@testable import PerformaServer
import PerformaStore
import Testing

/// Plans and results from the browser: read, checked, compared, and written only on confirmation; an unreadable file
/// names its line or cell and writes nothing.
@Suite("Uploading plans and results")
struct UploadPageTests {
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test("a changed weight in the adopted plan: the preview names it and asks for the act; confirmed with the act, a new version")
    func revision() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            var plan = try await store.plan(PermissionTests.admin, id: TestServer.planID, version: nil).plan
            let before = try await store.planVersions(PermissionTests.admin, planID: TestServer.planID).count
            plan.areas[0].weight = (plan.areas[0].weight ?? 0) + 1
            let yaml = try PlanFile.yaml(plan)
            let preview = try await admin.postMultipart(UploadPage.path, [("tipo", "piano")],
                                                        file: ("file", "piano-rivisto.yaml", "application/yaml", Data(yaml.utf8)))
            #expect(preview.status == .ok)
            let html = preview.text
            #expect(html.contains("Revisione del piano"))
            #expect(html.contains("area 1") && html.contains("peso:"))
            #expect(html.contains("Numero dell&#39;atto") || html.contains("Numero dell'atto"))
            #expect(try await store.planVersions(PermissionTests.admin, planID: TestServer.planID).count == before, "nothing written by the preview")

            let payload = try #require(Self.hidden("contenuto", in: html))
            let confirmed = try await admin.postMultipart(UploadPage.confirmPath, [("tipo", "piano"), ("piano", ""), ("nome", "piano-rivisto.yaml"),
                                                                                   ("contenuto", payload), ("motivo", "Pesi delle aree rivisti"),
                                                                                   ("organo", "Giunta"), ("numero", "77"), ("data", "2021-07-15")])
            #expect(confirmed.status == .seeOther)
            let versions = try await store.planVersions(PermissionTests.admin, planID: TestServer.planID)
            #expect(versions.count == before + 1)
            #expect(versions.last?.reason == "Pesi delle aree rivisti")
        }
    }

    @Test("an unreadable plan names its line; a plan of another organization is refused; nothing is written")
    func refused() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let before = try await store.plans(PermissionTests.admin)
            let broken = try await admin.postMultipart(UploadPage.path, [("tipo", "piano")],
                                                       file: ("file", "rotto.yaml", "application/yaml", Data("id: x\ntitle: [non chiuso\n".utf8)))
            #expect(broken.status == .unprocessableContent)
            #expect(broken.text.contains("rotto.yaml"))
            #expect(broken.text.contains("riga"))

            var foreign = try await store.plan(PermissionTests.admin, id: TestServer.planID, version: nil).plan
            foreign.organization.id = "cciaa-bergamo"
            foreign.id = "cciaa-bergamo-2021-2023"
            let other = try await admin.postMultipart(UploadPage.path, [("tipo", "piano")],
                                                      file: ("file", "bergamo.yaml", "application/yaml", Data(try PlanFile.yaml(foreign).utf8)))
            #expect(other.text.contains("non di questo"))
            #expect(!other.text.contains("Conferma e salva"))
            let payload = Data(try PlanFile.yaml(foreign).utf8).base64EncodedString()
            let forced = try await admin.postMultipart(UploadPage.confirmPath, [("tipo", "piano"), ("nome", "bergamo.yaml"), ("contenuto", payload)])
            #expect(forced.status == .unprocessableContent)
            #expect(try await store.plans(PermissionTests.admin) == before)
            let missing = try await admin.postMultipart(UploadPage.path, [("tipo", "piano")])
            #expect(missing.text.contains("Scegliere il file"))
        }
    }

    @Test("a measurement sheet as CSV: previewed, then its one new value is added to the plan's results")
    func measurementSheet() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let plan = try await store.plan(PermissionTests.admin, id: TestServer.planID, version: nil).plan
            var table = MeasurementSheet.template(plan: plan, year: 2021)
            let headers = table.columns.map(\.header)
            let objective = try #require(headers.firstIndex(of: MeasurementSheet.objective))
            let checkpoint = try #require(headers.firstIndex(of: MeasurementSheet.checkpoint))
            let number = try #require(headers.firstIndex(of: MeasurementSheet.number))
            let value = try #require(headers.firstIndex(of: MeasurementSheet.value))
            let row = try #require(table.rows.firstIndex { $0[objective] == .text("1.1.2") && $0[number] == .integer(1) && $0[checkpoint] == .date(.yearEnd(2021)) })
            table.rows[row][value] = .number(4321)
            let csv = SpreadsheetCSV.text(table)
            let before = try await MeasurementFlowTests.history(store).count
            let preview = try await admin.postMultipart(UploadPage.path, [("tipo", "risultati"), ("piano", TestServer.planID)],
                                                        file: ("file", "Rilevazioni.csv", "text/csv", Data(csv.utf8)))
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Risultati del piano"))
            let payload = try #require(Self.hidden("contenuto", in: preview.text))
            let confirmed = try await admin.postMultipart(UploadPage.confirmPath, [("tipo", "risultati"), ("piano", TestServer.planID),
                                                                                   ("nome", "Rilevazioni.csv"), ("contenuto", payload)])
            #expect(confirmed.status == .seeOther)
            let history = try await MeasurementFlowTests.history(store)
            #expect(history.count == before + 1)
            #expect(history.last?.text == "4.321")
        }
    }
}
