"""Rate limits: in the database when several server processes share it, else in memory.

With PostgreSQL (a chain of venues, several processes behind a balancer) the buckets live in the
database so every process sees the same counts. With SQLite the server is one process for one
venue, and a write transaction per lookup would serialise every lookup behind SQLite's single
writer (measured: about 120 lookups/s); there the same algorithm runs in the process's memory.

GCRA (the "generic cell rate algorithm", a token bucket stored as one number): each key keeps its
theoretical arrival time `tat`. A request is allowed when `max(tat, now) - now` is within the
burst tolerance, and then pushes `tat` one interval further. One upsert per request decides and
records atomically on SQLite and PostgreSQL alike; in an UPDATE every right-hand side sees the
old row, so `allowed` and `tat` are computed from the same state.
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Float, String, bindparam, case, delete, literal
from sqlalchemy.dialects import postgresql, sqlite

from central.db import RateBucket


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after_s: float


@functools.cache
def upsert(dialect: str) -> Any:
    """The one statement that decides and records a request (RETURNING tat, allowed).

    Built once per dialect with bound parameters (see `params`): the hot path reuses it, and
    PostgreSQL prepares it after a few uses.
    """
    table = RateBucket.__table__
    now = bindparam("rl_now", type_=Float)
    interval = bindparam("rl_interval", type_=Float)
    tolerance = bindparam("rl_tolerance", type_=Float)
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    start = case((table.c.tat > now, table.c.tat), else_=now)
    fits = start - now <= tolerance
    stmt = insert.values(
        key=bindparam("rl_key", type_=String), tat=now + interval, allowed=True
    ).on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "tat": case((fits, start + interval), else_=table.c.tat),
            "allowed": case((fits, literal(True)), else_=literal(False)),
        },
    )
    return stmt.returning(table.c.tat, table.c.allowed)


def params(key: str, rate: float, burst: int, now: float) -> dict[str, Any]:
    """The values `upsert` is executed with."""
    return {
        "rl_key": key,
        "rl_now": now,
        "rl_interval": 1.0 / rate,
        "rl_tolerance": (burst - 1) / rate,
    }


def decision(allowed: bool, tat: float, rate: float, burst: int, now: float) -> Decision:
    if allowed:
        return Decision(True, 0.0)
    return Decision(False, max(0.0, tat - now - (burst - 1) / rate))


def hit(conn: Connection, key: str, rate: float, burst: int, now: float | None = None) -> Decision:
    """Count one request against `key`: `rate` per second sustained, `burst` at once."""
    now = time.time() if now is None else now
    row = conn.execute(upsert(conn.dialect.name), params(key, rate, burst, now)).one()
    return decision(row.allowed, row.tat, rate, burst, now)


def forget_idle(conn: Connection, older_than_s: float = 3600.0) -> int:
    """Drop buckets that are back to full; called now and then so the table stays small."""
    result = conn.execute(delete(RateBucket).where(RateBucket.tat < time.time() - older_than_s))
    return result.rowcount or 0


@dataclass
class MemoryLimiter:
    """The same GCRA for a single-process server (SQLite): a dict of `tat` under a lock."""

    tats: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hit(self, key: str, rate: float, burst: int, now: float | None = None) -> Decision:
        now = time.time() if now is None else now
        interval = 1.0 / rate
        tolerance = interval * (burst - 1)
        with self.lock:
            start = max(self.tats.get(key, now), now)
            if start - now > tolerance:
                return Decision(False, max(0.0, start - now - tolerance))
            self.tats[key] = start + interval
            if len(self.tats) > 100_000:  # forget buckets that are back to full
                self.tats = {k: v for k, v in self.tats.items() if v > now}
            return Decision(True, 0.0)
