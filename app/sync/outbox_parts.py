"""The outbox's parts that are not the push itself: its report, the failure rules, row helpers.

Split from app/sync/outbox.py to keep each module readable; see that module for the why.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.records import OutboxKind
from app.models.visits import VisitEvent as VisitRow
from app.sync.client import SyncError

SUSPECT_TRIES = 3  # failures alone, others passing, before an event is set aside
PROXY_AWAY = frozenset({502, 503, 504})  # a proxy or load balancer says the server is not there


@dataclass(frozen=True)
class PushReport:
    pushed: int = 0  # stored by the server now
    duplicates: int = 0  # the server had them already (an earlier answer was lost)
    rejected: int = 0  # set aside by this push; kept locally with the server's reason
    redeemed: int = 0  # offline ticket redemptions delivered
    conflicts: tuple[str, ...] = ()  # redemptions the server refused (used at another door ...)
    pending: int = 0  # still waiting after this push (set-aside events not counted)
    set_aside: int = 0  # kept aside for a manager, all pushes together
    unreachable: bool = False  # the push stopped because the server could not be reached
    errors: tuple[str, ...] = ()  # "code: message" of failures that stopped the push
    next_attempt_at: datetime | None = None  # when the outbox will try again, if it backed off


@dataclass
class Tally:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    redeemed: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unreachable: bool = False
    successes: int = 0  # requests of this push the server answered: it is there and working
    failing: int = 0  # server failures in a row since the last success
    suspects: list[tuple[OutboxKind, Row]] = field(default_factory=list)


Row = tuple[int, Any, dict[str, Any], Any]  # row id, event id, payload, parsed model


def away(exc: SyncError) -> bool:
    """The server as a whole is not answering this station: back off, set nothing aside."""
    if exc.code == "server_error":
        return exc.status_code is None or exc.status_code in PROXY_AWAY
    if exc.code == "rejected":
        return exc.status_code in (404, 405)  # a server that does not know this call at all
    return True  # offline, timeout, rate limited, not the Ashyq API, unauthorized


# --- writing: always inside the caller's transaction -------------------------------------------


@contextlib.contextmanager
def relaxed_sync(sessions: sessionmaker[Session]) -> Iterator[Connection]:
    """A transaction committed without waiting for the disk flush (synchronous=NORMAL).

    Only for acknowledgements: losing one to a power cut is harmless (the event is sent
    again and the server answers "duplicate"), while waiting for the flush was most of the
    console's share of draining a backlog. Visits keep synchronous=FULL (write before show),
    and the connection gets FULL back before it returns to the pool.
    """
    engine = sessions.kw["bind"]
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA synchronous = NORMAL")
        try:
            with connection.begin():
                yield connection
        finally:
            raw.execute("PRAGMA synchronous = FULL")


def attach_sealed_iins(session: Session, batch: list[tuple[int, Any, dict[str, Any]]]) -> None:
    ids = [entity for _, entity, _ in batch]
    sealed: dict[str, str | None] = {}
    for chunk in chunks(ids):
        query = select(VisitRow.id, VisitRow.sealed_iin).where(
            VisitRow.id.in_(chunk), VisitRow.sealed_iin.is_not(None)
        )
        sealed.update({str(row_id): value for row_id, value in session.execute(query)})
    for _, entity, payload in batch:
        value = sealed.get(str(entity))
        if value is not None:
            payload["sealed_iin"] = value


def chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    """SQLite limits bound parameters per statement; 500 stays well inside every build."""
    return [items[i : i + size] for i in range(0, len(items), size)]
