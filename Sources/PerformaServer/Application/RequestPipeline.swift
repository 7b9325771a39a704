import Hummingbird

/// What every request passes through before its route, outermost first: the metrics, the security headers, the
/// error pages for what fails before a session is known, the static files, the CSRF cookie, the session, and the
/// error pages again around the routes (with the user and the CSRF token in the context, so that the header of a
/// 403 or a 404 page shows who is signed in and its logout works).
///
/// These were eight Hummingbird middlewares. A middleware is an async call of its own on every request, and the
/// eight calls cost more than the work they did (docs/performance.md, issue 15): here they are one, and a probe, a
/// metrics scrape or a static file skips what it does not need (no CSRF token, no session lookup).
struct RequestPipeline: RouterMiddleware {
    typealias Context = WebRequestContext
    let metrics: RequestMetrics
    let errorPages: ErrorPages
    let csrf: CSRFCookie
    let sessions: SessionAuthenticator
    /// Bootstrap Italia's files, then Performa's own: served where no route matches a path under `/static/`.
    let assets: FileMiddleware<Context, LocalFileSystem>
    let ownFiles: FileMiddleware<Context, LocalFileSystem>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = metrics.started(request.method)
        let path = request.uri.path
        var response: Response
        do {
            response = try await stages(request, path: path, context: context, next: next)
        } catch {
            do {
                response = try errorPages.response(for: error, to: request, context: context)
            } catch {
                // An error page that could not be rendered: Hummingbird answers 500.
                let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
                metrics.finished(started, endpoint: context.endpointPath, status: status, failed: true)
                throw error
            }
        }
        SecurityHeaders.apply(to: &response, path: path)
        metrics.finished(started, endpoint: context.endpointPath, status: response.status)
        return response
    }

    private func stages(
        _ request: Request, path: String, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if UIAssets.isStatic(path) {
            return try await assets.handle(request, context: context) { request, context in
                try await ownFiles.handle(request, context: context, next: next)
            }
        }
        if ServicePages.isOperations(path) { return try await next(request, context) }
        var context = context
        let newCSRFCookie = csrf.attach(to: request, context: &context)
        context.identity = try await sessions.authenticate(request: request, context: context)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try errorPages.response(for: error, to: request, context: context)
        }
        if let newCSRFCookie { response.setCookie(newCSRFCookie) }
        return response
    }
}
