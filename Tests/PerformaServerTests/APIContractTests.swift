import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// The server keeps docs/api/openapi.yaml: requests that keep the document are accepted, requests that break it are
/// refused with a 4xx, and every status answered is one the document lists for the operation. One test per
/// disagreement schemathesis found (tests/api/run-schemathesis.sh runs it on the whole document).
@Suite("API contract")
struct APIContractTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)

    /// The statuses the document lists for an operation.
    static func documented(_ path: String, _ method: String) throws -> Set<Int> {
        let document = try OpenAPIDocumentTests.document()
        let item = try #require((document["paths"] as? [String: Any])?[path] as? [String: Any], "\(path)")
        let operation = try #require(item[method] as? [String: Any], "\(method) \(path)")
        return Set(try #require(operation["responses"] as? [String: Any]).keys.compactMap { Int($0) })
    }

    static func send(_ client: any TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get, token: String?, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// The answer has the expected status, the document lists it, and an error carries the API's JSON body.
    static func expect(_ response: TestResponse, _ status: HTTPResponse.Status, documentedAt path: String, _ method: String, _ label: String) throws {
        #expect(response.status == status, "\(label): \(response.status.code) \(response.text.prefix(200))")
        #expect(try documented(path, method).contains(Int(response.status.code)), "\(label): stato \(response.status.code) non documentato")
        if response.status.code >= 400 {
            struct Body: Decodable { var error: String }
            #expect((try? JSONDecoder().decode(Body.self, from: Data(buffer: response.body))) != nil, "\(label): nessun JSON d'errore")
        }
    }

    @Test("?version= that is not a version is a 400, never the current plan; a real version is served, a missing one is 404")
    func planVersion() async throws {
        try await TestServer.run { client, _ in
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let path = "/api/plans/{plan}"
            for bad in ["abc", "", "0", "-1", "1.0", "+1", "1e3", "null", "99999999999", "2147483648", "%201"] {
                let response = try await Self.send(client, "/api/plans/\(Self.plan)?version=\(bad)", token: token)
                try Self.expect(response, .badRequest, documentedAt: path, "get", "version=\(bad)")
                #expect(response.text.contains("Versione del piano non valida"), "version=\(bad)")
            }
            try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)?version=1", token: token), .ok, documentedAt: path, "get", "version=1")
            try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)?version=2147483647", token: token), .notFound, documentedAt: path, "get", "version=max")
            try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)", token: token), .ok, documentedAt: path, "get", "senza version")
        }
    }

    @Test("pages: ?versione= that is not a version is a 400 with the Italian error page, never the current plan")
    func pageVersion() async throws {
        try await TestServer.run { client, _ in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            for file in ["piano.html", "piano.yaml", "piano.json"] {
                for bad in ["abc", "0", "1.5", ""] {
                    let response = try await browser.get(Paths.document(Self.plan, file) + "?versione=\(bad)")
                    #expect(response.status == .badRequest, "\(file) versione=\(bad)")
                    #expect(response.text.contains("<html lang=\"it\">") && response.text.contains("Versione del piano non valida"), "\(file) versione=\(bad)")
                }
                #expect(try await browser.get(Paths.document(Self.plan, file) + "?versione=1").status == .ok, "\(file)")
            }
        }
    }

    @Test("the plan version parser: digits from 1 to 2.147.483.647, nil when absent, an Italian 400 otherwise")
    func versionParser() throws {
        #expect(try PlanVersionQuery.parse(nil, parameter: "versione") == nil)
        #expect(try PlanVersionQuery.parse("3", parameter: "versione") == 3)
        #expect(try PlanVersionQuery.parse("2147483647", parameter: "versione") == 2_147_483_647)
        for bad in ["abc", "", " 3", "3 ", "0", "-2", "+2", "٣", "2147483648", "0x10", "3abc"] {
            #expect {
                _ = try PlanVersionQuery.parse(bad, parameter: "versione")
            } throws: { error in
                guard let error = error as? HTTPError else { return false }
                return error.status == .badRequest && (error.body ?? "").contains("versione deve essere un numero intero")
            }
        }
    }

    @Test("measurements: indicator and at filter on their own or together; a malformed date is a 400, a date or key that names nothing an empty list")
    func measurementFilters() async throws {
        try await TestServer.run { client, store in
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let path = "/api/plans/{plan}/measurements"
            let all = try await store.measurements(Self.admin, planID: Self.plan)
            let key = try #require(IndicatorKey(parsing: "1.1.2/1"))
            func rows(_ query: String) async throws -> [StoredMeasurement] {
                let response = try await Self.send(client, "/api/plans/\(Self.plan)/measurements\(query)", token: token)
                try Self.expect(response, .ok, documentedAt: path, "get", query)
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                return try decoder.decode([StoredMeasurement].self, from: Data(buffer: response.body))
            }
            #expect(try await rows("").count == all.count)
            let byIndicator = try await rows("?indicator=1.1.2/1")
            #expect(!byIndicator.isEmpty && byIndicator.count == all.filter { $0.indicator == key }.count)
            let byDay = try await rows("?at=2021-12-31")
            #expect(!byDay.isEmpty && byDay.count == all.filter { $0.at == .yearEnd(2021) }.count)
            #expect(try await rows("?indicator=1.1.2/1&at=2021-12-31").count == all.filter { $0.indicator == key && $0.at == .yearEnd(2021) }.count)
            #expect(try await rows("?indicator=nessuno").isEmpty)
            #expect(try await rows("?at=1800-01-01").isEmpty)
            #expect(try await rows("?indicator=1.1.2/1&at=9999-12-31").isEmpty)
            for bad in ["abc", "31/12/2021", "2021-02-30", "2021-13-01", "0000-01-01", "2021-1-1", "2021-12-31T00:00:00Z"] {
                try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)/measurements?at=\(Paths.encode(bad))", token: token),
                                .badRequest, documentedAt: path, "get", "at=\(bad)")
            }
        }
    }

    @Test("scores: a real date that is not a checkpoint is 404 (nothing there), a text that is no date a 400")
    func scoresCheckpoint() async throws {
        try await TestServer.run { client, _ in
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let path = "/api/plans/{plan}/scores"
            try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)/scores?at=2021-06-30", token: token), .ok, documentedAt: path, "get", "checkpoint")
            for date in ["2021-01-01", "0278-06-24", "9999-12-31"] {
                try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)/scores?at=\(date)", token: token), .notFound, documentedAt: path, "get", date)
            }
            for bad in ["abc", "2021-02-30", "30/06/2021", "2021-06-30x"] {
                try Self.expect(try await Self.send(client, "/api/plans/\(Self.plan)/scores?at=\(Paths.encode(bad))", token: token),
                                .badRequest, documentedAt: path, "get", bad)
            }
        }
    }

    @Test("login: a missing or malformed body is a documented 400, an unknown field is refused, empty fields a 422")
    func sessionBody() async throws {
        try await TestServer.run { client, _ in
            let path = "/api/session"
            for (label, body) in [("senza corpo", nil), ("non JSON", "organization=x"), ("array", "[]"), ("numero", #"{"organization":1,"username":"admin","password":"x"}"#),
                                  ("campo in più", #"{"organization":"cciaa-brescia","username":"admin","password":"demo-admin","ruolo":"admin"}"#)] as [(String, String?)] {
                try Self.expect(try await Self.send(client, "/api/session", method: .post, token: nil, json: body), .badRequest, documentedAt: path, "post", label)
            }
            let unknown = try await Self.send(client, "/api/session", method: .post, token: nil,
                                              json: #"{"organization":"cciaa-brescia","username":"admin","password":"demo-admin","ruolo":"admin"}"#)
            #expect(unknown.text.contains("Campo sconosciuto «ruolo»"))
            try Self.expect(try await Self.send(client, "/api/session", method: .post, token: nil, json: #"{"organization":"cciaa-brescia","username":"admin","password":""}"#),
                            .unprocessableContent, documentedAt: path, "post", "password vuota")
            // The longest password the document allows (1000 characters, far past bcrypt's 72 bytes) is a wrong one, not an error.
            let long = String(repeating: "è", count: 1000)
            try Self.expect(try await Self.send(client, "/api/session", method: .post, token: nil,
                                                json: #"{"organization":"cciaa-brescia","username":"oiv","password":"\#(long)"}"#),
                            .unauthorized, documentedAt: path, "post", "password lunga")
            try Self.expect(try await Self.send(client, "/api/session", method: .post, token: nil,
                                                json: #"{"organization":"cciaa-brescia","username":"oiv","password":"demo-oiv"}"#),
                            .created, documentedAt: path, "post", "esempio")
        }
    }

    @Test("recording: null for the optional fields is accepted; unknown fields, malformed dates and revisions out of range are refused and nothing is saved")
    func measurementBody() async throws {
        try await TestServer.run { client, store in
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let path = "/api/plans/{plan}/measurements"
            let uri = "/api/plans/\(Self.plan)/measurements"
            let before = try await store.measurements(Self.admin, planID: Self.plan)
            let refused: [(String, String, HTTPResponse.Status)] = [
                ("campo sconosciuto", #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","expectedRevison":3}"#, .badRequest),
                ("data italiana", #"{"indicator":"1.1.2/1","at":"31/12/2021","value":"1.500"}"#, .unprocessableContent),
                ("data impossibile", #"{"indicator":"1.1.2/1","at":"2021-02-30","value":"1.500"}"#, .unprocessableContent),
                ("revisione negativa", #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","expectedRevision":-1}"#, .unprocessableContent),
                ("revisione oltre 32 bit", #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","expectedRevision":2147483648}"#, .unprocessableContent),
                ("revisione oltre 64 bit", #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","expectedRevision":99999999999999999999999}"#, .badRequest),
                ("nota numerica", #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","note":5}"#, .badRequest),
                ("valore nullo", #"{"indicator":"1.1.2/1","at":"2021-12-31","value":null}"#, .badRequest),
            ]
            for (label, json, status) in refused {
                try Self.expect(try await Self.send(client, uri, method: .post, token: token, json: json), status, documentedAt: path, "post", label)
            }
            #expect(try await store.measurements(Self.admin, planID: Self.plan) == before)
            let accepted = try await Self.send(client, uri, method: .post, token: token,
                                               json: #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"1.500","note":null,"expectedRevision":null}"#)
            try Self.expect(accepted, .created, documentedAt: path, "post", "null")
            #expect(try await store.measurements(Self.admin, planID: Self.plan).count == before.count + 1)
        }
    }
}
