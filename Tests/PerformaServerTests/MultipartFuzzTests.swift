import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import Testing

/// Mutational fuzzing (Tests/Fuzz/FuzzDriver.swift) of form decoding (FormInput: MultipartKit's parser and
/// the URL-encoded reader), through the real application: a manager posts mutated bodies to the measurement
/// form. The property: every answer is a page or a refusal (below 500), the application keeps answering.
@Suite("Fuzz: multipart and URL-encoded forms")
struct MultipartFuzzTests {
    static let boundary = "----performa-fuzz"
    static let form = Paths.measurementForm(TestServer.planID, IndicatorKey(objective: "1.1.2", number: 1), .yearEnd(2021))

    /// The corpus holds `CSRF-TOKEN` where the browser's token goes, so that mutants get past the CSRF check.
    static func withToken(_ data: Data, _ token: String) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        return text.contains("CSRF-TOKEN") && String(data: data, encoding: .utf8) != nil ? Data(text.replacingOccurrences(of: "CSRF-TOKEN", with: token).utf8) : data
    }

    @Test("mutated multipart and URL-encoded bodies get an answer below 500; the application keeps working")
    func forms() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.manager)
            var session = FuzzSession("multipart", tokens: ["--\(Self.boundary)", "--\(Self.boundary)--", "\r\n\r\n", "Content-Disposition: form-data; ",
                                                            "name=\"", "filename=\"", "filename*=UTF-8''%E2%80%AE.pdf", "Content-Type: ",
                                                            "name=\"evidenza\"; filename=\"../../x\"", "%", "%ZZ", "+", "="],
                                      defaultIterations: 150)
            while let input = session.next() {
                let multipart = input.starts(with: Data("--".utf8))
                let contentType = multipart ? "multipart/form-data; boundary=\(Self.boundary)" : "application/x-www-form-urlencoded"
                let response = try await browser.request(Self.form, method: .post, headers: [.contentType: contentType],
                                                         body: ByteBuffer(bytes: Self.withToken(input, browser.csrf)))
                #expect(response.status.code < 500, "\(response.status) for \(String(decoding: input, as: UTF8.self).prefix(300))")
                session.record(response.status.code < 400 ? .accepted : .refused)
            }
            let report = session.finish()
            #expect(report.accepted > 0 && report.refused > 0)
            #expect(try await browser.get(Self.form).status == .ok, "the application still answers")
        }
    }
}
