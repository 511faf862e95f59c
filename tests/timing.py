"""Deadlines for a busy machine: every test deadline is a base figure times one time scale.

A deadline in a test says how long something may take before the test calls it broken. The base
figures are written for an idle developer machine; `scale()` stretches them on a slow or loaded
one so that the suite passes beside other work and still fails when the behaviour is wrong (a
condition that never comes true still times out, only later).

The scale is, in order:
- `ASHYQ_TEST_TIME_SCALE` from the environment (e.g. `1` to fail fast, `10` on a crowded CI box);
- else twice the worse of two measurements taken once per session: how much slower than the
  reference machine a short pure-Python loop runs, and the load average per CPU. Twice, because
  load comes and goes during a run; the measurement is only a floor.

Used by tests/conftest.py (qtbot waits, pytest-timeout's limit), tests/e2e/conftest.py
(`wait_until`), tests/central/harness.py and the tests with deadlines of their own.
"""

from __future__ import annotations

import functools
import os
import statistics
import time

ENV = "ASHYQ_TEST_TIME_SCALE"
MARGIN = 2.0  # the default scale is this times what the machine measures, never below it
CEILING = 20.0  # a measurement gone wild (a suspended VM) must not turn minutes into hours
# Seconds the calibration loop takes on the reference machine (one idle core of a 2020 laptop
# class CPU, CPython 3.11): scale 1.0 there before the margin.
REFERENCE_S = 0.012


def _calibration_loop() -> float:
    started = time.perf_counter()
    total = 0
    for i in range(100_000):
        total += i * i % 7
    return time.perf_counter() - started


def measured() -> tuple[float, float]:
    """(slowdown against the reference machine, load average per CPU) right now."""
    runs = sorted(_calibration_loop() for _ in range(5))
    slowdown = statistics.median(runs) / REFERENCE_S
    try:
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
    except (AttributeError, OSError):  # Windows has no load average
        load = 0.0
    return slowdown, load


@functools.cache
def scale() -> float:
    """The factor every deadline is multiplied by (at least 1)."""
    given = os.environ.get(ENV, "").strip()
    if given:
        try:
            value = float(given)
        except ValueError:
            raise ValueError(f"{ENV}={given!r}: a number such as 1, 2.5 or 10") from None
        if not value > 0:
            raise ValueError(f"{ENV}={given!r}: must be above 0")
        return max(1.0, value)
    slowdown, load = measured()
    return round(min(CEILING, MARGIN * max(1.0, slowdown, load)), 1)


def describe() -> str:
    """One line for pytest's header: which scale, and where it came from."""
    if os.environ.get(ENV, "").strip():
        return f"time scale {scale()} (from {ENV})"
    return f"time scale {scale()} (measured on this machine; {ENV} overrides)"


def seconds(base: float) -> float:
    """A deadline of `base` seconds on the reference machine, for this one."""
    return base * scale()


def ms(base: float) -> int:
    """A deadline of `base` milliseconds on the reference machine, for this one (Qt waits)."""
    return int(base * scale())
