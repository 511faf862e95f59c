"""A load generator playing many venues' door stations against 1, 2 and 4 PostgreSQL workers.

Run: python3 -m bench.bench_capacity [--venues 40] [--stations 3] [--seconds 10]
Bounded in count and time, loopback only: a private PostgreSQL and `ashyq-central serve` on
127.0.0.1, `--venues` x `--stations` enrolled stations (door role), and wrk at `--connections`
for `--seconds` per worker count. Each request is one station's: a status lookup (a scan at the
door) or, one time in `--batch-every`, that station's visit log uploaded in a batch of 20 (as the
console's outbox drains). Stations' own rate limits are raised out of the way: the question is
what the server sustains, not what one station may ask. Writes bench/results/capacity.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.bench_workers import wrk
from central import admin
from central.demo import DEMO_IINS, valid_number
from tests.central.harness import remove, start_postgres, start_server, stop_postgres

RESULTS = Path(__file__).resolve().parent / "results" / "capacity.json"

# Per request: pick a station at random; mostly a lookup, sometimes a batch of 20 visits with
# fresh random ids (the server deduplicates by id, so ids must be new to count as work).
SCRIPT = """
tokens = {%(tokens)s}
numbers = {%(numbers)s}
batch_every = %(batch_every)d
math.randomseed(os.time() + %(seed)d)
local function uuid4()
  return string.format("%%08x-%%04x-4%%03x-a%%03x-%%06x%%06x", math.random(0, 0x7fffffff),
    math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    math.random(0, 0xffffff), math.random(0, 0xffffff))
end
local function event()
  return '{"id":"' .. uuid4() .. '","occurred_at":"2026-11-21T18:55:00+05:00",'
    .. '"direction":"entry","method":"wedge","status":"green","status_source":"central",'
    .. '"status_age_s":0,"verdict":"admit","reason":"green","person":"' .. string.rep("b", 64)
    .. '","door":"1"}'
end
request = function()
  local headers = {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]}
  if math.random(batch_every) == 1 then
    local events = {}
    for k = 1, 20 do events[k] = event() end
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/v1/visits", headers,
                      '{"events":[' .. table.concat(events, ",") .. ']}')
  end
  return wrk.format("GET", "/api/v1/status/" .. numbers[math.random(#numbers)], headers)
end
"""


def enroll_stations(server: Any, venues: int, per_venue: int) -> list[str]:
    tokens = []
    with server.engine.begin() as conn:
        codes = []
        for v in range(venues):
            code = f"CAP{v:03d}"
            admin.create_venue(conn, code=code, name=f"Venue {v}",
                               bin_number=valid_number(f"19054{v:05d}"))  # fmt: skip
            codes += [admin.issue_code(conn, code, role="door", ttl=timedelta(hours=1))
                      for _ in range(per_venue)]  # fmt: skip
    with httpx.Client(base_url=server.url, timeout=30) as client:
        for i, code in enumerate(codes):
            reply = client.post("/api/v1/enroll", json={"code": code, "station_name": f"door {i}"})
            reply.raise_for_status()
            tokens.append(reply.json()["token"])
    return tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venues", type=int, default=40)
    parser.add_argument("--stations", type=int, default=3, help="stations per venue")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--batch-every", type=int, default=50)
    parser.add_argument("--workers", type=int, action="append", default=None)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    numbers = ", ".join(f'"{n}"' for ns in DEMO_IINS.values() for n in ns)
    pg = start_postgres()
    runs = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for workers in args.workers or [1, 2, 4]:
                url = pg.create_database(f"capacity_{workers}")
                server = start_server(url, "--demo-data", "--workers", str(workers),
                                      "--station-rate", "1000000", "--station-burst", "1000000",
                                      "--enroll-rate", "1000", "--enroll-burst", "100000")  # fmt: skip
                try:
                    tokens = enroll_stations(server, args.venues, args.stations)
                    script = Path(scratch) / f"stations_{workers}.lua"
                    script.write_text(SCRIPT % {
                        "tokens": ", ".join(f'"{t}"' for t in tokens), "numbers": numbers,
                        "batch_every": args.batch_every, "seed": workers,
                    }, encoding="utf-8")  # fmt: skip
                    wrk(f"{server.url}/", 2, args.connections, script=str(script))  # warm up
                    load_before = os.getloadavg()[0]
                    figures = wrk(f"{server.url}/", args.seconds, args.connections,
                                  script=str(script))  # fmt: skip
                    runs.append({"workers": workers, "stations": len(tokens), **figures,
                                 "load_average_1min": [round(load_before, 2),
                                                       round(os.getloadavg()[0], 2)]})  # fmt: skip
                    print(json.dumps(runs[-1]), flush=True)
                finally:
                    remove(server)
    finally:
        stop_postgres(pg)
    result = {
        "tool": "wrk",
        "database": "postgresql",
        "venues": args.venues,
        "stations_per_venue": args.stations,
        "connections": args.connections,
        "seconds": args.seconds,
        "visit_batch_every": args.batch_every,
        "cpus": os.cpu_count(),
        "note": "server, PostgreSQL and wrk share the machine; requests are lookups and, one in "
        "`visit_batch_every`, a batch of 20 visits",
        "runs": runs,
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
