"""The outbox against a real server: nothing lost, nothing stored twice, whatever the network does.

Each test counts on the server's own database what arrived, and on the console's what is still
pending; a record missing from one and not pending in the other would be a lost visit.
"""

from __future__ import annotations

import random
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.core.statuses import Status
from app.models.records import Outbox
from app.models.visits import VisitEvent as VisitRow
from app.services.door import check
from app.services.sync_service import make_outbox, sync_once
from app.sync import protocol as p
from app.sync.outbox import PushReport
from central.demo import DEMO_IINS
from tests import timing
from tests.e2e.conftest import (
    WEDNESDAY_NOON,
    CentralProcess,
    Station,
    queue_offline_visits,
    server_rows,
    wait_until,
)
from tests.e2e.netfaults import FaultProxy

GREEN, RED = DEMO_IINS[Status.GREEN][0], DEMO_IINS[Status.RED][0]


def stored(server: CentralProcess) -> tuple[int, int]:
    """(rows, distinct client ids) of visits in the server's database."""
    rows = server_rows(server, "SELECT count(*), count(DISTINCT client_id) FROM visits")
    return int(rows[0][0]), int(rows[0][1])  # type: ignore[arg-type]


def local_state(station: Station) -> tuple[int, int, int]:
    """(pending outbox rows, unsynced visits, visits still holding a sealed IIN)."""
    with station.ctx.sessions() as s:
        pending = s.scalar(select(func.count()).where(Outbox.acknowledged_at.is_(None)))
        unsynced = s.scalar(select(func.count()).where(VisitRow.synced_at.is_(None)))
        sealed = s.scalar(select(func.count()).where(VisitRow.sealed_iin.is_not(None)))
    return int(pending or 0), int(unsynced or 0), int(sealed or 0)


