"""Visit log benchmark: the log's pages, filters and count over a 1,000,000-row visit table.

Run ``python3 bench/bench_visit_log.py [--rows N] [--runs N] [--rebuild]`` from the repository
root. Targets: each figure under 200 ms. Figures go to bench/results/visit_log.json.

The database is built once by the real migrations (so the table and its indexes are exactly the
console's), then filled in SQL: 30 days ending now, opening hours 10:00-24:00 Almaty with an
evening peak, statuses green 62 % / blue 30 % / yellow 4 % / not found 2.5 % / red 1.5 %
(denied rows for yellow, red and not found), about 45 % of admitted rows exits, three doors, six
staff, four input methods, 150,000 distinct visitors as 64-hex pseudonyms, 1 % unreadable scans
with no person, the last hour not yet synced. The indexes are dropped for the fill and rebuilt
after it (a sort is faster than a million index inserts).

The file lives in the system temp folder, named after a tag of the table's schema (its
CREATE TABLE and CREATE INDEX statements), the generator's version and the row count, and is
reused when present, so reruns skip the build; ``--rebuild`` forces it.

Timed, each as the median and p95 of ``--runs`` calls after one warm-up call (the first, cold
call is reported too): the first page with no filter; a filter of red at door 2 for one day; a
direction (exit) filter over the whole range; the count with no filter and with the one-day
filter; the page after 50 keyset pages; and the Qt model's first page: ``VisitTableModel.reload``
through the real ``TaskRunner`` worker until the rows are in a ``QTableView`` and it has
repainted (offscreen Qt). This is a benchmark, not a test: nothing fails on a slow figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GENERATOR_VERSION = 1
DAYS = 30
PERSONS = 150_000
DOORS = ("1", "2", "3")
STAFF = ("Aigerim", "Daniyar", "Madina", "Yerlan", "Saule", "Timur")
TARGET_MS = 200.0


# --- the database ----------------------------------------------------------------------------


def schema_tag(rows: int) -> str:
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from app.models.visits import VisitEvent

    table = VisitEvent.__table__
    parts = [str(CreateTable(table).compile(dialect=sqlite.dialect()))]
    parts += sorted(
        str(CreateIndex(index).compile(dialect=sqlite.dialect())) for index in table.indexes
    )
    parts.append(f"generator {GENERATOR_VERSION} rows {rows} days {DAYS}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def database_file(rows: int) -> Path:
    return Path(tempfile.gettempdir()) / f"ashyq-bench-visit-log-{schema_tag(rows)}.sqlite3"


def build(path: Path, rows: int) -> float:
    """A fresh database by the console's own migrations, filled in SQL; returns seconds."""
    from sqlalchemy.orm import Session

    from app.core.statuses import Role, VenueCategory
    from app.models import Staff, Venue, open_engine, upgrade_database

    start = time.perf_counter()
    for suffix in ("", "-wal", "-shm", ".part", ".part-wal", ".part-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    part = Path(f"{path}.part")
    upgrade_database(part)
    engine = open_engine(part)
    staff_ids = [uuid.uuid5(uuid.NAMESPACE_DNS, f"staff-{n}.bench") for n in range(len(STAFF))]
    with Session(engine) as session, session.begin():
        session.add(
            Venue(
                code="BENCH", name="Bench Cinema", bin="190540001205", time_zone="Asia/Almaty",
                category=VenueCategory.CINEMA, capacity=500, admission_policy={},
                refund_rules={},
            )
        )  # fmt: skip
        session.flush()
        for staff_id, name in zip(staff_ids, STAFF, strict=True):
            session.add(
                Staff(id=staff_id, venue_code="BENCH", name=name, role=Role.DOOR, pin_hash="x")
            )
    engine.dispose()

    end = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    first_day = end - timedelta(days=DAYS)
    conn = sqlite3.connect(part, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-200000")
    indexes = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type='index' AND tbl_name='visit_event'"
            " AND sql IS NOT NULL"
        )
    ]
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='visit_event'"
            " AND sql IS NOT NULL"
        )
    ]
    conn.execute("BEGIN")
    for name in names:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("CREATE TEMP TABLE person_pool (n INTEGER PRIMARY KEY, p TEXT NOT NULL)")
    conn.execute(
        "WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ?)"
        " INSERT INTO person_pool SELECT n, lower(hex(randomblob(32))) FROM s",
        (PERSONS - 1,),
    )
    conn.execute("CREATE TEMP TABLE staff_pool (n INTEGER PRIMARY KEY, id TEXT NOT NULL)")
    conn.executemany(
        "INSERT INTO staff_pool VALUES (?, ?)", [(n, s.hex) for n, s in enumerate(staff_ids)]
    )
    # One row of random draws per visit, materialised, so each draw is used consistently
    # (SQLite would re-evaluate random() at every reference of a flattened subquery).
    conn.execute(
        "CREATE TEMP TABLE draws AS"
        " WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ?)"
        " SELECT n, abs(random()) % 1000 AS st, abs(random()) % 100 AS dir,"
        " abs(random()) % 100 AS meth, abs(random()) % 100 AS src,"
        " abs(random()) % 3 AS door, abs(random()) % 6 AS staff,"
        " abs(random()) % ? AS person, abs(random()) % ? AS day,"
        " abs(random()) % 1000 AS hr, abs(random()) % 3600 AS sec,"
        " abs(random()) % 1000000 AS micro, abs(random()) % 100 AS bad FROM s",
        (rows - 1, PERSONS, DAYS),
    )
    # Hours in Almaty (UTC+5): 10-24 local, weighted to the evening; stored as UTC.
    hour_case = (
        "CASE WHEN hr < 40 THEN 10 WHEN hr < 90 THEN 11 WHEN hr < 150 THEN 12"
        " WHEN hr < 210 THEN 13 WHEN hr < 270 THEN 14 WHEN hr < 330 THEN 15"
        " WHEN hr < 400 THEN 16 WHEN hr < 480 THEN 17 WHEN hr < 580 THEN 18"
        " WHEN hr < 700 THEN 19 WHEN hr < 810 THEN 20 WHEN hr < 900 THEN 21"
        " WHEN hr < 960 THEN 22 ELSE 23 END"
    )
    status_case = (
        "CASE WHEN bad = 0 THEN NULL WHEN st < 620 THEN 'green' WHEN st < 920 THEN 'blue'"
        " WHEN st < 960 THEN 'yellow' WHEN st < 985 THEN 'not_found' ELSE 'red' END"
    )
    conn.execute(
        f"""
        INSERT INTO visit_event (id, occurred_at, direction, method, status, status_source,
            status_age_s, verdict, reason, note, person, sealed_iin, order_number, ticket_code,
            session_id, staff_id, override_by, station_id, door, test_mode, offline, synced_at)
        SELECT lower(hex(randomblob(16))), at, direction, method, status,
            CASE WHEN status IS NULL THEN NULL ELSE source END,
            CASE WHEN status IS NULL THEN NULL WHEN source = 'cache' THEN 60 + src * 7 ELSE 0 END,
            CASE WHEN denied THEN 'deny' ELSE 'admit' END,
            CASE WHEN status IS NULL THEN 'scan_unknown'
                 WHEN status = 'yellow' THEN 'yellow_contact'
                 WHEN status = 'red' THEN 'red_isolation' ELSE status END,
            '', CASE WHEN status IS NULL THEN NULL ELSE person END, NULL, NULL, NULL, NULL,
            staff, NULL, :station, door, 0, source = 'cache',
            CASE WHEN at < :synced_before THEN at ELSE NULL END
        FROM (
            SELECT datetime(:first_day, '+' || day || ' days', '+' || ({hour_case} - 5)
                            || ' hours', '+' || sec || ' seconds')
                   || printf('.%06d', micro) AS at,
                   {status_case} AS status,
                   CASE WHEN meth < 55 THEN 'wedge' WHEN meth < 85 THEN 'camera'
                        WHEN meth < 93 THEN 'manual' ELSE 'serial' END AS method,
                   CASE WHEN src < 85 THEN 'central' WHEN src < 97 THEN 'cache'
                        ELSE 'fallback' END AS source, src,
                   (SELECT p FROM person_pool WHERE person_pool.n = draws.person) AS person,
                   (SELECT id FROM staff_pool WHERE staff_pool.n = draws.staff) AS staff,
                   CAST(door + 1 AS TEXT) AS door,
                   (bad = 0 OR st >= 920) AS denied,
                   CASE WHEN bad = 0 OR st >= 920 THEN 'denied'
                        WHEN dir < 45 THEN 'exit' ELSE 'entry' END AS direction
            FROM draws
        )
        """,
        {
            "first_day": first_day.strftime("%Y-%m-%d %H:%M:%S"),
            "synced_before": (end - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S"),
            "station": uuid.uuid5(uuid.NAMESPACE_DNS, "station.bench").hex,
        },
    )
    for sql in indexes:
        conn.execute(sql)
    conn.execute("CREATE TABLE bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.executemany(
        "INSERT INTO bench_meta VALUES (?, ?)",
        [("first_day", first_day.isoformat()), ("end", end.isoformat()), ("rows", str(rows))],
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    part.replace(path)
    return time.perf_counter() - start


def meta(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM bench_meta"))


# --- timing ----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], runs: int) -> dict[str, object]:
    start = time.perf_counter()
    result = fn()
    cold = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    rows = len(result) if isinstance(result, list) else result
    return {
        "first_call_ms": round(cold, 2),
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 0.95), 2),
        "max_ms": round(max(samples), 2),
        "runs": runs,
        "result": rows,
    }


def query_plan(log, engine, f) -> list[str]:  # type: ignore[no-untyped-def]
    """SQLite's plan for the page query as the service really sends it."""
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        log.page(f)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    statement, parameters = next((s, p) for s, p in seen if "visit_event" in s)
    raw = engine.raw_connection()
    try:
        rows = raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
    finally:
        raw.close()
    return [str(row[-1]) for row in rows]


def bench_service(log, engine, day: datetime, runs: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from app.core.statuses import Direction, Status
    from app.services.visit_log import LogFilter, cursor_of

    everything = LogFilter()
    one_day = LogFilter(since=day, until=day + timedelta(days=1))
    red_door2 = LogFilter(since=day, until=day + timedelta(days=1), status=Status.RED, door="2")
    exits = LogFilter(direction=Direction.EXIT)
    out: dict[str, object] = {
        "first_page_no_filter": timed(lambda: log.page(everything), runs),
        "first_page_red_door2_one_day": timed(lambda: log.page(red_door2), runs),
        "first_page_exit_whole_range": timed(lambda: log.page(exits), runs),
        "first_page_one_day": timed(lambda: log.page(one_day), runs),
        "count_no_filter": timed(lambda: log.count(everything), max(3, runs // 4)),
        "count_one_day": timed(lambda: log.count(one_day), runs),
        "count_red_door2_one_day": timed(lambda: log.count(red_door2), runs),
    }
    after = None
    for _ in range(50):
        page = log.page(everything, after)
        after = cursor_of(page[-1])
    cursor = after
    out["page_51_keyset_no_filter"] = timed(lambda: log.page(everything, cursor), runs)
    after = None
    for _ in range(50):
        page = log.page(exits, after)
        after = cursor_of(page[-1])
    cursor_exit = after
    out["page_51_keyset_exit_filter"] = timed(lambda: log.page(exits, cursor_exit), runs)
    out["_plans"] = {
        "red_door2_one_day": query_plan(log, engine, red_door2),
        "exit_whole_range": query_plan(log, engine, exits),
    }
    return out


def bench_qt_model(log, day: datetime, runs: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """reload() -> worker fetches the page -> rows inserted -> QTableView repainted."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication, QTableView

    from app.core.statuses import Status
    from app.services.visit_log import LogFilter
    from app.views.tasks import TaskRunner
    from app.views.visit_log import VisitTableModel

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    model = VisitTableModel(log, runner)
    view = QTableView()
    view.setModel(model)
    view.resize(1300, 640)
    view.show()
    QCoreApplication.processEvents()

    def first_page(f: LogFilter) -> Callable[[], int]:
        def run() -> int:
            model.reload(f)  # starts the first page in a worker (fetchMore)
            while model._loading:  # until the queued result is delivered on this thread
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            view.repaint()
            return model.rowCount()

        return run

    out = {
        "qt_model_first_page_no_filter": timed(first_page(LogFilter()), runs),
        "qt_model_first_page_red_one_day": timed(
            first_page(LogFilter(since=day, until=day + timedelta(days=1), status=Status.RED)),
            runs,
        ),
    }
    runner.wait(10_000)
    return out


def machine() -> dict[str, object]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "load_avg_1_5_15": [round(x, 2) for x in load] if load else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20, help="timed calls per figure")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "visit_log.json")
    args = parser.parse_args()

    from app.models import open_engine, session_factory
    from app.services.visit_log import VisitLog

    info_before = machine()
    path = database_file(args.rows)
    build_s = None
    if args.rebuild or not path.exists():
        print(f"building {args.rows:,} rows (once; reused while the schema stays the same) ...")
        build_s = round(build(path, args.rows), 1)
    size_mb = round(sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    ) / 1e6, 1)  # fmt: skip
    info = meta(path)
    end = datetime.fromisoformat(info["end"])
    day = (end - timedelta(days=2)).replace(hour=0)  # a full day inside the data
    engine = open_engine(path)
    log = VisitLog(session_factory(engine))
    service = bench_service(log, engine, day, args.runs)
    qt = bench_qt_model(log, day, args.runs)
    engine.dispose()
    plans = service.pop("_plans")
    figures = {**service, **qt}
    after = machine()
    after["load_avg_at_start_1_5_15"] = info_before["load_avg_1_5_15"]

    print(f"visit log over {args.rows:,} rows; database {size_mb} MB"
          f" ({'built in ' + str(build_s) + ' s' if build_s else 'reused'});"
          f" {after['cpus']} CPUs; load {info_before['load_avg_1_5_15']}"
          f" -> {after['load_avg_1_5_15']}")  # fmt: skip
    print(f"{'figure':<36}{'rows':>8}{'first':>9}{'p50 ms':>9}{'p95 ms':>9}  target {TARGET_MS}")
    for name, r in figures.items():
        print(f"{name:<36}{r['result']:>8}{r['first_call_ms']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}")
    print("\nplans:")
    for name, plan in plans.items():
        print(f"  {name}: " + " | ".join(plan))
    payload = {
        "machine": after,
        "rows": args.rows,
        "database_mb": size_mb,
        "build_s": build_s,
        "day_filtered": day.date().isoformat(),
        "target_ms": TARGET_MS,
        "figures": figures,
        "plans": plans,
        "note": (
            "result = rows returned (pages) or the count; first_call_ms = the first call after "
            "opening (SQLite page cache cold for that query, OS cache warm)"
        ),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
