"""The sync's parts that need no server: backoff, sealing, the keyring, SSE parsing, the chain."""

from __future__ import annotations

import base64
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import keyring
import keyring.backend
import keyring.errors
import pytest
from nacl.public import PrivateKey, SealedBox

from app.core.statuses import Status, StatusSource
from app.sync import secrets
from app.sync.backoff import Backoff
from app.sync.client import SyncError, _parse_sse
from app.sync.sealing import SealingError, seal_iin
from app.sync.status_chain import (
    CachedStatus,
    CacheProvider,
    LookupKey,
    StatusChain,
    StatusResult,
)
from tests.e2e.conftest import MemoryKeyring

IIN = "791028302728"
T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# --- backoff --------------------------------------------------------------------------------


def test_backoff_grows_exponentially_and_stays_under_the_cap() -> None:
    backoff = Backoff(base_s=1.0, cap_s=60.0, rng=random.Random(7))
    ceilings = [1, 2, 4, 8, 16, 32, 60, 60, 60]
    for failures, ceiling in enumerate(ceilings, start=1):
        delays = [backoff.delay(failures).total_seconds() for _ in range(200)]
        assert max(delays) <= ceiling
        assert max(delays) > ceiling * 0.8  # the jitter really spans the window


def test_backoff_jitter_spreads_consoles_apart() -> None:
    backoffs = [Backoff(rng=random.Random(seed)) for seed in range(20)]
    waits = {b.delay(6).total_seconds() for b in backoffs}
    assert len(waits) == 20


def test_no_failure_means_no_wait() -> None:
    assert Backoff().next_attempt(T0, 0) == T0


# --- sealing --------------------------------------------------------------------------------


def test_sealed_iin_opens_only_with_the_servers_private_key() -> None:
    server = PrivateKey.generate()
    public = base64.b64encode(bytes(server.public_key)).decode()
    sealed = seal_iin(IIN, public)
    assert IIN not in sealed
    assert SealedBox(server).decrypt(base64.b64decode(sealed)) == IIN.encode()
    with pytest.raises(Exception):  # noqa: B017 - any other key fails
        SealedBox(PrivateKey.generate()).decrypt(base64.b64decode(sealed))


def test_two_seals_of_one_iin_cannot_be_matched() -> None:
    public = base64.b64encode(bytes(PrivateKey.generate().public_key)).decode()
    assert seal_iin(IIN, public) != seal_iin(IIN, public)


def test_a_malformed_server_key_is_a_plain_error() -> None:
    with pytest.raises(SealingError, match="public key"):
        seal_iin(IIN, "not base64!")


# --- keyring --------------------------------------------------------------------------------


def test_secrets_round_trip_per_profile(memory_keyring: MemoryKeyring) -> None:
    secrets.store("tok-door1", b"k" * 32, profile="door1")
    secrets.store("tok-door2", b"j" * 32, profile="door2")
    assert secrets.load("door1").token == "tok-door1"
    assert secrets.load("door2").pseudonym_key == b"j" * 32
    assert "tok-door1" not in repr(secrets.load("door1"))
    assert {service for service, _ in memory_keyring.entries} == {secrets.SERVICE}


