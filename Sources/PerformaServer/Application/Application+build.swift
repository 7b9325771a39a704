import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Metrics
import PerformaStore
import Prometheus

/// Builds the web application on a store: templates, router, middleware. The caller runs it (`runService()`,
/// which shuts down gracefully on SIGINT and SIGTERM) or tests it (HummingbirdTesting).
public func buildApplication(
    configuration: ServerConfiguration, store: any PerformaStore, demoAccounts: [DemoData.Account] = [],
    metrics: PrometheusCollectorRegistry = ServerMetrics.registry, logger: Logger
) async throws -> some ApplicationProtocol {
    try await buildApplication(configuration: configuration, store: store, demoAccounts: demoAccounts, metrics: metrics, logger: logger,
                               renderObserver: nil)
}

/// `buildApplication` with an observer of every page rendered (for the template contract test).
func buildApplication(
    configuration: ServerConfiguration, store: any PerformaStore, demoAccounts: [DemoData.Account] = [],
    metrics: PrometheusCollectorRegistry = ServerMetrics.registry, logger: Logger, renderObserver: PageRenderer.RenderObserver?
) async throws -> some ApplicationProtocol {
    UIAssets.check(folder: configuration.assetsFolder, logger: logger)
    let app = WebApp(store: store, pages: try await PageRenderer.load(observer: renderObserver), configuration: configuration,
                     demoAccounts: demoAccounts, logger: logger)
    let router = buildRouter(app, metrics: metrics, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Performa"),
        services: [MailService(notifier: app.notifier, settings: configuration.mail, logger: logger)],
        onServerRunning: { channel in
            logger.info("Performa è in ascolto", metadata: ["indirizzo": "http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)"])
        },
        logger: logger)
}

/// The routes and middleware, outermost first: request log and metrics, security headers, error pages, static files
/// (served when no route matches, so that a missing file gets the Italian 404 page), CSRF cookie, session, and error
/// pages again; then the pages and the API. The inner error pages are those of the routes: they know the user and
/// the CSRF token, so the header shows who is signed in and the logout works from a 403 or a 404; the outer ones
/// catch what fails before a session is known.
func buildRouter(_ app: WebApp, metrics: PrometheusCollectorRegistry, logger: Logger) -> Router<WebRequestContext> {
    let router = Router(context: WebRequestContext.self)
    router.addMiddleware {
        LogRequestsMiddleware(app.configuration.accessLog ? .info : .debug)
        MetricsMiddleware()
        SecurityHeadersMiddleware()
        ErrorMiddleware(pages: app.pages)
        FileMiddleware(app.configuration.assetsFolder, urlBasePath: UIAssets.urlBase, cacheControl: .init([(MediaType(type: .any), [.public, .maxAge(3600)])]), logger: logger)
        FileMiddleware(PageRenderer.staticFolder.path, urlBasePath: UIAssets.ownURLBase, cacheControl: .init([(MediaType(type: .any), [.public, .maxAge(3600)])]), logger: logger)
        CSRFMiddleware(secureCookies: app.configuration.secureCookies)
        SessionAuthenticator(store: app.store)
        ErrorMiddleware(pages: app.pages, passesStaticPathsThrough: true)
    }
    ServicePages(app: app, metrics: metrics).addRoutes(to: router)
    AuthPages(app: app).addRoutes(to: router)
    SignOnPages(app: app).addRoutes(to: router)
    AccountPage(app: app).addRoutes(to: router)
    AuditLogPage(app: app).addRoutes(to: router)
    OutboxPage(app: app).addRoutes(to: router)
    UsersPage(app: app).addRoutes(to: router)
    UploadPage(app: app).addRoutes(to: router)
    AppraisalPages(app: app).addRoutes(to: router)
    StaffUploadPage(app: app).addRoutes(to: router)
    AppraisalAPIRoutes(app: app).addRoutes(to: router)
    HomePages(app: app).addRoutes(to: router)
    DashboardPage(app: app).addRoutes(to: router)
    TreePage(app: app).addRoutes(to: router)
    ObjectivePage(app: app).addRoutes(to: router)
    MeasurementPages(app: app).addRoutes(to: router)
    ManagersPage(app: app).addRoutes(to: router)
    ValidationPages(app: app).addRoutes(to: router)
    AgileWorkPage(app: app).addRoutes(to: router)
    DiagnosticsPage(app: app).addRoutes(to: router)
    DocumentPages(app: app).addRoutes(to: router)
    PlanPages(app: app).addRoutes(to: router)
    PIAOPages(app: app).addRoutes(to: router)
    APIRoutes(app: app).addRoutes(to: router)
    MethodNotAllowedMiddleware.install(on: router)
    return router
}
