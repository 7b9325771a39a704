import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import Testing

/// A method the application has no handler for, on a path it knows, is a 405 with `Allow` (RFC 9110 §15.5.6), in
/// JSON under /api and as the Italian error page elsewhere; an unknown path stays 404, and a route's own 404
/// (a plan that does not exist) is untouched.
@Suite("405 Method Not Allowed")
struct MethodNotAllowedTests {
    static let plan = TestServer.planID

    @Test("undeclared methods on API paths: 405, Allow lists the declared ones, the error is JSON")
    func apiPaths() async throws {
        try await TestServer.run { client, _ in
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/api/plans", .trace, "GET"), ("/api/plans", .put, "GET"), ("/api/plans", .options, "GET"),
                ("/api/session", .get, "DELETE, POST"), ("/api/session", .patch, "DELETE, POST"),
                ("/api/plans/\(Self.plan)/measurements", .delete, "GET, POST"),
                ("/api/plans/\(Self.plan)/objectives/1.1.2", .post, "GET"),
                // The path's parameters need not name anything: the route is known, its methods are not these.
                ("/api/plans/nessuno/scores", .put, "GET"),
            ]
            for (path, method, allow) in cases {
                let response = try await client.execute(uri: path, method: method, headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(method) \(path)")
                struct Body: Decodable { var error: String }
                let body = try JSONDecoder().decode(Body.self, from: Data(buffer: response.body))
                #expect(body.error.contains("non consentito"), "\(method) \(path)")
            }
        }
    }

    @Test("undeclared methods on pages and service paths: 405 with Allow and the Italian error page")
    func pagePaths() async throws {
        try await TestServer.run { client, _ in
            for (path, method, allow) in [("/healthz", HTTPRequest.Method.delete, "GET"), ("/metrics", .trace, "GET"), ("/accesso", .put, "GET, POST"),
                                          ("/piani/\(Self.plan)/piano", .post, "GET")] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.text.contains("<html lang=\"it\">"), "\(method) \(path)")
                #expect(response.text.contains("non consentito"), "\(method) \(path)")
            }
        }
    }

    @Test("an unknown path stays 404 whatever the method; a known route's own 404 and its answers are untouched")
    func notFoundStays() async throws {
        try await TestServer.run { client, _ in
            let token = try await PermissionTests.openAPISession(client, username: DemoUser.admin)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            for method in [HTTPRequest.Method.get, .post, .trace, .delete] {
                let response = try await client.execute(uri: "/api/nessuna-risorsa", method: method, headers: bearer)
                #expect(response.status == .notFound, "\(method)")
                #expect(response.headers[.allow] == nil)
            }
            let missingPlan = try await client.execute(uri: "/api/plans/nessuno", method: .get, headers: bearer)
            #expect(missingPlan.status == .notFound)
            #expect(missingPlan.headers[.allow] == nil)
            #expect(try await client.execute(uri: "/api/plans", method: .get, headers: bearer).status == .ok)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test("the most specific route decides, as in the router: a literal segment before a capture")
    func specificity() {
        let router = Router(context: WebRequestContext.self)
        router.get("/piani/:plan") { _, _ in "piano" }
        router.post("/piani/nuovo") { _, _ in "nuovo" }
        router.get("/file/**") { _, _ in "file" }
        router.put("/file/speciale") { _, _ in "speciale" }
        let table = MethodNotAllowedMiddleware(routes: router.routes)
        #expect(table.allowedMethods(path: "/piani/nuovo") == [.post])
        #expect(table.allowedMethods(path: "/piani/brescia") == [.get])
        #expect(table.allowedMethods(path: "/piani/brescia/") == [.get])
        #expect(table.allowedMethods(path: "/piani") == nil)
        #expect(table.allowedMethods(path: "/piani/brescia/altro") == nil)
        #expect(table.allowedMethods(path: "/file/a/b/c") == [.get])
        #expect(table.allowedMethods(path: "/file/speciale") == [.put])
        #expect(table.allowedMethods(path: "/file") == nil)
        #expect(table.allowedMethods(path: "/altro") == nil)
    }
}