def test_visits_are_pushed_acknowledged_and_their_sealed_iins_erased(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    check(station.ctx, GREEN, at=WEDNESDAY_NOON)
    check(station.ctx, RED, at=WEDNESDAY_NOON)
    queue_offline_visits(station, 1200)  # three batches of MAX_BATCH and a bit
    assert local_state(station) == (1202, 1202, 1200)
    report = sync_once(station.ctx)
    assert (report.pushed, report.duplicates, report.pending, report.errors) == (1202, 0, 0, ())
    assert stored(central) == (1202, 1202)
    assert local_state(station) == (0, 0, 0)
    # The server opens every sealed IIN after acknowledging its visit (central.seal_check) and
    # finds it matches the visit's pseudonym.
    checks = 'SELECT "check", count(*) FROM trace_identities GROUP BY "check"'
    wait_until(lambda: server_rows(central, checks) == [("ok", 1200)], timeout=60,
               what="every sealed IIN checked")  # fmt: skip
    again = sync_once(station.ctx)
    assert (again.pushed, again.duplicates, again.pending) == (0, 0, 0)
    with station.ctx.sessions() as s:  # acknowledged rows are kept, marked, never deleted
        assert s.scalar(select(func.count()).select_from(Outbox)) == 1202


def test_server_killed_in_the_middle_of_a_push_loses_nothing_and_doubles_nothing(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    count = 4_000  # eight batches: the kill lands after the first, long before the last
    queue_offline_visits(station, count)
    outbox = make_outbox(station.ctx)
    reports: list[PushReport] = []
    assert station.ctx.primary is not None
    pusher = threading.Thread(target=lambda: reports.append(outbox.push(station.ctx.primary)))
    pusher.start()
    wait_until(lambda: stored(central)[0] > 0, what="the first batches to land")
    central.kill()
    pusher.join(timeout=timing.seconds(60))
    first = reports[0]
    assert first.errors and first.errors[0].split(":")[0] in {"offline", "timeout"}
    landed = stored(central)[0]
    assert 0 < landed < count
    assert first.pending == count - first.pushed  # acknowledged only what the server confirmed
    central.start()
    second = outbox.push(station.ctx.primary, force=True)
    assert second.errors == () and second.pending == 0
    assert first.pushed + second.pushed + second.duplicates == count
    assert stored(central) == (count, count)
    assert local_state(station) == (0, 0, 0)


def test_answers_delayed_past_the_timeout_are_retried_and_counted_once(
    central: CentralProcess, make_station
) -> None:
    proxy = FaultProxy(central.port).start()
    try:
        station = make_station(central, server_url=proxy.url, timeout_s=1.0)
        queue_offline_visits(station, 600)
        proxy.set_mode("delay")  # every answer now arrives 2 s late: after the 1 s timeout
        outbox = make_outbox(station.ctx)
        assert station.ctx.primary is not None
        late = outbox.push(station.ctx.primary)
        assert late.errors[0].startswith("timeout")
        assert late.pending == 600  # nothing assumed delivered
        wait_until(lambda: stored(central)[0] == 500, what="the server to store the lost batch")
        proxy.set_mode("pass")
        retry = outbox.push(station.ctx.primary, force=True)
        assert (retry.pushed, retry.duplicates, retry.pending) == (100, 500, 0)
        assert stored(central) == (600, 600)
    finally:
        proxy.close()


def test_500s_back_off_then_deliver(central: CentralProcess, make_station) -> None:
    proxy = FaultProxy(central.port).start()
    try:
        station = make_station(central, server_url=proxy.url)
        queue_offline_visits(station, 50)
        proxy.set_mode("http500")
        outbox = make_outbox(station.ctx, rng=random.Random(3))
        assert station.ctx.primary is not None
        failed = outbox.push(station.ctx.primary)
        assert failed.errors[0].startswith("server_error")
        assert failed.pending == 50 and failed.next_attempt_at is not None
        seen = proxy.requests_seen
        waiting = outbox.push(station.ctx.primary)  # backing off: does not even try
        assert proxy.requests_seen == seen and waiting.pending == 50
        proxy.set_mode("pass")
        station.clock.now = failed.next_attempt_at + timedelta(seconds=1)
        done = outbox.push(station.ctx.primary)
        assert (done.pushed, done.pending, done.errors) == (50, 0, ())
        assert stored(central) == (50, 50)
        with station.ctx.sessions() as s:
            # a few halves were tried to tell "one bad event" from "the server fails": it fails
            # on everything, so nothing was set aside, and no event was tried more than that
            assert s.scalar(select(func.count()).where(Outbox.set_aside_at.is_not(None))) == 0
            assert s.scalar(select(func.max(Outbox.attempts))) <= (50).bit_length() + 3
    finally:
        proxy.close()


@pytest.mark.slow
def test_a_day_without_the_server_then_everything_arrives_once(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    central.kill()
    queue_offline_visits(station, 10_000)
    for iin in (GREEN, RED, DEMO_IINS[Status.BLUE][0]):  # the door keeps working meanwhile
        assert check(station.ctx, iin, at=WEDNESDAY_NOON).offline
    outbox = make_outbox(station.ctx, rng=random.Random(5))
    assert station.ctx.primary is not None
    tries = []
    for _ in range(24 * 60):  # a day, minute by minute, as the console's sync timer would
        station.clock.advance(minutes=1)
        if outbox.due():
            tries.append(station.clock())
            report = outbox.push(station.ctx.primary)
            assert report.errors[0].startswith("offline") and report.pending == 10_003
    assert 10 < len(tries) < 24 * 60 / 2  # exponential back-off, not a try every minute
    gaps = [(b - a).total_seconds() for a, b in zip(tries, tries[1:], strict=False)]
    assert max(gaps) <= 300 + 60  # capped at five minutes (plus the timer's minute)
    central.start()
    station.clock.advance(minutes=6)
    report = outbox.push(station.ctx.primary)
    assert (report.pushed, report.pending, report.errors) == (10_003, 0, ())
    assert stored(central) == (10_003, 10_003)


def test_the_same_batch_delivered_twice_is_stored_once(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    ids = queue_offline_visits(station, 20)
    client = station.ctx.primary
    assert client is not None
    with station.ctx.sessions() as s:
        payloads = [row.payload for row in s.scalars(select(Outbox).order_by(Outbox.id))]
    events = [p.VisitEvent.model_validate(x) for x in payloads]
    first = client.post_visits(events)
    second = client.post_visits(events)
    assert sorted(map(str, first.accepted)) == sorted(ids) and first.duplicates == []
    assert second.accepted == [] and sorted(map(str, second.duplicates)) == sorted(ids)
    report = sync_once(station.ctx)  # the outbox sends them a third time: all duplicates
    assert (report.pushed, report.duplicates, report.pending) == (0, 20, 0)
    assert stored(central) == (20, 20)