def test_not_enrolled_says_how_to_enroll(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(secrets.NotEnrolled, match="ashyq enroll"):
        secrets.load("nobody")


def test_forget_removes_the_credentials(memory_keyring: MemoryKeyring) -> None:
    secrets.store("tok", b"k" * 32)
    secrets.forget()
    secrets.forget()  # twice is harmless
    assert memory_keyring.entries == {}


def test_no_backend_is_reported_with_the_fix() -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(secrets.KeyringUnavailable) as caught:
            secrets.load()
        assert "Credential Manager" in caught.value.message
        assert "Secret Service" in caught.value.message
        assert caught.value.code == "keyring_unavailable"
    finally:
        keyring.set_keyring(previous)


def test_a_locked_keyring_is_unavailable_not_a_crash() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        with pytest.raises(secrets.KeyringUnavailable, match="locked"):
            secrets.load()
    finally:
        keyring.set_keyring(previous)


def test_the_demo_backend_is_never_chosen_unless_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    DemoFileKeyring = secrets.DemoFileKeyring
    viable = list(keyring.backend.KeyringBackend.get_viable_backends())
    if not DemoFileKeyring._enabled:
        assert DemoFileKeyring not in viable
    previous = keyring.get_keyring()
    try:
        backend = secrets.use_demo_keyring(tmp_path / "DEMO-keyring.json")
        assert "DEMO" in backend.name
        secrets.store("tok", b"k" * 32, profile="demo")
        text = (tmp_path / "DEMO-keyring.json").read_text(encoding="utf-8")
        assert "DEMO ONLY" in text
        assert (tmp_path / "DEMO-keyring.json").stat().st_mode & 0o077 == 0
        assert secrets.load("demo").token == "tok"
    finally:
        DemoFileKeyring._enabled = False
        keyring.set_keyring(previous)


# --- server-sent events ---------------------------------------------------------------------


def test_sse_parser_reads_checkins_and_skips_keepalives_and_unknown_events() -> None:
    person = "ab" * 32
    body = (
        ": keep-alive\n\n"
        f'id: 1\nevent: checkin\ndata: {{"id": "6f1c1b38-6b47-4b5e-9a52-4a1b2f6c2b10", '
        f'"at": "2026-11-21T12:00:00+05:00", "status": "green", "person": "{person}"}}\n\n'
        'event: hello\ndata: {"x": 1}\n\n'
        'data: {"unknown": true}\n\n'
    )
    events = list(_parse_sse(iter(body.split("\n"))))
    assert [(e.status, e.person) for e in events] == [(Status.GREEN, person)]


# --- the chain, with stand-in providers -------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


class StandIn:
    def __init__(
        self,
        name: str,
        clock: Clock,
        *,
        cost_s: float = 0.01,
        error: str | None = None,
        status: Status = Status.GREEN,
    ) -> None:
        self.name = name
        self.clock = clock
        self.cost_s = cost_s
        self.error = error
        self.status = status
        self.budgets: list[float] = []
        self.online = True

    def lookup(self, key: LookupKey, *, budget_s: float, now: datetime) -> StatusResult | None:
        self.budgets.append(budget_s)
        self.clock.t += min(self.cost_s, budget_s)
        if self.error:
            raise SyncError(self.error, "stand-in failure")
        source = StatusSource.CENTRAL if self.name == "central" else StatusSource.FALLBACK
        return StatusResult(self.status, source, 0, now, None, True)


class MemoryCache:
    def __init__(self) -> None:
        self.rows: dict[str, CachedStatus] = {}

    def get(self, pseudonym: str) -> CachedStatus | None:
        return self.rows.get(pseudonym)

    def put(self, pseudonym: str, entry: CachedStatus) -> None:
        self.rows[pseudonym] = entry


KEY = LookupKey("iin", IIN, "c" * 64)


def _chain(providers: list, cache: MemoryCache, clock: Clock, now: datetime = T0) -> StatusChain:  # type: ignore[type-arg]
    return StatusChain(
        providers + [CacheProvider(cache)],
        cache=cache,
        budget_s=0.8,
        clock=lambda: now,
        monotonic=clock,
    )


def test_an_online_answer_refreshes_the_cache_by_pseudonym_only() -> None:
    clock, cache = Clock(), MemoryCache()
    answer = _chain([StandIn("central", clock)], cache, clock).lookup(KEY)
    assert answer.result.source is StatusSource.CENTRAL
    assert list(cache.rows) == [KEY.pseudonym]
    assert IIN not in repr(cache.rows) and IIN not in repr(KEY)


def test_primary_timing_out_leaves_the_fallback_time_within_the_budget() -> None:
    clock, cache = Clock(), MemoryCache()
    primary = StandIn("central", clock, cost_s=5.0, error="timeout")
    fallback = StandIn("fallback", clock, status=Status.BLUE)
    answer = _chain([primary, fallback], cache, clock).lookup(KEY)
    assert answer.result.source is StatusSource.FALLBACK
    assert answer.result.status is Status.BLUE
    assert primary.budgets[0] < 0.8
    assert answer.elapsed_ms <= 800
    assert answer.tried == ("central:timeout", "fallback:hit")


def test_both_down_the_cache_answers_with_its_age() -> None:
    clock, cache = Clock(), MemoryCache()
    cache.put(
        KEY.pseudonym,
        CachedStatus(Status.YELLOW, T0 - timedelta(minutes=7), None, StatusSource.CENTRAL),
    )
    down = [StandIn("central", clock, error="offline"), StandIn("fallback", clock, error="offline")]
    answer = _chain(down, cache, clock).lookup(KEY)
    assert answer.result.source is StatusSource.CACHE
    assert answer.result.status is Status.YELLOW
    assert answer.result.age_s == 7 * 60
    assert not answer.result.online


def test_nothing_anywhere_is_not_found_from_nowhere() -> None:
    clock, cache = Clock(), MemoryCache()
    answer = _chain([StandIn("central", clock, error="offline")], cache, clock).lookup(KEY)
    assert answer.result.status is Status.NOT_FOUND
    assert answer.result.source is StatusSource.NONE
    assert answer.result.age_s is None


def test_a_failed_provider_rests_so_the_next_visitor_does_not_wait_for_it() -> None:
    clock, cache = Clock(), MemoryCache()
    primary = StandIn("central", clock, cost_s=0.4, error="timeout")
    fallback = StandIn("fallback", clock)
    chain = _chain([primary, fallback], cache, clock)
    chain.lookup(KEY)
    second = chain.lookup(KEY)
    assert len(primary.budgets) == 1
    assert second.tried[0] == "central:resting"
    clock.t += 60  # after the cool-down the primary is asked again
    chain.lookup(KEY)
    assert len(primary.budgets) == 2


def test_an_unauthorized_answer_does_not_rest_but_moves_on() -> None:
    clock, cache = Clock(), MemoryCache()
    primary = StandIn("central", clock, error="unauthorized")
    answer = _chain([primary, StandIn("fallback", clock)], cache, clock).lookup(KEY)
    assert answer.result.source is StatusSource.FALLBACK
    assert answer.tried[0] == "central:unauthorized"
