#!/usr/bin/env python3
"""Performa's compiled national roll-up against the pandas peer, on the same data, in the same run.

For each size (organizations × 300 indicators, seed 1): builds and runs `rollup-timing` (release build of
the Benchmarks package), which generates the organizations, writes the flat tables, times the compiled
roll-up, the bare weighted-sum loop over the same arrays and the re-scoring of one measurement, and
writes every computed score; then runs scripts/bench/peer_pandas.py on those tables (timed the same
way: median of several runs after a warm-up), checks that both give the same numbers to 0.01% at every
level (organizations, areas, strategic objectives, objectives, agencies, managers, indicators), and
prints the times, the speed-up over pandas and the ratio to the bare loop.

    python3 scripts/bench/compare_rollup.py [--sizes 1000,3000,10000] [--runs 15] [--json results.json]

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (set on some machines of this workplace for old OpenBLAS
builds) are removed from the peer's environment only, so that numpy runs its current kernels.
"""

import argparse
import csv
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
BENCHMARKS = REPOSITORY / "Benchmarks"
PEER = Path(__file__).resolve().parent / "peer_pandas.py"
TOLERANCE = 1e-4  # 0.01%


def build():
    subprocess.run(["swift", "build", "-c", "release", "--package-path", str(BENCHMARKS), "--product", "rollup-timing"],
                   check=True, stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(BENCHMARKS), "--show-bin-path"],
                          check=True, capture_output=True, text=True).stdout.strip()
    return Path(path) / "rollup-timing"


def read_scores(path):
    scores = {}
    with open(path, newline="") as file:
        for row in csv.DictReader(file):
            scores[(row["level"], int(row["node"]))] = float(row["score"]) if row["score"] not in ("", "nan", "NaN") else math.nan
    return scores


def compare(performa, peer):
    """Nodes whose scores differ by more than 0.01% (both none counts as equal)."""
    differences = []
    if set(performa) != set(peer):
        return [f"different nodes: {len(performa)} in Performa, {len(peer)} in pandas"]
    for key, a in performa.items():
        b = peer[key]
        if math.isnan(a) and math.isnan(b):
            continue
        if math.isnan(a) or math.isnan(b) or abs(a - b) > max(1e-9, TOLERANCE * max(abs(a), abs(b))):
            differences.append(f"{key}: Performa {a}, pandas {b}")
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000", help="organizations, comma-separated")
    parser.add_argument("--indicators-per-org", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=15, help="timed runs of Performa (pandas: a third of them, at least 5)")
    parser.add_argument("--json", help="write all measurements here")
    args = parser.parse_args()

    timing = build()
    peer_env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    results = []
    for organizations in [int(size) for size in args.sizes.split(",")]:
        work = Path(tempfile.mkdtemp(prefix="performa-rollup-"))
        try:
            performa = json.loads(subprocess.run(
                [str(timing), "--organizations", str(organizations), "--indicators-per-org", str(args.indicators_per_org),
                 "--seed", str(args.seed), "--runs", str(args.runs), "--tables", str(work / "tables"),
                 "--scores", str(work / "performa.csv")], check=True, capture_output=True, text=True).stdout)
            peer = json.loads(subprocess.run(
                [sys.executable, str(PEER), str(work / "tables"), "--runs", str(max(5, args.runs // 3)),
                 "--scores", str(work / "pandas.csv")], check=True, capture_output=True, text=True, env=peer_env).stdout)
            differences = compare(read_scores(work / "performa.csv"), read_scores(work / "pandas.csv"))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        row = {
            "organizations": organizations, "indicators": performa["indicators"],
            "performa_ms": performa["rollup_median_ms"], "bare_ms": performa["bare_median_ms"],
            "pandas_ms": peer["rollup_median_ms"], "incremental_us": performa["incremental_median_us"],
            "incremental_max_us": performa["incremental_max_us"], "compile_s": performa["compile_seconds"],
            "speedup_vs_pandas": peer["rollup_median_ms"] / performa["rollup_median_ms"],
            "ratio_to_bare": performa["rollup_median_ms"] / performa["bare_median_ms"],
            "same_numbers": not differences, "differences": differences[:10],
            "performa_runs_ms": performa["rollup_ms"], "bare_runs_ms": performa["bare_ms"], "pandas_runs_ms": peer["rollup_ms"],
            "pandas": peer["pandas"], "numpy": peer["numpy"], "blas": peer["blas"],
        }
        results.append(row)
        print(f"{organizations:>6} organizations, {row['indicators']:>9,} indicators: Performa {row['performa_ms']:8.2f} ms, "
              f"bare loop {row['bare_ms']:7.2f} ms (x{row['ratio_to_bare']:.2f}), pandas {row['pandas_ms']:9.1f} ms "
              f"(Performa x{row['speedup_vs_pandas']:.1f} faster), incremental {row['incremental_us']:.2f} us; "
              f"same numbers (0.01%): {'yes' if row['same_numbers'] else 'NO'}", flush=True)
        for difference in differences[:10]:
            print("   ", difference)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    if not all(row["same_numbers"] for row in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
