import Dispatch
import Hummingbird
import Metrics
import Synchronization

/// The request metrics, recorded by `RequestPipeline`: the series Hummingbird's `MetricsMiddleware` records, with
/// its swift-metrics labels and dimensions (so `/metrics` shows the same names: `hb_requests`,
/// `http_server_request_duration`, `hb_request_errors`, `http_server_active_requests`), through the same
/// swift-metrics factory (the process's, which `ServerMetrics.bootstrap` points at Prometheus, unless one is given).
///
/// Not that middleware itself: as a middleware of its own it was an async call on every request and wrapped every
/// response body in a closure run after the body's last byte, and the two cost a tenth of a probe's CPU time
/// (docs/performance.md, issue 15). Here a request's duration runs to the moment its response is ready, before the
/// body goes out: the same for every response built in memory, which is all of them but static files and evidence
/// downloads, whose time on the wire is not counted.
final class RequestMetrics: Sendable {
    private struct Route: Hashable {
        let endpoint: String
        let method: HTTPRequest.Method
        let status: HTTPResponse.Status
    }

    private struct RouteMetrics {
        let requests: Counter
        let duration: Timer
        let errors: Counter

        init(_ route: Route, factory: any MetricsFactory) {
            let dimensions = [("http.route", route.endpoint), ("http.request.method", route.method.rawValue),
                              ("http.response.status_code", String(route.status.code))]
            requests = Counter(label: "hb.requests", dimensions: dimensions, factory: factory)
            duration = Timer(label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds, factory: factory)
            errors = Counter(label: "hb.request.errors", dimensions: [
                ("http.route", route.endpoint), ("http.request.method", route.method.rawValue), ("error.type", String(route.status.code)),
            ], factory: factory)
        }
    }

    private let factory: any MetricsFactory
    /// The metrics of each route, method and status seen so far, made once (making one looks it up in the factory).
    private let routes = Mutex<[Route: RouteMetrics]>([:])
    private let active = Mutex<[HTTPRequest.Method: Meter]>([:])

    init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// A request begins: counted among the active ones until `finished`.
    func started(_ method: HTTPRequest.Method) -> Started {
        let meter = active.withLock { meters in
            if let meter = meters[method] { return meter }
            let meter = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", method.rawValue)], factory: factory)
            meters[method] = meter
            return meter
        }
        meter.increment()
        return Started(method: method, active: meter, at: DispatchTime.now().uptimeNanoseconds)
    }

    struct Started {
        fileprivate let method: HTTPRequest.Method
        fileprivate let active: Meter
        fileprivate let at: UInt64
    }

    /// The request has its response (`status`), or failed with `status` when `failed`. `endpoint` is the route's
    /// path as the router matched it (nil when none did).
    func finished(_ started: Started, endpoint: String?, status: HTTPResponse.Status, failed: Bool = false) {
        let route = Route(endpoint: endpoint ?? (failed ? "NotFound" : "Unknown"), method: started.method, status: status)
        let metrics = routes.withLock { routes in
            if let metrics = routes[route] { return metrics }
            let metrics = RouteMetrics(route, factory: factory)
            routes[route] = metrics
            return metrics
        }
        metrics.requests.increment()
        if failed {
            metrics.errors.increment()
        } else {
            metrics.duration.recordNanoseconds(DispatchTime.now().uptimeNanoseconds - started.at)
        }
        started.active.decrement()
    }
}
