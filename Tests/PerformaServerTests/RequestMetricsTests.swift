import HTTPTypes
@testable import PerformaServer
import Prometheus
import Testing

@Suite("Request metrics: the series of Hummingbird's metrics middleware")
struct RequestMetricsTests {
    /// The Prometheus text of a fresh registry after `record` has used metrics made on it.
    func exposition(_ record: (RequestMetrics) -> Void) -> [String] {
        let registry = PrometheusCollectorRegistry()
        record(RequestMetrics(factory: PrometheusMetricsFactory(registry: registry)))
        return registry.emitToString().split(separator: "\n").map(String.init)
    }

    @Test("requests counted per route, method and status; durations recorded; errors counted; active requests back to zero")
    func series() {
        let lines = exposition { metrics in
            for _ in 0..<3 {
                let started = metrics.started(.get)
                metrics.finished(started, endpoint: "/livez", status: .ok)
            }
            metrics.finished(metrics.started(.get), endpoint: nil, status: .notFound)
            _ = metrics.started(.post)  // still being answered
            metrics.finished(metrics.started(.post), endpoint: nil, status: .internalServerError, failed: true)
        }
        let livez = #"{http_route="/livez",http_request_method="GET",http_response_status_code="200"}"#
        #expect(lines.contains("hb_requests\(livez) 3"), "\(lines)")
        #expect(lines.contains("http_server_request_duration_count\(livez) 3"), "\(lines)")
        #expect(lines.contains(#"hb_requests{http_route="Unknown",http_request_method="GET",http_response_status_code="404"} 1"#), "\(lines)")
        // A request that failed is counted with its error, without a duration (as Hummingbird's middleware does).
        #expect(lines.contains(#"hb_request_errors{http_route="NotFound",http_request_method="POST",error_type="500"} 1"#), "\(lines)")
        #expect(lines.contains(#"http_server_request_duration_count{http_route="NotFound",http_request_method="POST",http_response_status_code="500"} 0"#),
                "\(lines)")
        #expect(lines.contains(#"http_server_active_requests{http_request_method="GET"} 0.0"#), "\(lines)")
        #expect(lines.contains(#"http_server_active_requests{http_request_method="POST"} 1.0"#), "\(lines)")
    }
}
