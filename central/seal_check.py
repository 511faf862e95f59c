"""The check of sealed IINs, done after the visit is stored and acknowledged, not during.

Why: opening a sealed box is an X25519 computation, about 0.1-0.2 ms; done inside the request it
was most of the time a console waited to drain a backlog (27 s of 37 s for 100,000 visits). Now a
visit's trace identity is stored with check "pending" in the same transaction as the visit, and
this pass opens the pending ones in chunks: a box that does not open becomes "unreadable", one
whose IIN is not the visit's pseudonym "mismatch", otherwise "ok" -- the same verdicts as before,
never a refusal of the visit (it is the venue's evidence). What the check guarantees is unchanged:
every stored sealed IIN is opened once by the server and flagged if it is not what it claims; it
is only later, by seconds. The pass runs when a batch stored pending rows, at start-up (rows left
by a stopped process) and every `poll_s`; several processes may share the work, and a row is
only ever moved from "pending", so doing a chunk twice changes nothing.

The computation runs in one child process at the lowest CPU priority, so a burst of intake keeps
the cores for the requests and the check catches up when they are idle.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import Engine, and_, select, update

from app.core.iin import is_valid_iin
from app.core.pseudonym import pseudonym
from central.db import TraceIdentity, Venue, Visit
from central.keys import ServerKeys, load_or_create

PENDING = "pending"
CHUNK = 500

_keys: ServerKeys | None = None


def verdict(keys: ServerKeys, venue_key: bytes, sealed: str, person: str | None) -> str:
    """ "ok", "unreadable" or "mismatch" for one sealed IIN of a visit."""
    iin = keys.open_sealed(sealed)
    if iin is None or not is_valid_iin(iin):
        return "unreadable"
    if person is not None and pseudonym(venue_key, iin) != person:
        return "mismatch"
    return "ok"


def _child_init(key_file: str) -> None:
    global _keys
    if hasattr(os, "nice"):
        os.nice(19)
    _keys = load_or_create(Path(key_file))


def _child_verdicts(items: list[tuple[bytes, str, str | None]]) -> list[str]:
    assert _keys is not None
    return [verdict(_keys, venue_key, sealed, person) for venue_key, sealed, person in items]


class SealChecker:
    """One process's share of the pending checks; `step` does chunks until none is left."""

    def __init__(self, engine: Engine, key_file: Path, chunk: int = CHUNK) -> None:
        self._engine = engine
        self._key_file = key_file
        self._chunk = chunk
        self._pool: ProcessPoolExecutor | None = None
        self._stopping = False

    def step(self) -> int:
        done = 0
        while not self._stopping and (count := self.check_chunk()) > 0:
            done += count
        return done

    def stop(self) -> None:
        """Finish the chunk in hand and take no other (the rest waits for the next start)."""
        self._stopping = True

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _verdicts(self, items: list[tuple[bytes, str, str | None]]) -> list[str]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_child_init,
                initargs=(str(self._key_file),),
            )
        return self._pool.submit(_child_verdicts, items).result()

    def check_chunk(self) -> int:
        """Check up to one chunk of pending rows; returns how many were pending."""
        trace = TraceIdentity
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(
                    trace.visit_id,
                    trace.occurred_at,
                    trace.sealed_iin,
                    Visit.person,
                    Visit.venue_id,
                )
                .join(
                    Visit, and_(Visit.id == trace.visit_id, Visit.occurred_at == trace.occurred_at)
                )
                .where(trace.check == PENDING)
                .order_by(trace.occurred_at)
                .limit(self._chunk)
            ).all()
            venue_ids = {row[4] for row in rows}
            venue_keys = dict(
                conn.execute(select(Venue.id, Venue.pseudonym_key).where(Venue.id.in_(venue_ids)))
                .tuples()
                .all()
            )
        if not rows:
            return 0
        checks = self._verdicts([(venue_keys[r[4]], r[2], r[3]) for r in rows])
        by_verdict: dict[str, list[int]] = {}
        for row, check in zip(rows, checks, strict=True):
            by_verdict.setdefault(check, []).append(row[0])
        first, last = min(r[1] for r in rows), max(r[1] for r in rows)
        with self._engine.begin() as conn:  # one statement per verdict, not one per row
            for check, visit_ids in by_verdict.items():
                conn.execute(
                    update(trace)
                    .where(
                        trace.visit_id.in_(visit_ids),
                        trace.occurred_at.between(first, last),  # only these months' partitions
                        trace.check == PENDING,
                    )
                    .values(check=check)
                )
        return len(rows)
