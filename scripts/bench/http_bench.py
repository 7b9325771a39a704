#!/usr/bin/env python3
"""HTTP benchmarks of issue 6 with wrk (Debian), on 127.0.0.1, against a release build of `performa serve --demo`:

- the scorecard JSON endpoint and the cruscotto page against a trivial route (/livez) of the same server, in the
  same run, at 64 connections, on SQLite and on PostgreSQL (median of --runs runs of --seconds each);
- resident memory of the server after the load;
- scale-out: the scorecard endpoint on one instance, and on two instances behind nginx on one PostgreSQL.

    swift build -c release --product performa
    eval "$(bash .ci/postgres.sh start)"
    python3 scripts/bench/http_bench.py .build/release/performa --runs 3 --seconds 10 --json http.json

Prints a Markdown table (the one in docs/performance.md) and, with --json, every run's figures.
"""
import argparse
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "reliability"))
import harness  # noqa: E402
from harness import PLAN, Api, Nginx, Server  # noqa: E402


def measure(label, url, headers, args, connections=64):
    runs = [harness.wrk(url, connections, args.seconds, headers=headers) for _ in range(args.runs)]
    errors = sum(run["errors_total"] for run in runs)
    result = {
        "label": label, "connections": connections,
        "rps": statistics.median(run["rps"] for run in runs),
        "p50_ms": statistics.median(run["latency_us"]["p50"] for run in runs) / 1000,
        "p99_ms": statistics.median(run["latency_us"]["p99"] for run in runs) / 1000,
        "errors": errors, "runs": runs,
    }
    print(f"  {label:<40} {result['rps']:>10.0f} req/s  p50 {result['p50_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms  errors {errors}",
          flush=True)
    return result


def endpoints(server, args, backend):
    api = Api(server.base, "lettore")
    cookie = harness.browser_session(server.base, "lettore")
    # Warm-up: the first request reads and scores the plan.
    api.get(f"/api/plans/{PLAN}/scores")
    results = {
        "trivial": measure(f"{backend}: GET /livez (trivial route)", server.base + "/livez", {}, args),
        "scores": measure(f"{backend}: GET /api/plans/…/scores", server.base + f"/api/plans/{PLAN}/scores", api.headers, args),
        "cruscotto": measure(f"{backend}: GET /piani/…/cruscotto", server.base + f"/piani/{PLAN}/cruscotto", {"Cookie": cookie}, args),
    }
    results["rss_mb"] = server.rss_mb()
    print(f"  {backend}: resident memory after the load: {results['rss_mb']:.1f} MiB", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()
    os.environ["PERFORMA_BIN"] = os.path.abspath(args.binary)

    report = {}
    print("SQLite", flush=True)
    with Server() as server:
        report["sqlite"] = endpoints(server, args, "SQLite")
    print("PostgreSQL", flush=True)
    database = harness.fresh_postgres_database("performa_bench")
    first = Server(database=database).start()
    try:
        report["postgres"] = endpoints(first, args, "PostgreSQL")
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

    print("\n| database | route | req/s (median) | p50 | p99 | errors | ÷ trivial |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for backend in ("sqlite", "postgres"):
        trivial = report[backend]["trivial"]["rps"]
        for key in ("trivial", "scores", "cruscotto"):
            r = report[backend][key]
            print(f"| {backend} | {r['label'].split(': ', 1)[1]} | {r['rps']:,.0f} | {r['p50_ms']:.2f} ms | {r['p99_ms']:.2f} ms | "
                  f"{r['errors']} | {r['rps'] / trivial:.0%} |")
    print(f"\nresident memory after the load: SQLite {report['sqlite']['rss_mb']:.1f} MiB, "
          f"PostgreSQL {report['postgres']['rss_mb']:.1f} MiB")
    scale = report["scaleout"]
    print(f"scale-out (scores through nginx): one instance {scale['one']['rps']:,.0f} req/s, "
          f"two instances {scale['two']['rps']:,.0f} req/s ({scale['two']['rps'] / scale['one']['rps']:.2f}×)")
    if args.json:
        with open(args.json, "w") as file:
            json.dump(report, file, indent=2)


if __name__ == "__main__":
    main()
