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

/// The routes and middleware, outermost first: the access log (installed only when its lines are written:
/// `PERFORMA_ACCESS_LOG=1` or a debug log level), then everything else a request passes through before its route in
/// one middleware (`RequestPipeline`: metrics, security headers, error pages, static files, CSRF cookie, session);
/// then the pages and the API.
func buildRouter(_ app: WebApp, metrics: PrometheusCollectorRegistry, logger: Logger) -> Router<WebRequestContext> {
    let router = Router(context: WebRequestContext.self)
    if app.configuration.accessLog || logger.logLevel <= .debug {
        router.add(middleware: LogRequestsMiddleware(app.configuration.accessLog ? .info : .debug))
    }
    let staticFiles = CacheControl([(MediaType(type: .any), [.public, .maxAge(3600)])])
    router.add(middleware: RequestPipeline(
        metrics: RequestMetrics(),
        errorPages: ErrorPages(pages: app.pages), csrf: CSRFCookie(secureCookies: app.configuration.secureCookies),
        sessions: SessionAuthenticator(store: app.store),
        assets: FileMiddleware<WebRequestContext, LocalFileSystem>(app.configuration.assetsFolder, urlBasePath: UIAssets.urlBase, cacheControl: staticFiles, logger: logger),
        ownFiles: FileMiddleware<WebRequestContext, LocalFileSystem>(PageRenderer.staticFolder.path, urlBasePath: UIAssets.ownURLBase, cacheControl: staticFiles, logger: logger)))
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
