import PerformaStore

/// Asks `attempt` again every `interval` until it gives a value, for at most a minute (long: the whole suite runs
/// beside the test on two cores); then fails with `failure`.
func polling<T>(every interval: Duration, failure: String, _ attempt: () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
        if let value = try await attempt() { return value }
        try await Task.sleep(for: interval)
    }
    throw StoreError.database(failure)
}
