import Foundation
import Hummingbird
import Prometheus

/// Operations endpoints: health, Prometheus metrics, the OpenAPI document.
struct ServicePages: Sendable {
    let app: WebApp
    let metrics: PrometheusCollectorRegistry

    /// The probes and the metrics: read by machines, never by a browser that would submit a form afterwards.
    static let operationsPaths: Set<String> = ["/livez", "/healthz", "/metrics"]

    static func isOperations(_ path: String) -> Bool { operationsPaths.contains(path) }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/livez", use: live)
        router.get("/healthz", use: health)
        router.get("/metrics", use: prometheus)
        router.get("/api/openapi.yaml", use: openAPI)
        router.get("/favicon.ico", use: favicon)
    }

    struct Health: Codable, Sendable {
        var status: String
        var database: String
    }

    /// Liveness: 200 while the process serves HTTP, without touching the database (a container's liveness probe,
    /// and the trivial route the HTTP benchmarks compare the real endpoints with).
    @Sendable func live(_ request: Request, context: WebRequestContext) async throws -> Response {
        Response.text("ok", contentType: "text/plain; charset=utf-8")
    }

    /// Readiness: 200 when the store answers, 503 otherwise (for load balancers and container probes).
    @Sendable func health(_ request: Request, context: WebRequestContext) async throws -> Response {
        do {
            _ = try await app.store.organizationDirectory()
            return APIJSON.response(Health(status: "ok", database: "ok"))
        } catch {
            context.logger.error("controllo di salute fallito", metadata: ["errore": "\(error)"])
            return APIJSON.response(Health(status: "errore", database: "\(error)"), status: .serviceUnavailable)
        }
    }

    /// Prometheus text exposition format.
    @Sendable func prometheus(_ request: Request, context: WebRequestContext) async throws -> Response {
        Response.text(metrics.emitToString(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }

    /// Browsers ask for `/favicon.ico` whatever the page says: they get the same picture as the pages' icon link.
    @Sendable func favicon(_ request: Request, context: WebRequestContext) async throws -> Response {
        let data = try Data(contentsOf: PageRenderer.staticFolder.appendingPathComponent("favicon.svg"))
        var response = Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.cacheControl] = "public, max-age=86400"
        return response
    }

    /// The OpenAPI 3.1 document of the JSON API (docs/api/openapi.yaml).
    @Sendable func openAPI(_ request: Request, context: WebRequestContext) async throws -> Response {
        Response.text(try OpenAPIDocument.text(), contentType: "application/yaml; charset=utf-8")
    }
}

/// The OpenAPI document ships in the module's resources; `docs/api/openapi.yaml` links to the same file.
enum OpenAPIDocument {
    static var url: URL { PageRenderer.templatesFolder.appendingPathComponent("api/openapi.yaml") }

    static func text() throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw HTTPError(.internalServerError, message: "Documento OpenAPI non trovato tra le risorse del server.")
        }
    }
}
