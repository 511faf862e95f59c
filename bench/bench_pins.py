"""Benchmark of the PIN hashes: what one guess costs an attacker, and so what a search costs.

Run: ``python3 -m bench.bench_pins`` (from the repository root). Prints the figures and writes
bench/results/pins.json. Measured on this machine, one core (hashlib.scrypt is single-threaded):

* the login hash (scrypt N=2^14, r=8: 16 MiB), which door staff and cashiers keep offline;
* the supervisors' offline verifier (N=2^17, r=8: 128 MiB) plus the pepper's HMAC, which is
  what a station checks offline and what an attacker holding both the station's database and
  its keyring would have to run once per candidate PIN.

From the fastest try (the attacker's favourable case: an unloaded core) it derives the time to try every PIN of the shortest length each
role may have (10^4 for door staff, 10^8 for supervisors) on one core; an attacker with k cores
divides by k, and memory (128 MiB per parallel try) bounds k. This is a benchmark, not a test:
the figures depend on the machine.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.pins import (  # noqa: E402
    DEFAULT_N,
    OFFLINE_N,
    STAFF_PIN_LENGTHS,
    SUPERVISOR_PIN_LENGTHS,
    hash_pin,
    make_offline_verifier,
    verify_pin,
    verify_wrapped,
    wrap_verifier,
)

RESULTS = Path(__file__).resolve().parent / "results" / "pins.json"
YEAR_S = 365.25 * 24 * 3600


def timed(fn: Callable[[], object], runs: int) -> dict[str, float]:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return {
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "min_ms": round(min(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
        "runs": runs,
    }


def span(seconds: float) -> str:
    if seconds >= YEAR_S:
        return f"{seconds / YEAR_S:,.1f} years"
    if seconds >= 86400:
        return f"{seconds / 86400:,.1f} days"
    return f"{seconds / 60:,.1f} minutes"


def main() -> None:
    pepper = b"\x07" * 32
    login = hash_pin("1111")
    wrapped = wrap_verifier(make_offline_verifier("33333333"), pepper)
    results: dict[str, object] = {
        "machine": f"{platform.machine()} {platform.processor() or platform.platform()}",
        "python": platform.python_version(),
        "load_average_1min": round(os.getloadavg()[0], 2),  # a busy machine slows every try
    }
    results["login_hash_n"] = DEFAULT_N
    results["login_hash_try"] = timed(lambda: verify_pin("1112", login), 10)
    results["offline_verifier_n"] = OFFLINE_N
    results["offline_verifier_mib"] = 128 * 8 * OFFLINE_N // 2**20
    results["offline_verifier_try"] = timed(lambda: verify_wrapped("33333334", wrapped, pepper), 5)
    login_s = results["login_hash_try"]["min_ms"] / 1000  # type: ignore[index]
    offline_s = results["offline_verifier_try"]["min_ms"] / 1000  # type: ignore[index]
    staff_space = 10 ** STAFF_PIN_LENGTHS[0]
    supervisor_space = 10 ** SUPERVISOR_PIN_LENGTHS[0]
    results["search_door_pin_4_digits_one_core_s"] = round(staff_space * login_s)
    results["search_old_supervisor_pin_4_digits_one_core_s"] = round(staff_space * login_s)
    results["search_supervisor_pin_8_digits_one_core_s"] = round(supervisor_space * offline_s)
    results["search_supervisor_pin_8_digits_one_core"] = span(supervisor_space * offline_s)
    results["search_supervisor_pin_8_digits_100_cores"] = span(supervisor_space * offline_s / 100)
    results["without_the_keyring_pepper"] = "no guess can be tested (HMAC under a 256-bit key)"
    for key, value in results.items():
        print(f"{key:48} {value}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.name}")


if __name__ == "__main__":
    main()
