"""A visitor's status through one interface, online or not (DESIGN habit 4).

The door asks one question, "what colour is this person?", and must get an answer within a
budget (800 ms by default) whatever the network does. Providers are tried in order: the central
API, the fallback service (a second URL speaking the same API, the seeds' Aitu alternative), then
the local cache. Every answer says where it came from and how old it is, so the door can show
"green · cache · 12 min" and the admission rules can treat an old answer as unknown.

A provider that just failed (refused, timed out, 5xx) is skipped for a short cool-down, so a dead
primary costs the door one timeout, not one per visitor. Successful online answers refresh the
cache, which is keyed by the venue pseudonym: the IIN is never stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from app.core.statuses import Status, StatusSource
from app.sync.client import CentralClient, SyncError

DEFAULT_BUDGET_S = 0.8
DEFAULT_COOLDOWN_S = 5.0
_MIN_USEFUL_S = 0.02  # below this, an HTTP round trip cannot succeed: go straight to the cache


@dataclass(frozen=True)
class LookupKey:
    """What to look up: an IIN, or a passport number for a foreign visitor with its issuing
    state (canonical ICAO code) when the document said it.

    `pseudonym` is the venue's keyed hash of the value (and state); the cache and the visit log
    use only it.
    """

    kind: Literal["iin", "passport"]
    value: str
    pseudonym: str
    state: str | None = None

    def __repr__(self) -> str:  # never print the IIN, even in a traceback
        return f"LookupKey({self.kind}, {self.pseudonym[:8]}...)"


@dataclass(frozen=True)
class StatusResult:
    status: Status
    source: StatusSource
    age_s: int | None  # seconds since an online service gave this answer; None when nothing did
    fetched_at: datetime | None  # when an online service answered
    set_at: datetime | None  # when the registry set the status
    online: bool  # True when a service answered just now


@dataclass(frozen=True)
class ChainAnswer:
    """The chain's result plus the failures on the way, for the door's small print and the log."""

    result: StatusResult
    tried: tuple[str, ...]  # e.g. ("central:timeout", "fallback:offline", "cache:hit")
    elapsed_ms: int


class StatusProvider(Protocol):
    name: str
    online: bool  # asks a service over the network: gets a share of the budget, may rest

    def lookup(self, key: LookupKey, *, budget_s: float, now: datetime) -> StatusResult | None:
        """An answer, or None when this provider has none (the chain moves on).

        Raises SyncError when the provider failed (the chain records why and moves on).
        """


@dataclass(frozen=True)
class CachedStatus:
    status: Status
    fetched_at: datetime
    set_at: datetime | None
    source: StatusSource


class StatusCacheStore(Protocol):
    """The local cache's storage (status_cache table), keyed by pseudonym only."""

    def get(self, pseudonym: str) -> CachedStatus | None: ...

    def put(self, pseudonym: str, entry: CachedStatus) -> None: ...


class OnlineProvider:
    """The central API or the fallback service: both speak the same protocol."""

    def __init__(self, client: CentralClient, source: StatusSource) -> None:
        self.client = client
        self.source = source
        self.name = str(source)
        self.online = True

    def lookup(self, key: LookupKey, *, budget_s: float, now: datetime) -> StatusResult | None:
        if key.kind == "passport":
            answer = self.client.status_by_passport(key.value, state=key.state, timeout=budget_s)
        else:
            answer = self.client.status(key.value, timeout=budget_s)
        return StatusResult(
            status=answer.status,
            source=self.source,
            age_s=0,
            fetched_at=now,
            set_at=answer.set_at,
            online=True,
        )


class CacheProvider:
    """The last online answer this console saw for the person, with its age."""

    name = str(StatusSource.CACHE)
    online = False

    def __init__(self, store: StatusCacheStore) -> None:
        self.store = store

    def lookup(self, key: LookupKey, *, budget_s: float, now: datetime) -> StatusResult | None:
        entry = self.store.get(key.pseudonym)
        if entry is None:
            return None
        age = max(0, int((now - entry.fetched_at).total_seconds()))
        return StatusResult(
            status=entry.status,
            source=StatusSource.CACHE,
            age_s=age,
            fetched_at=entry.fetched_at,
            set_at=entry.set_at,
            online=False,
        )


def _utcnow() -> datetime:
    return datetime.now(UTC)


class StatusChain:
    """Providers in order, within one time budget; online answers refresh the cache."""

    def __init__(
        self,
        providers: Sequence[StatusProvider],
        *,
        cache: StatusCacheStore | None = None,
        budget_s: float = DEFAULT_BUDGET_S,
        cooldown_s: float = DEFAULT_COOLDOWN_S,
        clock: Callable[[], datetime] = _utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.providers = list(providers)
        self.cache = cache
        self.budget_s = budget_s
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._monotonic = monotonic
        self._resting_until: dict[str, float] = {}

    @classmethod
    def standard(
        cls,
        primary: CentralClient | None,
        fallback: CentralClient | None,
        cache: StatusCacheStore | None,
        **kwargs: object,
    ) -> StatusChain:
        """Central, then fallback, then cache: the order the product promises."""
        providers: list[StatusProvider] = []
        if primary is not None:
            providers.append(OnlineProvider(primary, StatusSource.CENTRAL))
        if fallback is not None:
            providers.append(OnlineProvider(fallback, StatusSource.FALLBACK))
        if cache is not None:
            providers.append(CacheProvider(cache))
        return cls(providers, cache=cache, **kwargs)  # type: ignore[arg-type]

    def lookup(self, key: LookupKey) -> ChainAnswer:
        start = self._monotonic()
        deadline = start + self.budget_s
        now = self._clock()
        tried: list[str] = []
        online = [p for p in self.providers if p.online]
        for provider in self.providers:
            is_online = provider.online
            if is_online and self._resting(provider.name, start):
                tried.append(f"{provider.name}:resting")
                continue
            remaining = deadline - self._monotonic()
            if is_online and remaining < _MIN_USEFUL_S:
                tried.append(f"{provider.name}:no_time")
                continue
            share = remaining
            later_online = online[online.index(provider) + 1 :] if is_online else []
            if is_online and any(not self._resting(p.name, start) for p in later_online):
                share = remaining * 0.6  # leave the fallback a real chance within the budget
            try:
                result = provider.lookup(key, budget_s=share, now=now)
            except SyncError as exc:
                tried.append(f"{provider.name}:{exc.code}")
                if exc.retryable:
                    self._resting_until[provider.name] = self._monotonic() + self.cooldown_s
                continue
            if result is None:
                tried.append(f"{provider.name}:miss")
                continue
            tried.append(f"{provider.name}:hit")
            self._resting_until.pop(provider.name, None)
            if result.online and self.cache is not None:
                self._remember(key, result)
            return ChainAnswer(result, tuple(tried), self._elapsed_ms(start))
        nothing = StatusResult(Status.NOT_FOUND, StatusSource.NONE, None, None, None, False)
        return ChainAnswer(nothing, tuple(tried), self._elapsed_ms(start))

    def _resting(self, name: str, at: float) -> bool:
        return self._resting_until.get(name, 0.0) > at

    def _remember(self, key: LookupKey, result: StatusResult) -> None:
        assert self.cache is not None and result.fetched_at is not None
        entry = CachedStatus(result.status, result.fetched_at, result.set_at, result.source)
        self.cache.put(key.pseudonym, entry)

    def _elapsed_ms(self, start: float) -> int:
        return int((self._monotonic() - start) * 1000)
