"""Visits by month: PostgreSQL partitions made ahead and on demand, and retention.

On PostgreSQL `visits` and `trace_identities` are partitioned by RANGE of occurred_at, one
partition per UTC month in each table (`visits_p2026_12`, `trace_identities_p2026_12`). Decision:
no DEFAULT partition. A default partition would take the rows of a month without its own, and
creating that month later would first have to move them out under a lock. Instead a month's
partitions exist before its first row: `ensure_window` makes the previous, current and next two
months at start-up and on every maintenance pass, and `ensure_months` makes any other month
(an offline console's backlog, a clock that was wrong) when ingestion meets it, in its own short
transaction under an advisory lock so concurrent workers make it once.

Retention removes whole months older than N months before the current one: on PostgreSQL the
trace-identity partition is dropped first (it references the visits), then the visits partition
is detached and dropped, all in one transaction; on SQLite the same months' rows are deleted.
The current month and the N before it are never touched, and N is at least 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, Engine, delete, text

from central.db import TraceIdentity, Visit

TABLES = ("visits", "trace_identities")  # parent first: the second references the first
_ADVISORY_LOCK = 0x41534850  # "ASHP": one process creates or drops partitions at a time
_NAME = re.compile(r"^visits_p(\d{4})_(\d{2})$")


def month_of(moment: datetime) -> date:
    """The first day of the moment's UTC month."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment
    return date(utc.year, utc.month, 1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def partition_name(table: str, month: date) -> str:
    return f"{table}_p{month.year:04d}_{month.month:02d}"


def is_partitioned(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def existing_months(conn: Connection) -> list[date]:
    """The months that have a visits partition, oldest first (PostgreSQL; [] on SQLite)."""
    if not is_partitioned(conn):
        return []
    names = conn.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'visits'::regclass"
        )
    ).scalars()
    found = [m for m in (_NAME.match(n) for n in names) if m]
    return sorted(date(int(m[1]), int(m[2]), 1) for m in found)


def missing_months(conn: Connection, months: Iterable[date]) -> list[date]:
    """Those of `months` without a visits partition: one catalog query for a whole batch."""
    wanted = sorted(set(months))
    if not wanted or not is_partitioned(conn):
        return []
    names = [partition_name("visits", m) for m in wanted]
    absent = set(
        conn.execute(
            text("SELECT n FROM unnest(CAST(:names AS text[])) AS n WHERE to_regclass(n) IS NULL"),
            {"names": names},
        ).scalars()
    )
    return [m for m, n in zip(wanted, names, strict=True) if n in absent]


def ensure_months(engine: Engine, months: Iterable[date]) -> list[date]:
    """Create the partitions of these months that do not exist yet; returns those created.

    Runs in its own transaction (not the caller's), so the lock creating a partition takes on
    the parent table lasts milliseconds, not a whole request.
    """
    if engine.dialect.name != "postgresql":
        return []
    with engine.connect() as conn:
        todo = missing_months(conn, months)
        conn.rollback()
    if not todo:
        return []
    created = []
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _ADVISORY_LOCK})
        for month in missing_months(conn, todo):  # again, under the lock: another may have
            _create(conn, month)
            created.append(month)
    return created


def _create(conn: Connection, month: date) -> None:
    start, end = month.isoformat(), add_months(month, 1).isoformat()
    for table in TABLES:
        conn.execute(
            text(
                f"CREATE TABLE {partition_name(table, month)} PARTITION OF {table} "
                f"FOR VALUES FROM ('{start}') TO ('{end}')"
            )
        )


def ensure_window(engine: Engine, now: datetime, before: int = 1, after: int = 2) -> list[date]:
    """The months around now, so ordinary traffic never waits for a partition to be made."""
    current = month_of(now)
    return ensure_months(engine, (add_months(current, k) for k in range(-before, after + 1)))


@dataclass(frozen=True)
class PruneReport:
    cutoff: date  # everything before this UTC month start is gone
    months_dropped: tuple[date, ...]  # PostgreSQL partitions dropped
    # rows deleted on SQLite; None on PostgreSQL, where counting a month first would read it all
    visits_deleted: int | None
    trace_identities_deleted: int | None


def retention_cutoff(now: datetime, older_than_months: int) -> date:
    """The first month kept: the current month minus N (N >= 1, so the current one stays)."""
    if older_than_months < 1:
        raise ValueError("retention must keep at least the current month and the one before")
    return add_months(month_of(now), -older_than_months)


def prune(engine: Engine, older_than_months: int, now: datetime) -> PruneReport:
    """Remove visits (and their sealed identities) of the months before the cutoff."""
    cutoff = retention_cutoff(now, older_than_months)
    if engine.dialect.name != "postgresql":
        moment = datetime(cutoff.year, cutoff.month, 1, tzinfo=UTC)
        with engine.begin() as conn:
            traces = conn.execute(delete(TraceIdentity).where(TraceIdentity.occurred_at < moment))
            visits = conn.execute(delete(Visit).where(Visit.occurred_at < moment))
        return PruneReport(cutoff, (), visits.rowcount, traces.rowcount)
    dropped: list[date] = []
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _ADVISORY_LOCK})
        for month in existing_months(conn):
            if month >= cutoff:
                break
            visits_p, traces_p = (partition_name(t, month) for t in TABLES)
            conn.execute(text(f"DROP TABLE {traces_p}"))
            conn.execute(text(f"ALTER TABLE visits DETACH PARTITION {visits_p}"))
            conn.execute(text(f"DROP TABLE {visits_p}"))
            dropped.append(month)
    return PruneReport(cutoff, tuple(dropped), None, None)
