import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PerformaServer
import Testing
import Yams

/// Keeps docs/api/openapi.yaml true: the document parses as OpenAPI 3.1, and every operation it documents is
/// called against the running application with the document's own examples, answering with a status the document
/// lists and a JSON body with the properties its schema requires.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    typealias Node = [String: Any]

    static func document() throws -> Node {
        let text = try String(contentsOf: TestServer.repository.appendingPathComponent("docs/api/openapi.yaml"), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? Node)
    }

    /// Follows a `$ref` inside the document.
    static func resolve(_ node: Any?, in document: Node) -> Node? {
        guard let node = node as? Node else { return nil }
        guard let reference = node["$ref"] as? String else { return node }
        var current: Any? = document
        for part in reference.dropFirst(2).split(separator: "/") { current = (current as? Node)?[String(part)] }
        return resolve(current, in: document)
    }

    /// The properties a schema requires are in the value, recursively into arrays, objects and referenced schemas.
    static func check(_ value: Any, against schema: Node?, in document: Node, at path: String) -> [String] {
        guard let schema = resolve(schema, in: document) else { return [] }
        switch schema["type"] as? String {
        case "array":
            guard let items = value as? [Any] else { return ["\(path): atteso un array"] }
            return items.prefix(50).enumerated().flatMap { check($1, against: schema["items"] as? Node, in: document, at: "\(path)[\($0)]") }
        case "object":
            guard let object = value as? Node else { return ["\(path): atteso un oggetto"] }
            var problems = ((schema["required"] as? [String]) ?? []).filter { object[$0] == nil }.map { "\(path): manca «\($0)»" }
            for (name, property) in (schema["properties"] as? Node) ?? [:] {
                if let child = object[name] { problems += check(child, against: property as? Node, in: document, at: "\(path).\(name)") }
            }
            return problems
        case "string": return value is String ? [] : ["\(path): attesa una stringa"]
        case "integer", "number": return value is NSNumber ? [] : ["\(path): atteso un numero"]
        case "boolean": return value is NSNumber ? [] : ["\(path): atteso un booleano"]
        default: return []
        }
    }

    @Test("the document is OpenAPI 3.1 and the server serves it at /api/openapi.yaml")
    func served() async throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["paths"] as? Node)?.isEmpty == false)
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            let served = String(buffer: response.body)
            #expect(served == (try String(contentsOf: TestServer.repository.appendingPathComponent("docs/api/openapi.yaml"), encoding: .utf8)))
        }
    }

    /// Every operation of the document: path, method and its description.
    static func operations(_ document: Node) throws -> [(path: String, method: String, operation: Node)] {
        let paths = try #require(document["paths"] as? Node)
        var operations: [(path: String, method: String, operation: Node)] = []
        for (path, item) in paths {
            for (method, operation) in (item as? Node) ?? [:] where ["get", "post", "put", "patch", "delete"].contains(method) {
                operations.append((path, method, try #require(operation as? Node)))
            }
        }
        return operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    @Test("every documented operation answers as documented, with its examples")
    func everyOperation() async throws {
        #expect(try Self.operations(try Self.document()).count >= 12)
        try await TestServer.run { client, _ in
            // Parsed here: the YAML tree is not Sendable and stays inside this task.
            let document = try Self.document()
            let operations = try Self.operations(document)
            var called: [String] = []
            for (path, method, operation) in operations {
                // Parameters from the document's examples.
                var uri = path
                var query: [String] = []
                for parameter in (operation["parameters"] as? [Any] ?? []).compactMap({ Self.resolve($0, in: document) }) {
                    let name = try #require(parameter["name"] as? String)
                    let example = try #require(parameter["example"], "l'esempio del parametro \(name) di \(method) \(path)")
                    switch parameter["in"] as? String {
                    case "path": uri = uri.replacingOccurrences(of: "{\(name)}", with: Paths.encode("\(example)"))
                    case "query": query.append("\(name)=\(Paths.encode("\(example)"))")
                    default: break
                    }
                }
                // The measurement history and the list are two uses of one operation: call the list (no query) too.
                if !query.isEmpty && method == "get" {
                    let plain = try await self.call(client, uri: uri, method: method, operation: operation, document: document)
                    #expect(plain.problems.isEmpty, "\(method) \(uri): \(plain.problems)")
                }
                if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
                let result = try await self.call(client, uri: uri, method: method, operation: operation, document: document)
                #expect(result.problems.isEmpty, "\(method.uppercased()) \(uri): \(result.problems)")
                #expect(result.status < 400, "\(method.uppercased()) \(uri) risponde \(result.status): con gli esempi del documento deve riuscire")
                called.append("\(method) \(path)")
            }
            #expect(called.count == operations.count)
        }
    }

    /// Calls one operation as the demo administrator (a fresh bearer token each time, so that logging out does not
    /// disturb the others) and checks the answer against the document.
    private func call(_ client: any TestClientProtocol, uri: String, method: String, operation: Node, document: Node) async throws -> (status: Int, problems: [String]) {
        var headers: HTTPFields = [:]
        let secured = !((operation["security"] as? [Any])?.isEmpty ?? false)
        if secured {
            let login = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                                 body: .init(string: #"{"organization":"cciaa-brescia","username":"admin","password":"demo-admin"}"#))
            let session = try #require(try JSONSerialization.jsonObject(with: Data(buffer: login.body)) as? Node)
            headers[.authorization] = "Bearer \(try #require(session["token"] as? String))"
        }
        var body: ByteBuffer?
        if let request = operation["requestBody"] as? Node, let content = request["content"] as? Node, let json = content["application/json"] as? Node {
            let example = try #require(json["example"], "l'esempio del corpo di \(method) \(uri)")
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: example))
            headers[.contentType] = "application/json"
        }
        let response = try await client.execute(uri: uri, method: HTTPRequest.Method(method.uppercased())!, headers: headers, body: body)
        var problems: [String] = []
        let responses = try #require(operation["responses"] as? Node)
        guard let documented = Self.resolve(responses[String(response.status.code)], in: document) else {
            return (response.status.code, ["stato \(response.status.code) non documentato"])
        }
        if let content = documented["content"] as? Node {
            let contentType = response.headers[.contentType] ?? ""
            if let json = content["application/json"] as? Node {
                if !contentType.hasPrefix("application/json") { problems.append("Content-Type \(contentType) invece di application/json") }
                let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
                problems += Self.check(value, against: json["schema"] as? Node, in: document, at: "risposta")
            } else if content["text/plain"] != nil, !contentType.hasPrefix("text/plain") {
                problems.append("Content-Type \(contentType) invece di text/plain")
            }
        }
        return (response.status.code, problems)
    }
}
