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
from app.sync.outbox import Outbox, enqueue_redemption, enqueue_visit
from app.sync.set_aside import list_set_aside, retry_set_aside

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
            raise SyncError(
                "rejected",
                "events[3].occurred_at: too far in the future",
                422,
                server_code="invalid",
            )
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


def _row(sessions, event_id: uuid.UUID) -> OutboxRow:  # type: ignore[no-untyped-def]
    with sessions() as session:
        return session.scalars(select(OutboxRow).where(OutboxRow.entity_id == event_id)).one()


def test_one_refused_event_is_set_aside_kept_and_sent_again_only_on_a_managers_word(
    sessions,
) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 20)
    server = RefusingServer(poison={ids[13]})
    clock = Clock()
    report = _outbox(sessions, clock).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.rejected, report.pending, report.set_aside) == (19, 1, 0, 1)
    assert report.errors == ()
    assert server.stored == set(ids) - {ids[13]}
    row = _row(sessions, ids[13])
    assert row.acknowledged_at is None  # kept: refused is not delivered
    assert (row.set_aside_code, row.set_aside_at) == ("invalid", clock.now)
    assert "too far in the future" in (row.set_aside_message or "")
    [listed] = list_set_aside(sessions)
    assert (listed.kind, listed.id, listed.code) == ("visit", ids[13], "invalid")
    calls = server.calls
    clock.now += timedelta(days=3)
    assert _outbox(sessions, clock).push(server).set_aside == 1  # type: ignore[arg-type]
    assert server.calls == calls  # never sent again by itself
    server.poison.clear()  # say the server was fixed
    assert retry_set_aside(sessions, [ids[13]]) == 1
    again = _outbox(sessions, clock).push(server)  # type: ignore[arg-type]
    assert (again.pushed, again.set_aside, again.pending) == (1, 0, 0)
    assert list_set_aside(sessions) == []


class FailingServer(RefusingServer):
    """Answers 500 for any batch holding a poisoned id (a bug on the server, not a refusal)."""

    def __init__(self, poison: set[uuid.UUID], status: int = 500) -> None:
        super().__init__(poison)
        self.status = status
        self.everything_fails = False

    def post_visits(self, events: list[p.VisitEvent]) -> p.BatchResult:
        if self.everything_fails or any(e.id in self.poison for e in events):
            self.calls += 1
            raise SyncError("server_error", f"The server failed ({self.status})", self.status)
        return super().post_visits(events)


@pytest.mark.parametrize("where", [0, 7, 19])
def test_an_event_the_server_fails_on_is_set_aside_and_the_rest_delivered(
    sessions, where: int
) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 20)
    server = FailingServer(poison={ids[where]})
    outbox = _outbox(sessions, Clock())
    report = outbox.push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.rejected, report.pending, report.errors) == (19, 1, 0, ())
    assert server.stored == set(ids) - {ids[where]}
    row = _row(sessions, ids[where])
    assert row.set_aside_code == "server_error" and row.acknowledged_at is None
    assert outbox.resume_at is None  # the server works: no back-off


def test_a_server_failing_on_everything_is_away_nothing_set_aside(sessions) -> None:  # type: ignore[no-untyped-def]
    _queue(sessions, 200)
    server = FailingServer(poison=set())
    server.everything_fails = True
    outbox = Outbox(sessions, backoff=Backoff(rng=random.Random(1)), clock=Clock())
    report = outbox.push(server)  # type: ignore[arg-type]
    assert report.errors and report.set_aside == 0 and report.pending == 200
    assert outbox.resume_at is not None  # backs off as when the server is away
    assert server.calls <= 2 * p.MAX_BATCH.bit_length() + 4  # a few probes, not one per event


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_proxy_saying_the_server_is_away_sets_nothing_aside(sessions, status: int) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 10)
    server = FailingServer(poison={ids[0]}, status=status)
    outbox = _outbox(sessions, Clock())
    report = outbox.push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.set_aside, report.pending) == (0, 0, 10)
    assert server.calls == 1 and outbox.resume_at is not None


