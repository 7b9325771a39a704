-- Prints wrk's summary as one JSON line (PERFORMA_WRK {...}) for tests/reliability/harness.py.
-- Other scripts load this one for its `done` and add their own `request`.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'PERFORMA_WRK {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
