"""Benchmark `ashyq-central serve` with wrk: `/health` and status lookups, 1 and 2 workers.

Run: python3 -m bench.bench_workers [--seconds 10] [--connections 8] [--only postgres-2]
Needs `wrk` (Debian: apt-get install wrk) and, for PostgreSQL, /usr/lib/postgresql/15/bin (a
private cluster is started and removed, as the tests do). Each configuration is a fresh server:
SQLite with one worker, PostgreSQL with one and with two. Within a configuration `/health` and the
lookups run back to back, so their ratio is the same machine in the same minute. The load average
is recorded with the figures: on a shared machine they are only comparable within one run.
Writes bench/results/central_wrk.json. Targets (issue 14): PostgreSQL with 2 workers, 8
connections: lookups at 1,000/s or more with p99 under 25 ms, and every configuration's lookups
at 60% or more of its own `/health` rate.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from central.demo import DEMO_IINS
from tests.central.harness import Postgres, remove, start_postgres, start_server, stop_postgres

RESULTS = Path(__file__).resolve().parent / "results" / "central_wrk.json"
CONFIGS = ("sqlite-1", "postgres-1", "postgres-2")
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}

# Cycles through the demo registry's numbers, so every request is a real lookup of a real row.
LOOKUP_SCRIPT = """
numbers = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/status/" .. numbers[(i %% #numbers) + 1])
end
"""


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([0-9.]+)(us|ms|s)", text.strip()).groups()  # type: ignore[union-attr]
    return round(float(value) * _UNITS[unit], 2)


def wrk(url: str, seconds: float, connections: int, *, token: str = "", script: str = "") -> dict:
    """One wrk run: requests/s, p50/p99 in ms, and how many answers were not 2xx."""
    cmd = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
    ]
    if token:
        cmd += ["-H", f"Authorization: Bearer {token}"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)  # type: ignore[union-attr]
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": round(rate, 1),
        "p50_ms": _ms(p50),
        "p99_ms": _ms(p99),
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def measure(
    config: str, pg: Postgres | None, seconds: float, connections: int, script: Path
) -> dict[str, Any]:
    database, workers = config.split("-")
    url = (
        pg.create_database(f"bench_{workers}_{os.getpid()}")
        if database == "postgres" and pg
        else None
    )
    server = start_server(url, "--demo-data", "--workers", workers, "--station-rate", "1000000",
                          "--station-burst", "1000000", "--enroll-burst", "100")  # fmt: skip
    try:
        token = server.enroll()["token"]
        wrk(f"{server.url}/health", 2, connections)  # warm up: connections, prepared statements
        wrk(f"{server.url}/", 2, connections, token=token, script=str(script))
        load_before = os.getloadavg()[0]
        health = wrk(f"{server.url}/health", seconds, connections)
        lookups = wrk(f"{server.url}/", seconds, connections, token=token, script=str(script))
        load_after = os.getloadavg()[0]
    finally:
        remove(server)
    ratio = lookups["requests_per_s"] / health["requests_per_s"] if health["requests_per_s"] else 0
    return {
        "database": database,
        "workers": int(workers),
        "health": health,
        "lookups": lookups,
        "lookups_vs_health": round(ratio, 2),
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", action="append", choices=CONFIGS, default=None)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    configs = args.only or list(CONFIGS)
    numbers = ", ".join(f'"{n}"' for ns in DEMO_IINS.values() for n in ns)
    pg = start_postgres() if any(c.startswith("postgres") for c in configs) else None
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "lookups.lua"
        script.write_text(LOOKUP_SCRIPT % numbers, encoding="utf-8")
        try:
            for config in configs:
                results.append(measure(config, pg, args.seconds, args.connections, script))
                print(json.dumps(results[-1]), flush=True)
        finally:
            if pg is not None:
                stop_postgres(pg)
    two = next((r for r in results if r["database"] == "postgres" and r["workers"] == 2), None)
    figures = {
        "tool": "wrk",
        "connections": args.connections,
        "seconds": args.seconds,
        "cpus": os.cpu_count(),
        "note": "one shared machine: the load average says how busy it was besides this run",
        "runs": results,
        "target_met": {
            "lookups_at_60pct_of_health": all(r["lookups_vs_health"] >= 0.6 for r in results),
            "postgres_2_workers_1000_per_s_p99_25ms": None
            if two is None
            else two["lookups"]["requests_per_s"] >= 1000 and two["lookups"]["p99_ms"] < 25,
        },
    }
    print(json.dumps(figures, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
