import Foundation
import HummingbirdTesting
import Logging
@testable import PerformaServer
@testable import PerformaStore
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

    @Test("probes, metrics and static files need neither the session nor the database, even with a session cookie")
    func probesWithoutDatabase() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.viewer)
            #expect(try await browser.get(Paths.dashboard(TestServer.planID)).status == .ok)
            // The database goes away: a page cannot know who is signed in (503, not the login form), while the
            // probe, the metrics and a stylesheet still answer, and set no CSRF cookie.
            await store.database.close()
            let page = try await browser.get(Paths.dashboard(TestServer.planID))
            #expect(page.status == .serviceUnavailable, "\(page.status)")
            for path in ["/livez", "/metrics", UIAssets.ownURLBase + "/performa.css"] {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path): \(response.status)")
                #expect(response.headers[values: .setCookie].isEmpty, "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
            }
            #expect(try await browser.get("/healthz").status == .serviceUnavailable)
        }
    }

    @Test("the access log: a line per request when asked for (PERFORMA_ACCESS_LOG=1) or at debug level, none by default")
    func accessLog() async throws {
        for (accessLog, level, written) in [(false, Logger.Level.info, false), (true, .info, true), (false, .debug, true)] {
            let capture = LogCapture()
            var logger = capture.logger
            logger.logLevel = level
            let status = try await TestServer.run(logger: logger, configure: { $0.accessLog = accessLog }) { client, _ in
                try await client.execute(uri: "/livez", method: .get).status
            }
            #expect(status == .ok)
            let lines = capture.text.filter { $0.contains("hb.request.path=/livez") }
            #expect(lines.count == (written ? 1 : 0), "access log \(accessLog), level \(level): \(lines)")
            #expect(lines.allSatisfy { $0.hasPrefix(accessLog ? "info " : "debug ") }, "\(lines)")
        }
    }

    @Test("the server reports missing UI assets by name")
    func missingAssets() {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("nessuna-risorsa-\(UUID().uuidString)").path
        #expect(UIAssets.missing(in: empty) == UIAssets.requiredFiles)
    }
}
