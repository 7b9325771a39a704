#!/usr/bin/env python3
"""Cold start at national scale (issue 15, item 4), on PostgreSQL:

1. a fresh database filled by `national-store` (Benchmarks package) with --organizations generated organizations of
   --indicators-per-org indicators each; the first --served ones also get their results (measurements at 30/6 and
   31/12, which the store takes one at a time: loading them for all 10.000 would take most of an hour here) and a
   viewer `lettore`;
2. a release `performa serve` (no demo data) on that database;
3. for each of the --served organizations in turn: an API session, then the first scorecard request of its plan
   (`GET /api/plans/PLAN/scores`, the plan never read by this server before: nothing cached) and a second one (warm);
4. the server's resident memory before and after; the plan cache keeps at most 64 plans (least recently used out).

    (cd Benchmarks && swift build -c release --product performa && swift build -c release --product national-store)
    eval "$(bash .ci/postgres.sh start)"
    python3 scripts/bench/cold_start.py Benchmarks/.build/release/performa Benchmarks/.build/release/national-store

With --reuse the database of an earlier run (and its list of organizations with a user, kept in the temporary
folder) is used as it is: loading 10.000 organizations takes minutes.
Prints a Markdown table (the one in docs/performance.md) and, with --json, every request's time.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "reliability"))
import harness  # noqa: E402

TARGET_FIRST_MS = 50.0
TARGET_RSS_MB = 500.0
DATABASE = "performa_national"
PASSWORD = "demo-lettore-bench"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def italian(value, digits=1):
    text = f"{value:,.{digits}f}"
    return text.replace(",", "§").replace(".", ",").replace("§", ".")


def load(store_binary, url, organizations, indicators, served, manifest):
    started = time.monotonic()
    subprocess.run([store_binary, "--database", url, "--organizations", str(organizations), "--indicators-per-org", str(indicators),
                    "--users", str(served), "--results-for", str(served), "--password", PASSWORD, "--tasks", "4", "--manifest", manifest],
                   check=True)
    return time.monotonic() - started


def timed_get(api, path):
    started = time.perf_counter()
    status, _, body = api.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise AssertionError(f"GET {path}: {status} {body[:200]!r}")
    return elapsed


def session(base, organization):
    status, _, body = harness.request(base, "POST", "/api/session",
                                      {"organization": organization, "username": "lettore", "password": PASSWORD})
    if status != 201:
        raise AssertionError(f"login in {organization}: {status} {body[:200]!r}")
    api = harness.Api.__new__(harness.Api)
    api.base = base
    api.token = json.loads(body)["token"]
    return api


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("performa")
    parser.add_argument("national_store")
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--indicators-per-org", type=int, default=300)
    parser.add_argument("--served", type=int, default=1_000)
    parser.add_argument("--reuse", action="store_true", help="use the database of an earlier run as it is")
    parser.add_argument("--json", help="write every figure to this file")
    arguments = parser.parse_args()
    os.environ["PERFORMA_BIN"] = os.path.abspath(arguments.performa)
    workdir = tempfile.mkdtemp(prefix="performa-cold-")
    # The organizations with a user, kept beside the database for --reuse.
    manifest = os.path.join(tempfile.gettempdir(), f"{DATABASE}-users.tsv")
    if arguments.reuse:
        url = harness.postgres_url().rsplit("/", 1)[0] + "/" + DATABASE
        loading = None
    else:
        url = harness.fresh_postgres_database(DATABASE)
        loading = load(arguments.national_store, url, arguments.organizations, arguments.indicators_per_org, arguments.served, manifest)
    with open(manifest) as lines:
        served = [line.rstrip("\n").split("\t") for line in lines if line.strip()]

    server = harness.Server(database=url, demo=False, workdir=workdir)
    server.start()
    try:
        rss_start = server.rss_mb()
        first, warm = [], []
        for organization, plan in served:
            api = session(server.base, organization)
            path = f"/api/plans/{plan}/scores"
            first.append(timed_get(api, path))
            warm.append(timed_get(api, path))
        rss_end = server.rss_mb()
    finally:
        server.stop()

    figures = {
        "organizations": arguments.organizations, "indicators": arguments.organizations * arguments.indicators_per_org,
        "served": len(served), "load_seconds": loading,
        "first_ms": {"p50": statistics.median(first), "p95": percentile(first, 0.95), "p99": percentile(first, 0.99), "max": max(first)},
        "warm_ms": {"p50": statistics.median(warm), "p99": percentile(warm, 0.99)},
        "rss_mb": {"start": rss_start, "end": rss_end},
    }
    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump(dict(figures, first_all=first, warm_all=warm), out, indent=2)
    met = lambda ok: "**met**" if ok else "**not met**"  # noqa: E731
    print(f"database: PostgreSQL, {italian(figures['organizations'], 0)} organizations, {italian(figures['indicators'], 0)} indicators"
          + (f", loaded in {italian(loading, 0)} s" if loading else " (reused)"))
    print()
    print("| measure | value | target |")
    print("|---|---:|---|")
    f = figures["first_ms"]
    print(f"| first scorecard request of an organization, p50 / p95 / p99 / max ({len(first)} organizations) | "
          f"{italian(f['p50'])} / {italian(f['p95'])} / {italian(f['p99'])} / {italian(f['max'])} ms | < 50 ms: {met(f['max'] < TARGET_FIRST_MS)} |")
    print(f"| the same request again (warm), p50 / p99 | {italian(figures['warm_ms']['p50'])} / {italian(figures['warm_ms']['p99'])} ms | |")
    print(f"| resident memory at start → after {len(first)} organizations | {italian(rss_start)} → {italian(rss_end)} MiB | "
          f"< 500 MB: {met(rss_end * 1.048576 < TARGET_RSS_MB)} |")


if __name__ == "__main__":
    main()
