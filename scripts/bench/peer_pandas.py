#!/usr/bin/env python3
"""The national roll-up computed with pandas: what an analyst would use instead of Performa.

Reads the flat tables that `performa generate --format csv` (or `rollup-timing --tables`) writes — one
row per organization, area, strategic objective, objective (group of indicators), indicator, compound
part, agency, manager and assignment — and computes the same roll-up as Performa's `Scorer`, for one
checkpoint: each indicator's achievement from its typed target and measured value under its
organization's policy (cap, threshold, missing-measurement rule, progress from baseline, deadline
loss), then weighted means up the tree with re-normalisation (parts without a target or neutralised
drop out), equal weights when no part has one, blocked roll-ups, and the OIV's overrides.

Written the way a competent analyst writes it: vectorised with numpy masks and pandas group-by sums,
no Python loop over rows. Score bands are not implemented (the generated data has none; the script
refuses tables that use them).

    python3 scripts/bench/peer_pandas.py TABLES_DIR [--runs 7] [--scores scores.csv]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

TABLES = ["organizations", "areas", "strategics", "groups", "indicators", "parts", "agencies", "managers", "assignments"]
CATEGORIES = {"indicators": ["rule"], "parts": ["rule"], "groups": ["kind"], "assignments": ["objective_kind"],
              "organizations": ["rule", "missing", "deadline_unit"]}


def load(folder):
    """The tables as DataFrames (not timed: reading CSV is not the roll-up)."""
    tables = {}
    for name in TABLES:
        dtypes = {column: "category" for column in CATEGORIES.get(name, [])}
        tables[name] = pd.read_csv(Path(folder) / f"{name}.csv", dtype=dtypes)
    if (tables["organizations"]["bands"] > 0).any():
        raise SystemExit("peer_pandas: score bands are not implemented in the pandas peer")
    if (tables["parts"]["rule"] == "compound").any():
        raise SystemExit("peer_pandas: nested compound targets are not implemented in the pandas peer")
    return tables


def higher_is_better(actual, target):
    return np.where(target > 0, np.maximum(0, actual / target), np.where(actual >= target, 1.0, 0.0))


def raw_scores(rule, target, auxiliary, value, cap, progress, by_month, loss, with_baseline):
    """Each rule's achievement before the policy's threshold, capped where Performa caps it."""
    raw = np.full(len(rule), np.nan)

    m = (rule == "higherIsBetter").to_numpy()
    t, b, a = target[m], auxiliary[m], value[m]
    use = progress[m] & ~np.isnan(b) & (b < t) & with_baseline
    raw[m] = np.minimum(np.where(use, np.maximum(0, (a - b) / (t - b)), higher_is_better(a, t)), cap[m])

    m = (rule == "lowerIsBetter").to_numpy()
    t, b, a = target[m], auxiliary[m], value[m]
    use = progress[m] & ~np.isnan(b) & (b > t) & with_baseline
    ratio = np.where(a <= 0, 1.0, np.where(t > 0, t / a, 0.0))
    raw[m] = np.minimum(np.where(use, np.maximum(0, (b - a) / (b - t)), ratio), cap[m])

    m = (rule == "change").to_numpy()
    t, a = target[m], value[m]
    change = np.where(t != 0, np.maximum(0, a / t), np.where(a <= 0, 1.0, 0.0))
    raw[m] = np.minimum(change, cap[m])

    m = (rule == "yesNo").to_numpy()
    raw[m] = np.where(value[m] == target[m], 1.0, 0.0)

    m = (rule == "milestone").to_numpy()
    raw[m] = np.minimum(value[m], cap[m])

    m = (rule == "ratio").to_numpy()
    t, d, n = target[m], auxiliary[m], value[m]
    raw[m] = np.minimum(np.where(d > 0, higher_is_better(n / d * 100, t), 1.0), cap[m])

    m = (rule == "deadline").to_numpy()
    late = value[m] - target[m]
    units = np.where(by_month[m], (late + 29) // 30, late)
    raw[m] = np.where(late > 0, np.maximum(0, 1 - units * loss[m]), 1.0)

    raw[(rule == "notDone").to_numpy()] = 0.0
    return raw


def combine(keys, count, weight, final, drops, blocked):
    """Performa's weighted mean per key: the parts with a value, re-normalised; equal weights when none
    has a weight; nothing when a part is blocked. Returns value, drops-out and blocked per key."""
    valued = ~np.isnan(final)
    parts = pd.DataFrame({
        "key": keys,
        "w": np.where(valued, weight, 0.0),
        "wf": np.where(valued, weight * final, 0.0),
        "f": np.where(valued, final, 0.0),
        "n": valued.astype(np.int64),
        "blocked": blocked.astype(np.int64),
        "remaining": (~drops).astype(np.int64),
    })
    sums = parts.groupby("key").sum().reindex(np.arange(count), fill_value=0)
    w, n = sums["w"].to_numpy(), sums["n"].to_numpy()
    value = np.where(w > 0, sums["wf"].to_numpy() / np.where(w > 0, w, 1),
                     np.where(n > 0, sums["f"].to_numpy() / np.maximum(n, 1), np.nan))
    is_blocked = sums["blocked"].to_numpy() > 0
    value = np.where(is_blocked, np.nan, value)
    return value, sums["remaining"].to_numpy() == 0, is_blocked


def with_override(value, drops, blocked, override):
    """An override counts whatever the computed value: never drops out, never blocks."""
    has = ~np.isnan(override)
    return np.where(has, override, value), drops & ~has, blocked & ~has


def roll_up(t):
    """Every computed achievement (before overrides, as Performa reports `computed`), by level."""
    orgs, groups, ind, parts = t["organizations"], t["groups"], t["indicators"], t["parts"]
    strategics, areas, managers, assignments = t["strategics"], t["areas"], t["managers"], t["assignments"]

    # Each indicator's organization policy, through its group.
    group_org = groups["organization"].to_numpy()
    org = group_org[ind["group"].to_numpy()]
    cap_o, threshold_o = orgs["cap"].to_numpy(), orgs["threshold"].to_numpy()
    progress_o = (orgs["rule"] == "progressFromBaseline").to_numpy()
    by_month_o = (orgs["deadline_unit"] == "month").to_numpy()
    loss_o = orgs["deadline_loss"].to_numpy()
    zero_o = (orgs["missing"] == "scoreZero").to_numpy()
    block_o = (orgs["missing"] == "blockRollUp").to_numpy()

    rule = ind["rule"]
    target, auxiliary, value = ind["target"].to_numpy(), ind["auxiliary"].to_numpy(), ind["value"].to_numpy()
    cap, threshold = cap_o[org], threshold_o[org]
    with np.errstate(all="ignore"):
        raw = raw_scores(rule, target, auxiliary, value, cap, progress_o[org], by_month_o[org], loss_o[org], True)

        # Compound targets: the lowest of the parts, each scored under its indicator's policy.
        compound = (rule == "compound").to_numpy()
        if compound.any():
            owners = np.flatnonzero(compound)
            counts = target[owners].astype(np.int64)
            part_index = np.repeat(auxiliary[owners].astype(np.int64), counts) + (
                np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
            part_owner = np.repeat(owners, counts)
            p = parts.iloc[part_index]
            part_org = org[part_owner]
            part_raw = raw_scores(p["rule"].reset_index(drop=True), p["target"].to_numpy(), p["auxiliary"].to_numpy(),
                                  p["value"].to_numpy(), cap_o[part_org], progress_o[part_org], by_month_o[part_org],
                                  loss_o[part_org], False)
            lowest = pd.Series(part_raw).groupby(part_owner).min()
            raw[lowest.index.to_numpy()] = lowest.to_numpy()

        # The policy: cap, then threshold (no bands).
        achievement = np.minimum(np.maximum(raw, 0), cap)
        achievement = np.where(achievement < threshold, 0.0, achievement)
        achievement = np.minimum(np.maximum(achievement, 0), cap)

        unmeasured = rule.isin(["missing", "invalid"]).to_numpy()
        computed = np.where(unmeasured, np.where(zero_o[org], 0.0, np.nan), achievement)
        drops = rule.isin(["notApplicable", "neutralised"]).to_numpy()
        blocked = unmeasured & block_o[org]
        final, drops, blocked = with_override(computed, drops, blocked, ind["override"].to_numpy())

        # Objectives measured by indicators (operational, agency, strategic objectives' own indicators).
        g_value, g_drops, g_blocked = combine(ind["group"].to_numpy(), len(groups), ind["weight"].to_numpy(), final, drops, blocked)
        g_final, g_fdrops, g_fblocked = with_override(g_value, g_drops, g_blocked, groups["override"].to_numpy())

        # Strategic objectives: the operational objectives' share and the own indicators' share.
        operational = (groups["kind"] == "operational").to_numpy()
        op_value, op_drops, op_blocked = combine(groups["parent"].to_numpy()[operational], len(strategics),
                                                 groups["weight"].to_numpy()[operational], g_final[operational],
                                                 g_fdrops[operational], g_fblocked[operational])
        own = strategics["own_group"].to_numpy()
        s_count = len(strategics)
        s_value, s_drops, s_blocked = combine(
            np.concatenate([np.arange(s_count), np.arange(s_count)]), s_count,
            np.concatenate([strategics["operational_share"].to_numpy(), strategics["own_share"].to_numpy()]),
            np.concatenate([op_value, g_value[own]]), np.concatenate([op_drops, g_drops[own]]),
            np.concatenate([op_blocked, g_blocked[own]]))
        s_final, s_fdrops, s_fblocked = with_override(s_value, s_drops, s_blocked, strategics["override"].to_numpy())

        a_value, a_drops, a_blocked = combine(strategics["area"].to_numpy(), len(areas), strategics["weight"].to_numpy(),
                                              s_final, s_fdrops, s_fblocked)
        o_value, _, _ = combine(areas["organization"].to_numpy(), len(orgs), areas["weight"].to_numpy(), a_value, a_drops, a_blocked)

        agency = (groups["kind"] == "agency").to_numpy()
        ag_value, _, _ = combine(groups["parent"].to_numpy()[agency], len(t["agencies"]), groups["weight"].to_numpy()[agency],
                                 g_final[agency], g_fdrops[agency], g_fblocked[agency])

        # Managers: the assignment table's weights over each assigned objective's final achievement.
        kind = assignments["objective_kind"]
        node = assignments["objective"].to_numpy()
        is_group, is_strategic = (kind == "group").to_numpy(), (kind == "strategic").to_numpy()
        node_group, node_strategic = np.where(is_group, node, 0), np.where(is_strategic, node, 0)
        a_final = np.where(is_group, g_final[node_group], np.where(is_strategic, s_final[node_strategic], np.nan))
        a_drops = np.where(is_group, g_fdrops[node_group], np.where(is_strategic, s_fdrops[node_strategic], True))
        a_blk = np.where(is_group, g_fblocked[node_group], np.where(is_strategic, s_fblocked[node_strategic], False))
        m_value, _, _ = combine(assignments["manager"].to_numpy(), len(managers), assignments["weight"].to_numpy(),
                                a_final, a_drops, a_blk)

    return {"organization": o_value, "area": a_value, "strategic": s_value, "group": g_value, "agency": ag_value,
            "manager": m_value, "indicator": computed}


def write_scores(scores, path):
    rows = [pd.DataFrame({"level": level, "node": np.arange(len(values)), "score": values}) for level, values in scores.items()]
    pd.concat(rows).to_csv(path, index=False)


def time_roll_up(tables, runs):
    """Median and all times of `runs` roll-ups, in milliseconds (one warm-up run first)."""
    scores = roll_up(tables)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        scores = roll_up(tables)
        times.append((time.perf_counter() - start) * 1000)
    return scores, times


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: info.get(k) for k in ("internal_api", "version", "architecture", "num_threads")} for info in threadpool_info()]
    except ImportError:
        return "threadpoolctl not installed"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tables", help="folder with the CSV tables")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scores", help="write the computed scores here (CSV: level, node, score)")
    args = parser.parse_args()
    load_start = time.perf_counter()
    tables = load(args.tables)
    load_seconds = time.perf_counter() - load_start
    scores, times = time_roll_up(tables, args.runs)
    if args.scores:
        write_scores(scores, args.scores)
    json.dump({"indicators": len(tables["indicators"]), "load_seconds": load_seconds, "rollup_ms": times,
               "rollup_median_ms": statistics.median(times), "pandas": pd.__version__, "numpy": np.__version__,
               "blas": blas_info()}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
