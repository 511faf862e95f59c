"""Benchmark one `ashyq-central` process: status lookups (rate, p50/p99) and visit ingestion.

Run: python3 -m bench.bench_central [--database-url URL] [--seconds 5] [--rate 500]
Starts the server on SQLite by default (a temporary folder), prints the figures and writes them
to bench/results/central.json. Target (issue 3): p99 under 20 ms at 500 lookups/s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from app.core.statuses import Status
from central.demo import DEMO_IINS
from tests.central.harness import remove, start_server

RESULTS = Path(__file__).resolve().parent / "results" / "central.json"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def lookups_at_rate(
    base: str, token: str, rate: float, seconds: float, workers: int = 16
) -> dict[str, Any]:
    """Open loop: requests start on a fixed schedule whatever the answers take (no coordinated omission)."""
    numbers = [n for ns in DEMO_IINS.values() for n in ns]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = time.perf_counter() + 0.2
    total = int(rate * seconds)

    def worker(index: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as api:
            for k in range(index, total, workers):
                due = start + k / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                reply = api.get(f"/api/v1/status/{numbers[k % len(numbers)]}")
                took = time.perf_counter() - due  # measured from when it was due
                with lock:
                    latencies.append(took * 1000)
                    errors += reply.status_code != 200

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return {
        "target_rate": rate,
        "achieved_rate": round(len(latencies) / elapsed, 1),
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "max_ms": round(max(latencies), 2),
    }


def visit_ingestion(base: str, token: str, batches: int, size: int = 500) -> dict[str, Any]:
    def event() -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "occurred_at": "2026-11-21T18:55:00+05:00",
                "direction": "entry", "method": "wedge", "status": "green",
                "status_source": "central", "status_age_s": 0, "verdict": "admit",
                "reason": "green", "person": "b" * 64, "door": "1"}  # fmt: skip

    bodies = [{"events": [event() for _ in range(size)]} for _ in range(batches)]
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60
    ) as api:
        began = time.perf_counter()
        for body in bodies:
            assert api.post("/api/v1/visits", json=body).status_code == 200
        elapsed = time.perf_counter() - began
    return {"batches": batches, "batch_size": size,
            "visits_per_s": round(batches * size / elapsed, 1),
            "ms_per_batch": round(elapsed / batches * 1000, 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=500.0)
    args = parser.parse_args()
    server = start_server(args.database_url, "--demo-data", "--station-rate", "100000",
                          "--station-burst", "100000", "--enroll-burst", "100")  # fmt: skip
    try:
        token = server.enroll()["token"]
        assert DEMO_IINS[Status.GREEN]
        lookups_at_rate(server.url, token, 100, 1.0)  # warm up
        figures = {
            "database": server.engine.dialect.name,
            "status_lookups": lookups_at_rate(server.url, token, args.rate, args.seconds),
            "visit_ingestion": visit_ingestion(server.url, token, batches=20),
        }
    finally:
        remove(server)
    figures["target_met"] = figures["status_lookups"]["p99_ms"] < 20.0 and (
        figures["status_lookups"]["achieved_rate"] >= 0.95 * args.rate
    )
    print(json.dumps(figures, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
