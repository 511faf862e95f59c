"""Enrollment and status lookups through the provider chain, against real server processes."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from app.core.pseudonym import pseudonym
from app.core.statuses import Direction, Status, StatusSource, Verdict
from app.models.visits import StatusCache
from app.models.visits import VisitEvent as VisitRow
from app.services.door import check
from app.services.sync_service import sync_once
from app.sync import secrets
from app.sync.client import CentralClient, SyncError
from app.sync.status_chain import LookupKey
from central.demo import DEMO_IINS, DEMO_PASSPORT
from tests import timing
from tests.e2e.conftest import (
    ENROLL_CODE,
    WEDNESDAY_NOON,
    CentralProcess,
    MemoryKeyring,
    server_rows,
)
from tests.e2e.netfaults import FaultProxy

GREEN, BLUE = DEMO_IINS[Status.GREEN][0], DEMO_IINS[Status.BLUE][0]
YELLOW, RED = DEMO_IINS[Status.YELLOW][0], DEMO_IINS[Status.RED][0]
UNKNOWN = DEMO_IINS[Status.NOT_FOUND][0]


def test_enrollment_keeps_the_token_in_the_keyring_and_nowhere_else(
    central: CentralProcess, make_station, memory_keyring: MemoryKeyring
) -> None:
    station = make_station(central)
    token = secrets.token()
    assert len(token) >= 32
    assert {service for service, _ in memory_keyring.entries} == {secrets.SERVICE}
    station.ctx.close()
    assert token.encode() not in station.db_bytes()
    assert token.encode() not in central.log_path.read_bytes()
    assert token.encode() not in central.out_path.read_bytes()
    assert token.encode() not in central.db_path.read_bytes()  # the server keeps a hash
    # The pulled config is in the local database: the door can work offline from now on.
    venue = station.ctx.venue()
    assert (venue.code, venue.time_zone, venue.capacity) == ("DEMO", "Asia/Almaty", 120)
    assert venue.server_public_key


def test_a_spent_enrollment_code_is_refused_with_the_servers_reason(
    central: CentralProcess, make_station, tmp_path
) -> None:
    make_station(central)
    with pytest.raises(SyncError) as caught:
        make_station(central, profile="second")
    assert caught.value.code == "enrollment_refused"
    assert "already used" in caught.value.message


COLOURS = [
    (GREEN, Status.GREEN, Verdict.ADMIT),
    (BLUE, Status.BLUE, Verdict.ADMIT),  # a cinema on a Wednesday admits blue
    (YELLOW, Status.YELLOW, Verdict.DENY),
    (RED, Status.RED, Verdict.DENY),
    (UNKNOWN, Status.NOT_FOUND, Verdict.DENY),
]


def test_each_colour_comes_from_the_central_server_and_is_recorded(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    for iin, status, verdict in COLOURS:
        result = check(station.ctx, iin, at=WEDNESDAY_NOON)
        assert (result.status, result.source, result.age_s) == (status, StatusSource.CENTRAL, 0)
        assert result.verdict is verdict, iin
        assert iin not in repr(result)
        with station.ctx.sessions() as session:
            row = session.get(VisitRow, result.visit_id)
            assert row is not None and row.verdict is verdict
            assert row.person == pseudonym(station.ctx.pseudonym_key, iin)
            assert row.sealed_iin is None  # the server answered the lookup: it knows already
    saturday = WEDNESDAY_NOON + timedelta(days=3)
    assert check(station.ctx, BLUE, at=saturday).verdict is Verdict.DENY  # cinema weekend rule


def test_a_foreign_passport_is_looked_up_by_number(central: CentralProcess, make_station) -> None:
    station = make_station(central)
    client = station.ctx.primary
    assert client is not None
    answer = client.status_by_passport(DEMO_PASSPORT)
    assert answer.status is Status.GREEN


def test_primary_down_the_fallback_answers(
    central: CentralProcess, make_central, make_station
) -> None:
    fallback = make_central(central.folder, name="fallback")  # same database, same keys
    station = make_station(central, fallback_url=fallback.url)
    central.kill()
    result = check(station.ctx, YELLOW, at=WEDNESDAY_NOON)
    assert (result.status, result.source) == (Status.YELLOW, StatusSource.FALLBACK)
    assert result.tried[0] == "central:offline"
    with station.ctx.sessions() as session:
        row = session.get(VisitRow, result.visit_id)
        assert row is not None and row.sealed_iin  # the central server did not see this IIN


def test_both_down_the_cache_answers_with_its_age_then_goes_stale(
    central: CentralProcess, make_central, make_station
) -> None:
    fallback = make_central(central.folder, name="fallback")
    station = make_station(central, fallback_url=fallback.url)
    assert check(station.ctx, GREEN, at=WEDNESDAY_NOON).source is StatusSource.CENTRAL
    central.kill()
    fallback.kill()
    station.clock.advance(minutes=9)
    cached = check(station.ctx, GREEN, at=WEDNESDAY_NOON + timedelta(minutes=9))
    assert (cached.status, cached.source, cached.age_s) == (Status.GREEN, StatusSource.CACHE, 540)
    assert cached.verdict is Verdict.ADMIT and cached.offline
    station.clock.advance(minutes=20)
    stale = check(station.ctx, GREEN, at=WEDNESDAY_NOON + timedelta(minutes=29))
    assert stale.source is StatusSource.CACHE and stale.age_s == 29 * 60
    assert (stale.verdict, stale.reason) == (Verdict.DENY, "stale_offline")
    assert stale.direction is Direction.DENIED


def test_nothing_answers_and_nothing_cached_is_not_found(
    central: CentralProcess, make_station
) -> None:
    station = make_station(central)
    central.kill()
    result = check(station.ctx, RED, at=WEDNESDAY_NOON)
    assert (result.status, result.source) == (Status.NOT_FOUND, StatusSource.NONE)
    assert result.verdict is Verdict.DENY


def test_a_delayed_primary_does_not_hold_the_door_past_the_budget(
    central: CentralProcess, make_central, make_station
) -> None:
    delay_s = timing.seconds(3.0)  # far beyond the budget plus slack, on any machine
    proxy = FaultProxy(central.port, delay_s=delay_s).start()
    try:
        fallback = make_central(central.folder, name="fallback")
        station = make_station(central, server_url=proxy.url, fallback_url=fallback.url)
        proxy.set_mode("delay")  # enrolled through it; from now on every answer is 3 s late
        key = LookupKey("iin", BLUE, pseudonym(station.ctx.pseudonym_key, BLUE))
        answer = station.ctx.chain.lookup(key)
        assert answer.result.source is StatusSource.FALLBACK
        assert answer.result.status is Status.BLUE
        slack_ms = timing.ms(200)  # scheduling and the fallback's own answer
        assert answer.elapsed_ms < min(800 + slack_ms, delay_s * 1000 * 0.75)
        assert answer.tried[0] == "central:timeout"
    finally:
        proxy.close()


def test_no_iin_reaches_the_local_database_file(
    central: CentralProcess, make_central, make_station
) -> None:
    fallback = make_central(central.folder, name="fallback")
    station = make_station(central, fallback_url=fallback.url)
    used = [GREEN, BLUE, YELLOW, RED, UNKNOWN]
    for iin in used:
        check(station.ctx, iin, at=WEDNESDAY_NOON)
    central.kill()
    for iin in used:  # fallback answers: sealed copies are kept for the server
        check(station.ctx, iin, at=WEDNESDAY_NOON)
    fallback.kill()
    for iin in used:  # nothing answers: cache and sealed copies
        check(station.ctx, iin, at=WEDNESDAY_NOON)
    with station.ctx.sessions() as session:
        assert session.query(StatusCache).count() == len(used)
    station.ctx.close()
    data = station.db_bytes()
    assert data  # the file is really there
    for iin in used:
        assert iin.encode() not in data
        assert iin.encode("utf-16-le") not in data
    assert ENROLL_CODE  # (the code itself is not secret after use)


def test_a_wrong_token_is_unauthorized(central: CentralProcess) -> None:
    with CentralClient(central.url, "not-a-token") as client, pytest.raises(SyncError) as caught:
        client.get_config()
    assert caught.value.code == "unauthorized"
    assert not caught.value.retryable
    assert server_rows(central, "SELECT count(*) FROM stations") == [(0,)]


def test_debug_logs_of_a_whole_door_and_sync_cycle_hold_no_iin_and_no_token(
    central: CentralProcess, make_station, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # everything: httpx's request lines, httpcore, SQLAlchemy
    station = make_station(central)
    used = [iin for iin, _, _ in COLOURS]
    for iin in used:
        check(station.ctx, iin, at=WEDNESDAY_NOON)
    central.kill()
    for iin in used:
        check(station.ctx, iin, at=WEDNESDAY_NOON)  # offline: sealed copies, cache answers
    central.start()
    assert sync_once(station.ctx).pending == 0
    token = secrets.token()
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "/api/v1/status/" in logged  # the lookups were logged ...
    for iin in used:
        assert iin not in logged  # ... with the IIN blanked
    assert token not in logged
    for path in (central.log_path, central.out_path):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert token not in text
        assert not any(iin in text for iin in used)
