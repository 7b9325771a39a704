#!/usr/bin/env python3
"""HTTP benchmarks of issues 6 and 15 with wrk (Debian), on 127.0.0.1, against a release build of `performa serve --demo`:

- the floor: a bare Hummingbird 2 server answering "ok" (`bare-server`, Benchmarks package, same Hummingbird);
- Performa's trivial route (/livez), the scorecard JSON endpoint and the cruscotto page, in the same run as the
  floor, at 64 connections, on SQLite and on PostgreSQL (median of --runs rounds of --seconds each; each round
  measures the floor and every route one after the other, so all of them see the same machine state);
- one person's *La mia valutazione* page (`/valutazione?anno=2021`, the viewer `lettore` is person p001), with
  issue 13's target: at least 50% of /livez's throughput in the same run, p99 under 20 ms;
- every route as a share of the bare server and of /livez, and issue 15's targets met or not;
- resident memory of the server after the load;
- scale-out: the scorecard endpoint on one instance, and on two instances behind nginx on one PostgreSQL.

    (cd Benchmarks && swift build -c release --product performa --product bare-server)
    eval "$(bash .ci/postgres.sh start)"
    python3 scripts/bench/http_bench.py Benchmarks/.build/release/performa --runs 3 --seconds 8 --json http.json

Prints a Markdown table (the one in docs/performance.md) and, with --json, every run's figures.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "reliability"))
import harness  # noqa: E402
from harness import PLAN, Api, Nginx, Server  # noqa: E402

# Issue 15's targets at 64 connections: each route's share of the bare server, and p99 for every Performa route.
TARGET_SHARE = {"trivial": 0.85, "scores": 0.60, "cruscotto": 0.50}
TARGET_P99_MS = 10.0
# Issue 13's target for one person's appraisal page: a share of /livez (not of the bare server), p99 under 20 ms.
APPRAISAL_SHARE_OF_TRIVIAL = 0.50
APPRAISAL_P99_MS = 20.0
ROUTES = ("bare", "trivial", "scores", "cruscotto", "appraisal")


class BareServer:
    """The floor: `bare-server` (Benchmarks/Sources/bare-server) on 127.0.0.1 and a free port."""

    def __init__(self, binary):
        self.binary = binary
        self.port = harness.free_port()
        self.process = None
        self.log = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def healthy(self):
        try:
            return harness.request(self.base, "GET", "/", timeout=2)[0] == 200
        except OSError:
            return False

    def __enter__(self):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([self.binary, "--port", str(self.port)], stdout=self.log, stderr=subprocess.STDOUT)
        harness.wait_until(lambda: self.process.poll() is not None or self.healthy(), 30, f"bare-server on port {self.port}")
        if self.process.poll() is not None:
            raise AssertionError("bare-server stopped at start-up")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)
        self.log.close()


def summarise(label, runs, connections=64):
    errors = sum(run["errors_total"] for run in runs)
    result = {
        "label": label, "connections": connections,
        "rps": statistics.median(run["rps"] for run in runs),
        "p50_ms": statistics.median(run["latency_us"]["p50"] for run in runs) / 1000,
        "p99_ms": statistics.median(run["latency_us"]["p99"] for run in runs) / 1000,
        "errors": errors, "runs": runs,
    }
    print(f"  {label:<44} {result['rps']:>10.0f} req/s  p50 {result['p50_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms  errors {errors}",
          flush=True)
    return result


def measure(label, url, headers, args, connections=64):
    return summarise(label, [harness.wrk(url, connections, args.seconds, headers=headers) for _ in range(args.runs)], connections)


def endpoints(server, bare, args, backend):
    api = Api(server.base, "lettore")
    cookie = harness.browser_session(server.base, "lettore")
    # Warm-up: the first request reads and scores the plan; the first appraisal page reads the year's staff.
    api.get(f"/api/plans/{PLAN}/scores")
    harness.request(server.base, "GET", "/valutazione?anno=2021", headers={"Cookie": cookie})
    routes = {
        "bare": (f"{backend}: bare Hummingbird GET / (floor)", bare.base + "/", {}),
        "trivial": (f"{backend}: GET /livez (trivial route)", server.base + "/livez", {}),
        "scores": (f"{backend}: GET /api/plans/…/scores", server.base + f"/api/plans/{PLAN}/scores", api.headers),
        "cruscotto": (f"{backend}: GET /piani/…/cruscotto", server.base + f"/piani/{PLAN}/cruscotto", {"Cookie": cookie}),
        "appraisal": (f"{backend}: GET /valutazione (La mia valutazione)", server.base + "/valutazione?anno=2021", {"Cookie": cookie}),
    }
    # Rounds: the floor and each route once per round, so that a busy moment of the host falls on all of them.
    runs = {key: [] for key in routes}
    for _ in range(args.runs):
        for key, (_, url, headers) in routes.items():
            runs[key].append(harness.wrk(url, 64, args.seconds, headers=headers))
    results = {key: summarise(label, runs[key]) for key, (label, _, _) in routes.items()}
    results["rss_mb"] = server.rss_mb()
    print(f"  {backend}: resident memory after the load: {results['rss_mb']:.1f} MiB", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--json")
    parser.add_argument("--bare", default=os.path.join(harness.ROOT, "Benchmarks", ".build", "release", "bare-server"),
                        help="the bare Hummingbird server (default: the Benchmarks package's release build)")
    parser.add_argument("--backends", default="sqlite,postgres", help="sqlite, postgres or both (default)")
    parser.add_argument("--no-scaleout", action="store_true", help="skip the nginx scale-out runs")
    args = parser.parse_args()
    os.environ["PERFORMA_BIN"] = os.path.abspath(args.binary)
    if not os.access(args.bare, os.X_OK):
        sys.exit(f"no bare server at {args.bare}: (cd Benchmarks && swift build -c release --product bare-server)")
    backends = args.backends.split(",")

    report = {}
    with BareServer(args.bare) as bare:
        if "sqlite" in backends:
            print("SQLite", flush=True)
            with Server() as server:
                report["sqlite"] = endpoints(server, bare, args, "SQLite")
        if "postgres" in backends:
            print("PostgreSQL", flush=True)
            database = harness.fresh_postgres_database("performa_bench")
            first = Server(database=database).start()
            try:
                report["postgres"] = endpoints(first, bare, args, "PostgreSQL")
                if not args.no_scaleout:
                    print("Scale-out (PostgreSQL)", flush=True)
                    second = Server(database=database).start()
                    try:
                        token = Api(first.base, "lettore").headers
                        url = f"/api/plans/{PLAN}/scores"
                        with Nginx([first.port]) as one, Nginx([first.port, second.port]) as two:
                            report["scaleout"] = {
                                "one": measure("nginx → 1 instance: scores", one.base + url, token, args),
                                "two": measure("nginx → 2 instances: scores", two.base + url, token, args),
                            }
                    finally:
                        second.stop()
            finally:
                first.stop()

    print("\n| database | route | req/s (median) | p50 | p99 | errors | ÷ bare server | ÷ /livez |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for backend in backends:
        floor, trivial = report[backend]["bare"]["rps"], report[backend]["trivial"]["rps"]
        for key in ROUTES:
            r = report[backend][key]
            print(f"| {backend} | {r['label'].split(': ', 1)[1]} | {r['rps']:,.0f} | {r['p50_ms']:.2f} ms | {r['p99_ms']:.2f} ms | "
                  f"{r['errors']} | {r['rps'] / floor:.0%} | {r['rps'] / trivial:.0%} |")
    print("\nissue 15 targets (64 connections, share of the bare server, p99 < 10 ms):")
    for backend in backends:
        floor = report[backend]["bare"]["rps"]
        for key, share in TARGET_SHARE.items():
            r = report[backend][key]
            met = r["rps"] / floor >= share and r["p99_ms"] < TARGET_P99_MS
            report[backend][key]["target_met"] = met
            print(f"  {backend} {key}: {r['rps'] / floor:.0%} of bare (target ≥ {share:.0%}), p99 {r['p99_ms']:.2f} ms "
                  f"→ {'met' if met else 'NOT met'}")
    print(f"\nissue 13 target (La mia valutazione: ≥ {APPRAISAL_SHARE_OF_TRIVIAL:.0%} of /livez, p99 < {APPRAISAL_P99_MS:.0f} ms):")
    for backend in backends:
        r, trivial = report[backend]["appraisal"], report[backend]["trivial"]["rps"]
        met = r["rps"] / trivial >= APPRAISAL_SHARE_OF_TRIVIAL and r["p99_ms"] < APPRAISAL_P99_MS
        report[backend]["appraisal"]["target_met"] = met
        print(f"  {backend} appraisal: {r['rps'] / trivial:.0%} of /livez, p99 {r['p99_ms']:.2f} ms → {'met' if met else 'NOT met'}")
    print("\nresident memory after the load: " + ", ".join(f"{backend} {report[backend]['rss_mb']:.1f} MiB" for backend in backends))
    if "scaleout" in report:
        scale = report["scaleout"]
        print(f"scale-out (scores through nginx): one instance {scale['one']['rps']:,.0f} req/s, "
              f"two instances {scale['two']['rps']:,.0f} req/s ({scale['two']['rps'] / scale['one']['rps']:.2f}×)")
    if args.json:
        with open(args.json, "w") as file:
            json.dump(report, file, indent=2)


if __name__ == "__main__":
    main()
