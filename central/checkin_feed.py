"""Check-ins announced across server processes through PostgreSQL's LISTEN/NOTIFY.

The `checkins` table stays the source of truth (event ids are its sequence numbers, so
`Last-Event-ID` resumption reads the table); a notification only says "venue N has something
new", so an open stream reads the table at once instead of at its next poll. The visitor page
calls `announce` inside the transaction that inserts the check-in: PostgreSQL delivers the
notification at commit, to every process listening (`serve --workers N`, or several servers on
one database), never for a transaction that rolled back.

Each process keeps one listening connection in a thread of its own (psycopg 3); a lost connection
is opened again, and every stream is woken then, since a notification may have been missed.
SQLite has no such thing: one process, and its streams poll.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import defaultdict

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

CHANNEL = "ashyq_checkins"
_RETRY_S = 1.0


def announce(conn: Connection, venue_id: int) -> None:
    """Tell every listening process that `venue_id` has a new check-in (at commit)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_notify(:channel, :venue)"), {"channel": CHANNEL, "venue": str(venue_id)}
        )


class CheckinFeed:
    """One process's listener: streams subscribe to a venue and are woken on its check-ins."""

    def __init__(self, engine: Engine) -> None:
        self._conninfo = engine.url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
        self._waiters: dict[int, set[asyncio.Event]] = defaultdict(set)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="checkin-feed", daemon=True)
        self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        """True once the first LISTEN is in place (start-up waits a moment for it)."""
        return self._listening.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)

    def subscribe(self, venue_id: int) -> asyncio.Event:
        """An event set whenever `venue_id` may have something new (call from the loop)."""
        event = asyncio.Event()
        self._waiters[venue_id].add(event)
        return event

    def unsubscribe(self, venue_id: int, event: asyncio.Event) -> None:
        waiters = self._waiters.get(venue_id)
        if waiters is not None:
            waiters.discard(event)
            if not waiters:
                del self._waiters[venue_id]

    # --- the listening thread -------------------------------------------------------------

    def _wake(self, venue_id: int | None) -> None:
        """On the event loop: wake one venue's streams, or every stream (None)."""
        groups = self._waiters.values() if venue_id is None else [self._waiters.get(venue_id, ())]
        for group in list(groups):
            for event in list(group):
                event.set()

    def _post(self, venue_id: int | None) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake, venue_id)

    def _run(self) -> None:
        import psycopg

        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    if not first:
                        self._post(None)  # something may have come while we were away
                    first = False
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._post(int(note.payload) if note.payload.isdigit() else None)
            except Exception as exc:  # noqa: BLE001 - the listener must outlive a lost database
                if self._stop.is_set():
                    return
                log.warning("check-in feed lost its connection (%s); retrying", type(exc).__name__)
                self._stop.wait(_RETRY_S)
