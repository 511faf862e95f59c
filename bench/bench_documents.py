"""Benchmark of the documents: receipt rendering and the daily report of a 100,000-visit day.

Run: ``python3 bench/bench_documents.py`` (from the repository root). Prints the figures and
writes bench/results/documents.json. Targets: a receipt under 50 ms; each report export under
5 s. The report renders from aggregates: the 100,000 synthetic visits are first folded into a
ReportData here (a stand-in for the SQL GROUP BY the report service will run), and that step is
timed too.
"""

from __future__ import annotations

import itertools
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.documents.data import (  # noqa: E402
    DoorRow,
    HourRow,
    ReasonRow,
    ReceiptData,
    ReportData,
    StaffRow,
)
from app.documents.escpos import receipt_escpos  # noqa: E402
from app.documents.receipt import render_receipt_pdf  # noqa: E402
from app.documents.report import render_report_pdf, report_csv, report_xlsx  # noqa: E402
from app.documents.samples import SAMPLE_VENUE, sample_receipt, sample_report  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "documents.json"
VISITS = 100_000
STATUSES = ("green", "blue", "yellow", "red", "not_found")
DENY_REASON = {"yellow": "yellow_contact", "red": "red_isolation", "not_found": "not_found"}


def timed(fn: Callable[[], object], runs: int) -> dict[str, float]:
    fn()  # warm-up: font registration, imports, caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
        "max_ms": round(samples[-1], 2),
        "runs": runs,
    }


def peak_kib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 1024, 1)


def synthetic_visits(count: int, seed: int = 7) -> list[tuple[datetime, str, str, str, str]]:
    """(moment, status, door, staff, direction) for a day; exits follow admitted entries."""
    rng = random.Random(seed)
    day = datetime(2026, 11, 21, 4, 0, tzinfo=UTC)  # 09:00 in Almaty
    visits = []
    for _ in range(count):
        moment = day + timedelta(seconds=rng.randrange(14 * 3600))
        status = rng.choices(STATUSES, weights=(62, 30, 4, 1.5, 2.5))[0]
        visits.append((moment, status, rng.choice("ABC"), rng.choice("WXYZ"), "check"))
    visits.sort()
    return visits


def aggregate(visits: list[tuple[datetime, str, str, str, str]]) -> ReportData:
    """Fold raw visits into the report's aggregates, as the report service's query will."""
    zone = SAMPLE_VENUE.zone
    hours: dict[int, Counter[str]] = {}
    reasons: Counter[str] = Counter()
    doors: dict[str, Counter[str]] = {}
    staff: dict[str, Counter[str]] = {}
    occupancy = peak = exits = 0
    peak_at = None
    for moment, status, door, person, _ in visits:
        hours.setdefault(moment.astimezone(zone).hour, Counter())[status] += 1
        denied = status in DENY_REASON
        verdict = "denied" if denied else "admitted"
        if denied:
            reasons[DENY_REASON[status]] += 1
        else:
            occupancy += 1
            if occupancy > peak:
                peak, peak_at = occupancy, moment
            if occupancy > 400:  # people leave: keep the hall near capacity
                occupancy -= 1
                exits += 1
        doors.setdefault(door, Counter())[verdict] += 1
        staff.setdefault(person, Counter())[verdict] += 1
    admitted = len(visits) - sum(reasons.values())
    return ReportData(
        venue=SAMPLE_VENUE,
        date_from=date(2026, 11, 21),
        date_to=date(2026, 11, 21),
        generated_at=datetime(2026, 11, 22, 3, 0, tzinfo=UTC),
        by_hour=tuple(HourRow(h, *(c[s] for s in STATUSES)) for h, c in sorted(hours.items())),
        admitted=admitted,
        denied=sum(reasons.values()),
        denial_reasons=tuple(ReasonRow(r, n) for r, n in reasons.items()),
        entries=admitted,
        exits=exits,
        peak_occupancy=peak,
        peak_at=peak_at,
        doors=tuple(
            DoorRow(f"Door {d}", c.total(), c["admitted"], c["denied"], c["admitted"], 0)
            for d, c in sorted(doors.items())
        ),
        staff=tuple(
            StaffRow(f"Staff {p}", c.total(), c["admitted"], c["denied"])
            for p, c in sorted(staff.items())
        ),
        organizers=sample_report(1000).organizers,
    )


def main() -> None:
    results: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    receipt = sample_receipt("kk", copy=True)
    ids = (UUID(int=n) for n in itertools.count(1))

    def fresh() -> ReceiptData:
        """A new receipt id every run, so the QR code is encoded each time, as in real use."""
        return replace(receipt, receipt_id=next(ids))

    results["receipt_pdf_80mm"] = timed(lambda: render_receipt_pdf(fresh(), "80mm"), 50)
    results["receipt_pdf_a4"] = timed(lambda: render_receipt_pdf(fresh(), "a4"), 50)
    results["receipt_escpos_kk"] = timed(lambda: receipt_escpos(fresh()), 50)

    visits = synthetic_visits(VISITS)
    start = time.perf_counter()
    report = aggregate(visits)
    results["report_aggregate_100k_ms"] = round((time.perf_counter() - start) * 1000, 1)
    assert report.checks == VISITS
    del visits
    results["report_pdf"] = timed(lambda: render_report_pdf(report, "ru"), 5)
    results["report_xlsx"] = timed(lambda: report_xlsx(report, "ru"), 5)
    results["report_csv"] = timed(lambda: report_csv(report, "ru"), 5)
    results["peak_memory_kib"] = {
        "receipt_pdf_80mm": peak_kib(lambda: render_receipt_pdf(fresh(), "80mm")),
        "receipt_escpos_kk": peak_kib(lambda: receipt_escpos(fresh())),
        "report_aggregate_100k": peak_kib(lambda: aggregate(synthetic_visits(VISITS))),
        "report_pdf": peak_kib(lambda: render_report_pdf(report, "ru")),
        "report_xlsx": peak_kib(lambda: report_xlsx(report, "ru")),
        "report_csv": peak_kib(lambda: report_csv(report, "ru")),
    }
    for key, value in results.items():
        print(f"{key:28} {value}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS.name}"
    )


if __name__ == "__main__":
    main()
