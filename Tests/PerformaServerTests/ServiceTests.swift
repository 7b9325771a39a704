import Foundation
import HummingbirdTesting
@testable import PerformaServer
import Testing

@Suite("Service endpoints and static assets")
struct ServiceTests {
    @Test("/healthz answers 200 while the database answers; /metrics speaks Prometheus")
    func healthAndMetrics() async throws {
        ServerMetrics.bootstrap()
        try await TestServer.run { client, _ in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body).contains("\"status\":\"ok\""))
            _ = try await client.execute(uri: Paths.login, method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(String(buffer: metrics.body).contains("hb_requests"))
        }
    }

    @Test("the application's own stylesheet is served; Bootstrap Italia's files when fetched")
    func staticFiles() async throws {
        try await TestServer.run { client, _ in
            let css = try await client.execute(uri: UIAssets.ownURLBase + "/performa.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true, "a stylesheet, not an error page")
            #expect(String(buffer: css.body).contains("@font-face"))
            let folder = TestServer.configuration().assetsFolder
            if UIAssets.missing(in: folder).isEmpty {
                let bootstrap = try await client.execute(uri: UIAssets.urlBase + "/css/bootstrap-italia.min.css", method: .get)
                #expect(bootstrap.status == .ok)
            } else {
                // Without the assets the pages still render (plain HTML).
                #expect(try await client.execute(uri: Paths.login, method: .get).status == .ok)
            }
        }
    }

    @Test("the server reports missing UI assets by name")
    func missingAssets() {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("nessuna-risorsa-\(UUID().uuidString)").path
        #expect(UIAssets.missing(in: empty) == UIAssets.requiredFiles)
    }
}
