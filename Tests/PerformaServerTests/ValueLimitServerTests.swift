import Foundation
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// The limits of `ValueLimits` hold for the measurement form and the API, with the same rule the files and the plan
/// editor keep (`ValueLimitFileTests`, `ValueLimitStoreTests`).
@Suite("Value limits through the measurement form and the API")
struct ValueLimitServerTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let form = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))

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
