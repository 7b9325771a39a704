import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// What an anonymous client can make the server do, and what it cannot: bodies refused before they are read, the
/// login limit held under concurrency, redirects only inside the site, file names never lost.
@Suite("Request hardening")
struct RequestHardeningTests {
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let form = Paths.measurementForm(TestServer.planID, key, .yearEnd(2021))

    @Test("an anonymous form without the CSRF cookie is refused before its body is read; with it, more than 16 KB is refused")
    func anonymousBodies() async throws {
        try await TestServer.run { client, _ in
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024)
            let forged = try await client.execute(uri: Paths.login, method: .post,
                                                  headers: [.contentType: "multipart/form-data; boundary=x"], body: huge)
            #expect(forged.status == .forbidden)
            var browser = TestBrowser(client)
            _ = try await browser.get(Paths.login)
            let boundary = "limite"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"utente\"\r\n\r\n" + String(repeating: "x", count: 1_000_000) + "\r\n--\(boundary)--\r\n"
            let large = try await browser.request(Paths.login, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                                  body: ByteBuffer(string: body))
            #expect(large.status == .contentTooLarge)
            #expect(large.text.contains("troppo grande per una richiesta senza accesso"))
            // The JSON login of the API is bounded the same way.
            let json = #"{"organization":"cciaa-brescia","username":"\#(String(repeating: "x", count: 100_000))","password":"x"}"#
            let api = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
            #expect(api.status == .contentTooLarge)
            // A signed-in user still sends evidence of several megabytes.
            try await browser.login(DemoUser.manager)
            let pdf = EvidenceUpload.testPDF.data + Data(count: 3 * 1024 * 1024)
            let upload = try await browser.postMultipart(Self.form, [("valore", "1.500")], file: ("evidenza", "grande.pdf", "application/pdf", pdf))
            #expect(upload.status == .seeOther)
        }
    }

    /// `count` wrong passwords sent at once, each from its own browser; the statuses that came back.
    static func parallelGuesses(_ client: any TestClientProtocol, count: Int, account: @escaping @Sendable (Int) -> String) async throws -> [HTTPResponse.Status] {
        var browser = TestBrowser(client)
        _ = try await browser.get(Paths.login)
        let prepared = browser
        return try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for index in 0..<count {
                group.addTask {
                    var guesser = prepared
                    return try await guesser.post(Paths.login, [("ente", TestServer.organization), ("utente", account(index)), ("password", "sbagliata-\(index)")]).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("150 guesses sent at once at one account: no more than the limit are checked, the rest refused at once")
    func throttleUnderConcurrency() async throws {
        try await TestServer.run { client, _ in
            let statuses = try await Self.parallelGuesses(client, count: 150) { _ in DemoUser.oiv }
            #expect(statuses.count == 150)
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 145)
            var browser = TestBrowser(client)
            #expect(try await browser.login(DemoUser.oiv).status == .tooManyRequests)
        }
    }

    @Test("150 guesses sent at once from one address at many accounts: no more than the limit are checked")
    func throttlePerAddressUnderConcurrency() async throws {
        try await TestServer.run(setup: .live) { client, _ in
            let statuses = try await Self.parallelGuesses(client, count: 150) { "utente\($0)" }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 145)
        }
    }

    /// Targets that would leave the site once a browser has read them (control characters dropped, backslashes
    /// read as slashes, dot segments folded), or are not a path at all.
    static let hostileTargets = [
        "//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example",
        "\t//evil.example", " //evil.example", "/ /evil.example", "/\u{0}/evil.example", "/\u{7F}/evil.example", "/\\/evil.example",
        "/./evil.example", "/.//evil.example", "/%2e/%2e//evil.example", "/../evil.example", "/a//evil.example", "http:/evil.example",
        "javascript:alert(1)", "/\u{3000}/evil.example", "/\u{200B}/evil.example", "\\\\evil.example", "/%5C%5Cevil.example/..//x", "",
    ]

    @Test("after login the browser is sent only to a path of this site", arguments: hostileTargets)
    func hostileRedirect(target: String) {
        #expect(AuthPages.safeTarget(target) == Paths.home, "\(target.debugDescription)")
    }

    @Test("ordinary paths of the site are kept as they are")
    func ordinaryRedirects() {
        for path in ["/", "/piani/cciaa-brescia-2021-2023/albero?colorazione=dirigenti", "/piani/x/obiettivi/1.1.2", "/piani/x/rilevazioni/1.1.2%2F1/2021-12-31"] {
            #expect(AuthPages.safeTarget(path) == path)
        }
    }

    @Test("the login form's hidden target passes through the same check")
    func loginRedirect() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            _ = try await browser.get(Paths.login)
            let response = try await browser.post(Paths.login, [("ente", TestServer.organization), ("utente", DemoUser.viewer),
                                                                 ("password", "demo-\(DemoUser.viewer)"), ("da", "/\t/evil.example")])
            #expect(response.status == .seeOther)
            #expect(response.location == Paths.home)
        }
    }

    /// A measurement form whose evidence part carries `disposition` as its Content-Disposition (bytes as given).
    static func evidenceForm(_ browser: inout TestBrowser, disposition: [UInt8]) async throws -> TestResponse {
        let boundary = "limite-evidenza"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n".utf8)
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"valore\"\r\n\r\n1.500\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: ".utf8) + Data(disposition) + Data("\r\nContent-Type: application/pdf\r\n\r\n".utf8))
        body.append(EvidenceUpload.testPDF.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await browser.request(Self.form, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(bytes: body))
    }

    @Test("a file named only by filename*= is saved under that name; a name that cannot be read is refused, never dropped")
    func evidenceFileNames() async throws {
        try await TestServer.run { client, store in
            var manager = TestBrowser(client)
            try await manager.login(DemoUser.manager)
            let extended = try await Self.evidenceForm(&manager, disposition: Array("form-data; name=\"evidenza\"; filename*=UTF-8''verit%C3%A0%20finale.pdf".utf8))
            #expect(extended.status == .seeOther)
            let saved = try await store.evidenceFiles(Self.admin, planID: TestServer.planID, indicator: Self.key, at: .yearEnd(2021))
            #expect(saved.map(\.fileName).contains("verità finale.pdf"))
            let before = try await store.measurements(Self.admin, planID: TestServer.planID)
            // "perché.pdf" in ISO-8859-1: not UTF-8.
            let latin1 = Array("form-data; name=\"evidenza\"; filename=\"perch".utf8) + [0xE9] + Array(".pdf\"".utf8)
            let refused = try await Self.evidenceForm(&manager, disposition: latin1)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("rinominare il file"))
            let broken = try await Self.evidenceForm(&manager, disposition: Array("form-data; name=\"evidenza\"; filename*=UTF-8''%FF%FE.pdf".utf8))
            #expect(broken.status == .badRequest)
            #expect(try await store.measurements(Self.admin, planID: TestServer.planID) == before)
            #expect(try await store.evidenceFiles(Self.admin, planID: TestServer.planID, indicator: Self.key, at: .yearEnd(2021)).count == saved.count)
        }
    }

    @Test("RFC 5987 file names: UTF-8 and ISO-8859-1 decoded, others refused, filename*= preferred to filename=")
    func extendedFileNames() {
        #expect(FormInput.fileName(in: "form-data; name=\"f\"; filename=\"a.pdf\"; filename*=UTF-8''%E2%82%AC.pdf") == .named("€.pdf"))
        #expect(FormInput.fileName(in: "form-data; name=\"f\"; filename*=iso-8859-1'it'perch%E9.pdf") == .named("perché.pdf"))
        #expect(FormInput.fileName(in: "form-data; name=\"f\"; filename*=KOI8-R''x.pdf") == .unreadable)
        #expect(FormInput.fileName(in: "form-data; name=\"f\"; filename*=UTF-8''%ZZ.pdf") == .unreadable)
        #expect(FormInput.fileName(in: "form-data; name=\"f\"") == FormInput.FileName.none)
    }
}
