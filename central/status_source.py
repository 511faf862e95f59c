"""Where the server's status answers come from: its own registry table, or an upstream service.

The registry holds imported feeds and demo data, keyed by a keyed hash of the number (see
`central.keys`). An upstream is another service speaking this same `/api/v1/status` API (the
state's service, or another ashyq-central); its answers are cached in the database for a short
while, shared by every process, so a burst of lookups for one person asks upstream once.

A passport is keyed by issuing state and number (``passport:KAZ:A2222222``), so two states'
documents with one number are two entries. A lookup or an import without a state keeps the key of
old (``passport:A2222222``): it matches only entries imported without a state, never a stated
one, and a stated lookup never falls back to a stateless entry (it might be another state's).
"""

from __future__ import annotations

import functools
import logging
import time
from datetime import datetime, timedelta
from typing import Any

import httpx
from pydantic import ValidationError
from sqlalchemy import Connection, String, bindparam, select

from app.core.statuses import Status
from app.sync.protocol import API_PREFIX, StatusAnswer
from central import ratelimit
from central.context import ApiError, Context
from central.db import RegistryEntry, StatusCache, upsert, utcnow

log = logging.getLogger(__name__)

IIN = "iin"
PASSPORT = "passport"


def registry_number(number: str, state: str | None) -> str:
    """What a passport is keyed by: ``KAZ:A2222222``, or the bare number without a state."""
    return f"{state}:{number}" if state else number


def lookup(
    ctx: Context, conn: Connection, kind: str, number: str, state: str | None = None
) -> StatusAnswer:
    """The status of a validated IIN or normalised passport number (with its canonical issuing
    state, when known), never logging either."""
    key = ctx.keys.registry_hash(kind, registry_number(number, state))
    if ctx.upstream is None:
        return _from_registry(conn, key)
    return _from_upstream(ctx, conn, kind, number, state, key)


_REGISTRY = select(RegistryEntry.status, RegistryEntry.set_at).where(
    RegistryEntry.key_hash == bindparam("registry_key", type_=String)
)


def _from_registry(conn: Connection, key: str) -> StatusAnswer:
    row = conn.execute(_REGISTRY, {"registry_key": key}).one_or_none()
    return _registry_answer(None if row is None else row[0], None if row is None else row[1])


def _registry_answer(status: str | None, set_at: datetime | None) -> StatusAnswer:
    if status is None:
        return StatusAnswer(
            status=Status.NOT_FOUND, set_at=None, source="registry", checked_at=utcnow()
        )
    return StatusAnswer(
        status=Status(status), set_at=set_at, source="registry", checked_at=utcnow()
    )


@functools.cache
def _limited_registry() -> Any:
    hit = ratelimit.upsert("postgresql").cte("hit")
    registry = RegistryEntry.__table__
    return select(hit.c.tat, hit.c.allowed, registry.c.status, registry.c.set_at).select_from(
        hit.outerjoin(registry, registry.c.key_hash == bindparam("registry_key", type_=String))
    )


def limited_lookup(
    ctx: Context,
    conn: Connection,
    limit_key: str,
    rate: float,
    burst: int,
    kind: str,
    number: str,
    state: str | None = None,
) -> tuple[ratelimit.Decision, StatusAnswer | None]:
    """PostgreSQL, registry: count the request and read the registry in one statement (one round
    trip: the rate-limit upsert in a WITH, the registry row joined to what it returns)."""
    now = time.time()
    row = conn.execute(
        _limited_registry(),
        {
            **ratelimit.params(limit_key, rate, burst, now),
            "registry_key": ctx.keys.registry_hash(kind, registry_number(number, state)),
        },
    ).one()
    decided = ratelimit.decision(row.allowed, row.tat, rate, burst, now)
    if not decided.allowed:
        return decided, None
    return decided, _registry_answer(row.status, row.set_at)


def _from_upstream(
    ctx: Context, conn: Connection, kind: str, number: str, state: str | None, key: str
) -> StatusAnswer:
    now = utcnow()
    fresh_after = now - timedelta(seconds=ctx.settings.upstream_cache_s)
    cached = conn.execute(
        select(StatusCache.status, StatusCache.set_at, StatusCache.fetched_at).where(
            StatusCache.key_hash == key
        )
    ).one_or_none()
    if cached is not None and cached[2] >= fresh_after:
        return StatusAnswer(
            status=Status(cached[0]), set_at=cached[1], source="upstream", checked_at=now
        )
    answer = _ask_upstream(ctx, kind, number, state)
    values = {"status": answer.status.value, "set_at": answer.set_at, "fetched_at": now}
    upsert(conn, StatusCache.__table__, {"key_hash": key, **values}, ["key_hash"])
    return StatusAnswer(
        status=answer.status, set_at=answer.set_at, source="upstream", checked_at=now
    )


def _ask_upstream(ctx: Context, kind: str, number: str, state: str | None) -> StatusAnswer:
    assert ctx.upstream is not None
    path = (
        f"{API_PREFIX}/status/{number}" if kind == IIN else f"{API_PREFIX}/status/passport/{number}"
    )
    params = {"state": state} if state else None
    try:
        response = ctx.upstream.get(path, params=params)
    except httpx.HTTPError as exc:
        log.warning("upstream status service unreachable: %s", type(exc).__name__)
        raise ApiError(503, "upstream_unavailable", "The status service does not answer.") from None
    if response.status_code != 200:
        log.warning("upstream status service answered HTTP %s", response.status_code)
        raise ApiError(503, "upstream_unavailable", "The status service answered with an error.")
    try:
        return StatusAnswer.model_validate_json(response.content)
    except ValidationError:
        raise ApiError(
            502, "upstream_bad_answer", "The status service's answer is malformed."
        ) from None
