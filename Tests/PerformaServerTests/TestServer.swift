import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Performa
@testable import PerformaServer
import PerformaStore

/// The real application on a real SQLite database (a fresh file per test) loaded with the demo data: the Brescia
/// plan, the illustrative 2021 results and one user per role. Tests talk to it through HummingbirdTesting.
enum TestServer {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")
    static let planID = "cciaa-brescia-2021-2023"
    static let organization = "cciaa-brescia"

    static func configuration(demo: Bool = true) -> ServerConfiguration {
        ServerConfiguration(host: "127.0.0.1", port: 0, database: .sqlite(path: "unused"), demo: demo,
                            assetsFolder: repository.appendingPathComponent("vendor/bootstrap-italia").path, passwordCost: 4)
    }

    /// A logger that says nothing: tests look at responses, not at the log (LogCapture when they do).
    static var quietLogger: Logger {
        var logger = Logger(label: "performa.test")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` against a freshly seeded application. `prepare` runs on the store before the app starts.
    /// `seed: false` starts from an empty database, as `performa serve` without `--demo` does; `setup: .live` puts a
    /// real socket in front (the client's address is then known, as the login throttle needs); `configure` changes
    /// the configuration (session lifetime, limits); `logger` receives the store's and the application's log;
    /// `renderObserver` sees every page rendered.
    static func run<T: Sendable>(
        demo: Bool = true, seed: Bool = true, setup: TestingSetup = .router, logger: Logger = quietLogger,
        renderObserver: PageRenderer.RenderObserver? = nil,
        configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
        prepare: @Sendable (SQLStore) async throws -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, SQLStore) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await StoreLauncher.withStore(.sqlite(path: folder.appendingPathComponent("performa.sqlite").path), logger: logger) { store in
            let accounts = seed ? try await DemoData.load(into: store, examples: examples, passwordCost: 4).accounts : []
            try await prepare(store)
            var settings = configuration(demo: demo)
            configure(&settings)
            let app = try await buildApplication(configuration: settings, store: store, demoAccounts: accounts, logger: logger,
                                                 renderObserver: renderObserver)
            return try await app.test(setup) { client in try await body(client, store) }
        }
    }

    /// A draft copy of the Brescia plan under another id, which the struttura tecnica edits in place.
    static func addDraft(_ store: SQLStore, id: String) async throws {
        let admin = AccessContext(organization: organization, user: "test", role: .admin)
        var copy = try await store.plan(admin, id: planID, version: nil).plan
        copy.id = id
        copy.status = .draft
        copy.version = nil
        copy.acts = nil
        _ = try await store.importPlan(admin, copy, revision: nil, createOrganization: false)
    }

    /// The folder `run` keeps its database in, for tests that check nothing else is written there.
    static func dataFolder(of store: SQLStore) -> URL? {
        guard store.address.hasPrefix("sqlite:") else { return nil }
        return URL(fileURLWithPath: String(store.address.dropFirst("sqlite:".count))).deletingLastPathComponent()
    }
}

/// A browser for tests: keeps cookies (session and CSRF) between requests, submits forms with the CSRF token.
struct TestBrowser: Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    var csrf: String { cookies["performa_csrf"] ?? "" }

    mutating func request(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        var fields = headers
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: fields, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    mutating func get(_ uri: String) async throws -> TestResponse {
        try await request(uri, method: .get)
    }

    /// Submits a URL-encoded form; the CSRF token is added unless `csrf` is false.
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        if self.csrf.isEmpty { _ = try await get(Paths.login) }
        let all = (csrf ? [("_csrf", self.csrf)] : []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await request(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// Submits a multipart form (with an optional file), as the measurement form does; the CSRF token is added
    /// unless `csrf` is false.
    mutating func postMultipart(_ uri: String, _ fields: [(String, String)], file: (field: String, name: String, type: String, data: Data)? = nil,
                                csrf: Bool = true) async throws -> TestResponse {
        if self.csrf.isEmpty { _ = try await get(Paths.login) }
        let boundary = "----performa-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in (csrf ? [("_csrf", self.csrf)] : []) + fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await request(uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
    }

    /// Logs in through the form; returns the response of the login POST.
    @discardableResult
    mutating func login(_ username: String, password: String? = nil, organization: String = TestServer.organization) async throws -> TestResponse {
        _ = try await get(Paths.login)
        return try await post(Paths.login, [("ente", organization), ("utente", username), ("password", password ?? "demo-\(username)")])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}

/// The demo users by role: `admin`, a manager (Vairano: 1.1, 1.1.1, 1.1.2, 2.1.1, 2.2.2, 2.2.3), `oiv`, `lettore`.
enum DemoUser {
    static let admin = "admin"
    static let manager = "vairano"
    static let otherManager = "taioli"
    static let oiv = "oiv"
    static let viewer = "lettore"
    static let rpct = "rpct"
    static let hr = "personale"
}
