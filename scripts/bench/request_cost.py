#!/usr/bin/env python3
"""Where the microseconds of one request go (issue 15, item 2): server CPU time per request, split by middleware.

For the bare Hummingbird server and for Performa's `/livez`, scorecard JSON, cruscotto and *La mia valutazione* routes
(SQLite demo, release build), at 64 connections:

1. the server's CPU time per request: user + system time of the server process (from /proc) over a wrk run, divided
   by the requests served (so idle time and wrk's own time are not counted);
2. a second wrk run under `perf record -g` (frame pointers) on the server, and from it each component's share of the
   server's samples: a middleware's own cost is its `handle`'s inclusive share minus the next middleware's (they nest,
   in the order `Application+build.swift` adds them;
   `RequestPipeline` holds all but the access log); the session lookup, the cache lookup and the body encoding are
   their functions' inclusive shares inside the route;
3. share × CPU time per request = microseconds per request.

    (cd Benchmarks && swift build -c release --product performa && swift build -c release --product bare-server)
    python3 scripts/bench/request_cost.py Benchmarks/.build/release/performa --seconds 6
    python3 scripts/bench/request_cost.py Benchmarks/.build/release/performa --seconds 6 --postgres   # needs
        # PERFORMA_TEST_POSTGRES_URL (`eval "$(bash .ci/postgres.sh start)"`); adds PostgreSQL's own CPU per request

Prints a Markdown table (the one in docs/performance.md). Needs `perf` (Debian linux-perf) and `wrk`.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "reliability"))
import harness  # noqa: E402
from harness import PLAN, Api  # noqa: E402
from http_bench import BareServer  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# What each sample is charged to: walking its call chain from the leaf up, the first frame whose (demangled) name
# matches one of these patterns. Async middlewares run as several partial functions resumed by the executor, so their
# frames do not always nest under the outer middleware's: charging the innermost match still gives each its own work.
COMPONENTS = [
    ("access log (`LogRequestsMiddleware`; installed only with PERFORMA_ACCESS_LOG or a debug level)", r"LogRequestsMiddleware|StreamLogHandler|Logger\."),
    ("metrics (`RequestMetrics`)", r"RequestMetrics|MetricsMiddleware|Prometheus|CoreMetrics"),
    ("security headers (`SecurityHeaders`)", r"SecurityHeaders"),
    ("error pages (`ErrorPages`)", r"ErrorPages|ErrorMiddleware"),
    ("UI assets (`FileMiddleware`, static paths only)", r"FileMiddleware"),
    ("CSRF (`CSRFCookie`)", r"CSRFCookie|CSRFMiddleware|RandomToken"),
    ("session lookup (`SessionAuthenticator`)", r"SessionAuthenticator|SessionStore|\.session\(|sha256|SHA256"),
    ("the other middlewares' frames (`RequestPipeline`)", r"RequestPipeline"),
    ("cache lookup (plan snapshot kept per version)", r"VersionedCache|WebApp\.snapshot|PlanSnapshot|AppraisalSnapshot"),
    ("body (building the response and its bytes)", r"Response\.(text|html|json)|ResponseBody|PersonalisablePage|ByteBuffer\.write"),
    ("route handler (the rest of it)", r"APIRoutes\.|DashboardPage\.|ServicePages\.|AppraisalPages\.|@Sendable \(_:context:\)"),
    ("router and request context", r"TrieRouter|RouterResponder|Router\w*\.|WebRequestContext|RequestContext"),
]
OUTSIDE = "Hummingbird and NIO: HTTP parsing, event loop, socket I/O, async runtime"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def postgres_cpu_seconds():
    """CPU time of every PostgreSQL process on this machine (the benchmark's server is the only one)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/comm") as comm:
                if comm.read().startswith("postgres"):
                    total += cpu_seconds(entry)
        except (OSError, ValueError):
            pass
    return total


def cost_per_request(pid, url, headers, seconds):
    """Server CPU microseconds per request over one wrk run, the requests per second, and PostgreSQL's CPU
    microseconds per request in the same run."""
    before, database_before = cpu_seconds(pid), postgres_cpu_seconds()
    run = harness.wrk(url, 64, seconds, headers=headers)
    used, database_used = cpu_seconds(pid) - before, postgres_cpu_seconds() - database_before
    requests = max(run["requests"], 1)
    return used * 1e6 / requests, run["rps"], database_used * 1e6 / requests


def profile(pid, url, headers, seconds):
    """Each component's share (%) of the server's samples over one wrk run (see COMPONENTS)."""
    data = tempfile.mktemp(suffix=".perf")
    recorder = subprocess.Popen(["perf", "record", "-g", "-p", str(pid), "-o", data], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    harness.wrk(url, 64, seconds, headers=headers)
    recorder.send_signal(2)
    recorder.wait(60)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym"], capture_output=True, text=True, check=True).stdout
    os.unlink(data)
    # Swift's symbols demangled in one go (swift demangle rewrites every mangled name in the text it reads).
    script = subprocess.run(["swift", "demangle", "--simplified"], input=script, capture_output=True, text=True, check=True).stdout
    patterns = [(name, re.compile(pattern)) for name, pattern in COMPONENTS]
    counts, total = {name: 0 for name, _ in COMPONENTS + [(OUTSIDE, None)]}, 0
    for sample in script.split("\n\n"):
        frames = [line.strip().split(None, 1)[1] for line in sample.splitlines() if len(line.strip().split(None, 1)) == 2]
        if not frames:
            continue
        total += 1
        charged = next((name for frame in frames for name, pattern in patterns if pattern.search(frame)), OUTSIDE)
        counts[charged] += 1
    return [(name, 100 * counts[name] / max(total, 1)) for name, _ in COMPONENTS + [(OUTSIDE, None)]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--bare", default=os.path.join(harness.ROOT, "Benchmarks", ".build", "release", "bare-server"))
    parser.add_argument("--postgres", action="store_true", help="Performa on a new PostgreSQL database instead of SQLite")
    args = parser.parse_args()
    os.environ["PERFORMA_BIN"] = os.path.abspath(args.binary)

    with BareServer(args.bare) as bare:
        bare_us, bare_rps, _ = cost_per_request(bare.process.pid, bare.base + "/", {}, args.seconds)
        bare_shares = profile(bare.process.pid, bare.base + "/", {}, args.seconds)
    print(f"bare Hummingbird GET /: {bare_us:.1f} µs of server CPU per request ({bare_rps:.0f} req/s)", flush=True)

    database = harness.fresh_postgres_database("performa_cost") if args.postgres else None
    with harness.Server(database=database) as server:
        api = Api(server.base, "lettore")
        cookie = harness.browser_session(server.base, "lettore")
        api.get(f"/api/plans/{PLAN}/scores")
        harness.request(server.base, "GET", "/valutazione?anno=2021", headers={"Cookie": cookie})
        routes = [("GET /livez", server.base + "/livez", {}),
                  ("GET /api/plans/…/scores", server.base + f"/api/plans/{PLAN}/scores", api.headers),
                  ("GET /piani/…/cruscotto", server.base + f"/piani/{PLAN}/cruscotto", {"Cookie": cookie}),
                  ("GET /valutazione (La mia valutazione)", server.base + "/valutazione?anno=2021", {"Cookie": cookie})]
        table = {}
        for label, url, headers in routes:
            us, rps, database_us = cost_per_request(server.process.pid, url, headers, args.seconds)
            shares = profile(server.process.pid, url, headers, args.seconds)
            table[label] = (us, rps, shares, database_us)
            print(f"{label}: {us:.1f} µs of server CPU per request ({rps:.0f} req/s), PostgreSQL {database_us:.1f} µs", flush=True)

    table["bare Hummingbird GET /"] = (bare_us, bare_rps, bare_shares, None)
    labels = ["bare Hummingbird GET /"] + [label for label, _, _ in routes]
    italian = lambda text: text.replace(".", ",")  # noqa: E731
    print("\n| component | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    print("| **server CPU per request** | " + " | ".join(italian(f"**{table[label][0]:.1f} µs**") for label in labels) + " |")
    print("| requests per second in that run | " + " | ".join(f"{table[label][1]:,.0f}".replace(",", ".") for label in labels) + " |")
    if args.postgres:
        print("| PostgreSQL's processes (beside the server's total) | "
              + " | ".join("—" if table[label][3] is None else italian(f"{table[label][3]:.1f} µs") for label in labels) + " |")
    for index, (name, _) in enumerate(bare_shares):
        cells = []
        for label in labels:
            us, _, rows, _ = table[label]
            share = rows[index][1]
            cells.append(italian(f"{us * share / 100:.1f} µs ({share:.0f}%)") if share >= 0.05 else "—")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