def test_a_lone_failing_event_waits_until_others_show_the_server_works(sessions) -> None:  # type: ignore[no-untyped-def]
    [only] = _queue(sessions, 1)
    server = FailingServer(poison={only})
    clock = Clock()
    outbox = _outbox(sessions, clock)
    first = outbox.push(server)  # type: ignore[arg-type]
    assert (first.set_aside, first.pending) == (0, 1) and first.errors
    assert server.calls == 3  # three tries alone, then it looks like the server is away
    more = _queue(sessions, 3)
    second = outbox.push(server, force=True)  # type: ignore[arg-type]
    assert (second.pushed, second.set_aside, second.pending, second.errors) == (3, 1, 0, ())
    assert server.stored == set(more)


def test_an_event_that_failed_once_and_then_passes_is_delivered(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 6)

    class Flaky(RefusingServer):
        failed = False

        def post_visits(self, events: list[p.VisitEvent]) -> p.BatchResult:
            if not self.failed and any(e.id == ids[2] for e in events):
                if len(events) == 1:
                    self.failed = True
                raise SyncError("server_error", "The server failed (500)", 500)
            return super().post_visits(events)

    server = Flaky(poison=set())
    report = _outbox(sessions, Clock()).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.set_aside, report.pending) == (6, 0, 0)


def test_events_the_server_rejects_in_its_answer_are_set_aside_at_once(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = _queue(sessions, 5)

    class Judging(RefusingServer):
        def post_visits(self, events: list[p.VisitEvent]) -> p.BatchResult:
            self.calls += 1
            refused = [e.id for e in events if e.id == ids[1]]
            self.stored.update(e.id for e in events if e.id not in refused)
            return p.BatchResult(
                accepted=[e.id for e in events if e.id not in refused],
                duplicates=[],
                rejected=[p.Rejection(id=i, code="already_refunded", message="Refunded before.")
                          for i in refused],
            )  # fmt: skip

    server = Judging(poison=set())
    report = _outbox(sessions, Clock()).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.rejected, report.pending, report.set_aside) == (4, 1, 0, 1)
    assert server.calls == 1
    row = _row(sessions, ids[1])
    assert (row.set_aside_code, row.set_aside_message) == ("already_refunded", "Refunded before.")


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
    assert (report.pushed, report.rejected, report.pending, report.set_aside) == (2, 1, 0, 1)
    assert _row(sessions, ids[0]).set_aside_code == "unreadable"


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


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (SyncError("rejected", "door: too long", 400, server_code="invalid"), "invalid"),
        (SyncError("server_error", "The server failed (500)", 500), "server_error"),
    ],
)
def test_a_redemption_the_server_refuses_or_fails_on_is_set_aside(
    sessions, failure: SyncError, code: str
) -> None:  # type: ignore[no-untyped-def]
    visits = _queue(sessions, 2)  # delivered fine: the server works
    nonce = uuid.uuid4()
    with sessions.begin() as session:
        request = p.RedeemRequest(nonce=nonce, door="1", at=T0)
        enqueue_redemption(session, "ABCDEF1", request, now=T0)

    class Redeeming(RefusingServer):
        tries = 0

        def redeem(self, ticket_code: str, request: p.RedeemRequest) -> p.RedeemResponse:
            self.tries += 1
            raise failure

    server = Redeeming(poison=set())
    report = _outbox(sessions, Clock()).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.rejected, report.pending, report.errors) == (2, 1, 0, ())
    assert server.stored == set(visits)
    assert server.tries == (1 if code == "invalid" else 3)
    assert _row(sessions, nonce).set_aside_code == code


def test_a_visit_queued_before_the_bounds_is_cleaned_and_delivered(sessions) -> None:  # type: ignore[no-untyped-def]
    [queued] = _queue(sessions, 1)
    with sessions.begin() as session:  # as a version before the bounds could have queued it
        row = session.scalars(select(OutboxRow).where(OutboxRow.entity_id == queued)).one()
        row.payload = {**row.payload, "status_source": "s" * 50, "status_age_s": 2**40,
                       "door": "Door\x00 1", "occurred_at": "1999-12-31T23:00:00+00:00"}  # fmt: skip
    server = RefusingServer(poison=set())
    sent: list[p.VisitEvent] = []
    original = server.post_visits
    server.post_visits = lambda events: sent.extend(events) or original(events)  # type: ignore[method-assign]
    report = _outbox(sessions, Clock()).push(server)  # type: ignore[arg-type]
    assert (report.pushed, report.set_aside, report.pending) == (1, 0, 0)
    [event] = sent
    assert (event.status_source, event.status_age_s, event.door) == ("s" * 40, p.INT4_MAX, "Door 1")
    assert event.occurred_at == p.MOMENT_MIN
