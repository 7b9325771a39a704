import Foundation
import HummingbirdTesting
import Performa
import PerformaFormats
@testable import PerformaServer
import PerformaStore
import Testing

/// The limits of `ValueLimits` hold for the web editor, the measurement form and the API, with the same rule the
/// files keep (`ValueLimitFileTests`, `ValueLimitStoreTests`).
@Suite("Value limits through the web editor, the measurement form and the API")
struct ValueLimitServerTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let form = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))

    static func refusal(_ body: () throws(EditError) -> Plan) -> EditError? {
        do throws(EditError) {
            _ = try body()
            Issue.record("accepted, expected a refusal")
            return nil
        } catch {
            return error
        }
    }

    @Test("the plan editor refuses a weight over 100%, a NUL in a title and a description past its length, next to the field")
    func planEdit() throws {
        let plan = try PlanFile.read(contentsOf: TestServer.examples.appendingPathComponent(DemoData.planFile))
        let heavy = Self.refusal { () throws(EditError) in try PlanEdit.setObjective(plan, key: "1.1", PlanEdit.ObjectiveFields(code: "", title: "Titolo", weight: 150)) }
        #expect(heavy?.field == "peso" && heavy?.message.contains("peso fuori dai limiti") == true)
        let nul = Self.refusal { () throws(EditError) in try PlanEdit.setArea(plan, code: "1", newCode: "1", title: "Area\u{0}", weight: nil) }
        #expect(nul?.field == "titolo" && nul?.message.contains("U+0000") == true)
        var fields = PlanEdit.ObjectiveFields(code: "", title: "Titolo", weight: 50)
        fields.description = String(repeating: "d", count: ValueLimits.maximumChapterLength + 1)
        let long = Self.refusal { () throws(EditError) in try PlanEdit.setObjective(plan, key: "1.1", fields) }
        #expect(long?.field == "descrizione" && long?.message.contains("testo troppo lungo") == true)
        let manager = try #require(plan.organization.managers.first).id
        let assignment = Self.refusal { () throws(EditError) in try PlanEdit.setAssignment(plan, manager: manager, [(objective: "1.1", weight: -10)]) }
        #expect(assignment?.field == "peso-0")
        _ = try PlanEdit.setObjective(plan, key: "1.1", PlanEdit.ObjectiveFields(code: "", title: "Titolo", weight: 100))
    }

    @Test("the measurement form refuses a note past 10.000 characters or with a NUL; nothing is saved")
    func measurementNote() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            let before = try await store.measurements(Self.admin, planID: Self.plan)
            for note in [String(repeating: "n", count: ValueLimits.maximumNoteLength + 1), "nota\u{0}nulla"] {
                let response = try await browser.postMultipart(Self.form, [("valore", "300"), ("nota", note)])
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("testo troppo lungo") || response.text.contains("carattere di controllo"))
            }
            #expect(try await store.measurements(Self.admin, planID: Self.plan) == before)
        }
    }

    @Test("the API refuses a value beyond the scale and a note with a control character; nothing is saved")
    func api() async throws {
        try await TestServer.run { client, store in
            let before = try await store.measurements(Self.admin, planID: Self.plan)
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            for (value, note) in [("2000000000000000", "ok"), ("300", "nota\\u0007campanello")] {
                let body = #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"\#(value)","note":"\#(note)"}"#
                let response = try await client.execute(uri: "/api/plans/\(Self.plan)/measurements", method: .post,
                                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: .init(string: body))
                #expect(response.status == .unprocessableContent, "\(value) \(note): \(response.status)")
            }
            #expect(try await store.measurements(Self.admin, planID: Self.plan) == before)
        }
    }
}
