"""Soak: the mixed load of test_load.py (200 connections, one request in five a write) for SOAK_SECONDS (600 by
default) in rounds of a minute, with the server's resident memory after each round. Zero errors, and no memory
growth: after the first two rounds (warm-up: caches, pools, allocator arenas) memory stays within 15% of its
warm level. Outside CI (ten minutes): `bash tests/reliability/run.sh BIN test_soak`.
"""
import json
import os
import unittest

import harness
from harness import Api, Server

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
ROUND = 60


class Soak(unittest.TestCase):
    def test_ten_minutes_of_mixed_load_no_errors_no_memory_growth(self):
        with Server() as server:
            api = Api(server.base, "vairano")
            rounds, samples = max(3, SECONDS // ROUND), []
            for number in range(rounds):
                run = harness.wrk_mixed(server.base, api, 200, ROUND, timeout_s=30)
                samples.append({"round": number + 1, "requests": run["requests"], "rps": round(run["rps"]),
                                "errors": run["errors_total"], "p99_ms": run["latency_us"]["p99"] / 1000,
                                "rss_mb": round(server.rss_mb(), 1)})
                print(json.dumps(samples[-1]), flush=True)
                self.assertEqual(run["errors_total"], 0, run)
            warm = max(sample["rss_mb"] for sample in samples[:2])
            final = samples[-1]["rss_mb"]
            harness.figures("soak", seconds=rounds * ROUND, rounds=samples, warm_rss_mb=warm, final_rss_mb=final)
            self.assertLessEqual(final, warm * 1.15, f"memory grew from {warm} to {final} MiB")


if __name__ == "__main__":
    unittest.main()
