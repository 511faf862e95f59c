"""Outbox rules that need a refusing server, with a stand-in client over a real SQLite file.

The e2e tests cover the real server and a real network; a server that refuses one event of a
batch (422) is hard to provoke there, so a stand-in plays it here.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.statuses import Direction, InputMethod, Status, Verdict
from app.models import open_engine, session_factory, upgrade_database
from app.models.records import Outbox as OutboxRow
from app.sync import protocol as p
from app.sync.backoff import Backoff
from app.sync.client import SyncError
from app.sync.outbox import Outbox, enqueue_visit

T0 = datetime(2026, 11, 18, 7, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class RefusingServer:
    """Stores what it is sent, refuses any batch holding a poisoned id, may forget to answer."""

    def __init__(self, poison: set[uuid.UUID], forget: set[uuid.UUID] | None = None) -> None:
        self.poison = poison
        self.forget = forget or set()
        self.stored: set[uuid.UUID] = set()
        self.calls = 0

    def post_visits(self, events: list[p.VisitEvent]) -> p.BatchResult:
        self.calls += 1
        if any(e.id in self.poison for e in events):
            raise SyncError("rejected", "events[3].occurred_at: too far in the future", 422)
        accepted = [e.id for e in events if e.id not in self.stored]
        self.stored.update(e.id for e in events)
        duplicates = [e.id for e in events if e.id not in accepted]
        return p.BatchResult(
            accepted=[i for i in accepted if i not in self.forget],
            duplicates=[i for i in duplicates if i not in self.forget],
        )

    def post_refunds(self, events: list[p.RefundEvent]) -> p.BatchResult:
        return p.BatchResult(accepted=[], duplicates=[])


@pytest.fixture
def sessions(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "console.sqlite3"
    upgrade_database(path)
    engine = open_engine(path)
    yield session_factory(engine, write=True)
    engine.dispose()


def _queue(sessions, count: int) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    ids = [uuid.uuid4() for _ in range(count)]
    with sessions.begin() as session:
        for i, event_id in enumerate(ids):
            event = p.VisitEvent(
                id=event_id, occurred_at=T0 + timedelta(seconds=i), direction=Direction.ENTRY,
                method=InputMethod.WEDGE, status=Status.GREEN, status_source="central",
                status_age_s=0, verdict=Verdict.ADMIT, reason="green", person=None,
            )  # fmt: skip
            enqueue_visit(session, event, now=T0)
    return ids


def _outbox(sessions, clock: Clock) -> Outbox:  # type: ignore[no-untyped-def]
    return Outbox(sessions, backoff=Backoff(rng=random.Random(1)), clock=clock, batch_size=8)


def test_one_refused_event_is_isolated_kept_and_retried_daily(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 20)
    server = RefusingServer(poison={ids[13]})
    clock = Clock()
    report = _outbox(sessions, clock).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.rejected, report.pending, report.errors) == (19, 1, 1, ())
    assert server.stored == set(ids) - {ids[13]}
    with sessions() as session:
        row = session.scalars(select(OutboxRow).where(OutboxRow.entity_id == ids[13])).one()
        assert row.acknowledged_at is None  # kept: refused is not delivered
        assert "too far in the future" in (row.last_error or "")
        assert row.next_attempt_at == clock.now + timedelta(days=1)
    calls = server.calls
    assert _outbox(sessions, clock).push(server).pending == 1  # type: ignore[arg-type]
    assert server.calls == calls  # not due yet: not sent again
    clock.now += timedelta(days=1, seconds=1)
    server.poison.clear()  # say the server was fixed
    assert _outbox(sessions, clock).push(server).pushed == 1  # type: ignore[arg-type]


def test_an_event_the_server_did_not_mention_is_not_taken_as_delivered(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 5)
    server = RefusingServer(poison=set(), forget={ids[2]})
    clock = Clock()
    report = _outbox(sessions, clock).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.pending) == (4, 1)
    server.forget.clear()
    clock.now += timedelta(minutes=10)
    again = _outbox(sessions, clock).push(server)  # type: ignore[arg-type]
    assert (again.pushed, again.duplicates, again.pending) == (0, 1, 0)


def test_a_payload_this_version_cannot_read_is_set_aside_not_blocking(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 3)
    with sessions.begin() as session:
        row = session.scalars(select(OutboxRow).where(OutboxRow.entity_id == ids[0])).one()
        row.payload = {**row.payload, "verdict": "maybe"}
    server = RefusingServer(poison=set())
    report = _outbox(sessions, Clock()).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.rejected, report.pending) == (2, 1, 1)


def test_backoff_holds_the_whole_outbox_while_the_server_is_away(sessions) -> None:  # type: ignore[no-untyped-def]
    _queue(sessions, 3)

    class Away:
        calls = 0

        def post_visits(self, events: list[p.VisitEvent]) -> p.BatchResult:
            self.calls += 1
            raise SyncError("offline", "refused")

    away, clock = Away(), Clock()
    outbox = _outbox(sessions, clock)
    first = outbox.push(away)  # type: ignore[arg-type]
    assert first.errors == ("offline: refused",) and first.pending == 3
    assert first.next_attempt_at is not None and first.next_attempt_at <= clock.now + timedelta(
        seconds=1
    )
    for failures in range(2, 8):
        clock.now = outbox.resume_at  # type: ignore[assignment]
        outbox.push(away)  # type: ignore[arg-type]
        assert outbox.failures == failures
    assert away.calls == 7
    assert outbox.push(away, force=True).pending == 3  # type: ignore[arg-type]
    assert away.calls == 8  # a person's "sync now" ignores the back-off
