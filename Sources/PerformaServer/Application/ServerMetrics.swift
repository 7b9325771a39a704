import Metrics
import Prometheus

/// The process's Prometheus registry. `bootstrap()` points swift-metrics at it once per process (the command
/// does it at start-up), so that the request metrics (`RequestMetrics`) and the application's own land in `/metrics`.
public enum ServerMetrics {
    public static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return true
    }()

    /// Idempotent: the first call bootstraps swift-metrics, later calls do nothing.
    public static func bootstrap() {
        _ = bootstrapped
    }
}
