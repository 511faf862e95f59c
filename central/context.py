"""What every request handler needs, built once per process at start-up, and the station check.

Nothing here is shared state between requests beyond the engine's connection pool and the
upstream HTTP client: every fact that matters lives in the database.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Annotated

import httpx
from fastapi import Depends, HTTPException, Request, Response
from sqlalchemy import Connection, Engine, String, bindparam, or_, select, update

from app.sync.protocol import (
    API_PREFIX,
    STATION_ROLE_HEADER,
    TOKEN_EXPIRES_HEADER,
    StationRole,
)
from central import roles
from central.background import Background
from central.checkin_feed import CheckinFeed
from central.db import Station, Venue, utcnow
from central.keys import ServerKeys
from central.settings import ServerSettings


@dataclass(frozen=True)
class Context:
    settings: ServerSettings
    engine: Engine
    keys: ServerKeys
    upstream: httpx.Client | None
    feed: CheckinFeed | None = None  # PostgreSQL: check-ins announced across processes
    # the lookups: PostgreSQL, a pool in autocommit (one statement, no BEGIN/COMMIT); else engine
    reads: Engine | None = None
    # the sealed-IIN check (central.seal_check), woken when a visit batch stored one
    seal_check: Background | None = None


@dataclass(frozen=True)
class StationAuth:
    """The caller, as its token says: the venue comes from here, never from the body."""

    station_id: uuid.UUID
    venue_id: int
    venue_code: str
    role: StationRole = StationRole.COMBINED
    expires_at: datetime | None = None
    # what the first use of a rotated token and an old last-seen moment still need written
    clears_previous: bool = False
    last_seen_at: datetime | None = None
    by_previous: bool = False  # the token used is the one before a rotation


class StationCache:
    """A status lookup's memory of recent token checks: digest -> station, for `ttl_s` seconds.

    The door's hot path asks the database about its token once per `ttl_s` (ServerSettings
    token_cache_s, 2 s) instead of once per scan; expiry and the route's role are checked on every
    use. A revocation therefore reaches a lookup within `ttl_s`, as it reaches an open stream
    (stream_recheck_s). Only checks of a station's current token are kept: the token before a
    rotation is always asked about, so it stops the moment the new one is first used.
    """

    MAX = 50_000

    def __init__(self) -> None:
        self._entries: dict[str, tuple[StationAuth, float]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str, ttl_s: float, endpoint: str) -> StationAuth | None:
        entry = self._entries.get(digest)
        if entry is None or time.monotonic() - entry[1] >= ttl_s:
            return None
        station = entry[0]
        _still_valid(station, endpoint)
        return station

    def forget(self, digest: str) -> None:
        with self._lock:
            self._entries.pop(digest, None)

    def put(self, digest: str, station: StationAuth) -> None:
        if station.by_previous:
            return
        # what settle() has just written, so a cached copy does not write it again
        kept = replace(station, clears_previous=False, last_seen_at=utcnow())
        with self._lock:
            if len(self._entries) >= self.MAX:
                self._entries.clear()
            self._entries[digest] = (kept, time.monotonic())


class ApiError(HTTPException):
    """An error answered as protocol.ErrorBody: a stable code and an English sentence."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail={"code": code, "message": message})
        if headers:
            self.headers = headers


def new_token() -> str:
    """A station token: 256 random bits, so a plain sha256 of it is a safe thing to store."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def get_context(request: Request) -> Context:
    ctx: Context = request.app.state.context
    return ctx


def bearer(request: Request) -> str:
    """The token of `Authorization: Bearer <token>`, or 401."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401, "unauthorized", "A station token is required: enroll first.", _CHALLENGE
        )
    return token.strip()


_DIGEST = bindparam("digest", type_=String)
_STATION = (
    select(
        Station.id,
        Station.venue_id,
        Venue.code,
        Station.role,
        Station.expires_at,
        Station.revoked_at,
        Station.last_seen_at,
        Station.token_hash,
        Station.previous_token_hash,
    )
    .join(Venue, Venue.id == Station.venue_id)
    .where(or_(Station.token_hash == _DIGEST, Station.previous_token_hash == _DIGEST))
)


def station_for(conn: Connection, token: str, endpoint: str | None = None) -> StationAuth:
    """The station holding `token`, if it is still valid and its role may call `endpoint`.

    401 "unauthorized" (unknown token), "revoked" or "token_expired"; 403 "forbidden_role".
    The token before a rotation still works until the new one is first used.
    """
    digest = token_hash(token)
    row = conn.execute(_STATION, {"digest": digest}).one_or_none()
    if row is None:
        raise ApiError(401, "unauthorized", "This station token is unknown.", _CHALLENGE)
    if row.revoked_at is not None:
        raise ApiError(
            401,
            "revoked",
            "This station was revoked. Enroll it again with a new enrollment code.",
            _CHALLENGE,
        )
    station = StationAuth(
        station_id=row.id,
        venue_id=row.venue_id,
        venue_code=row.code,
        role=_role(row.role),
        expires_at=row.expires_at,
        clears_previous=row.previous_token_hash is not None and row.token_hash == digest,
        last_seen_at=row.last_seen_at,
        by_previous=row.token_hash != digest,
    )
    _still_valid(station, endpoint)
    return station


def _still_valid(station: StationAuth, endpoint: str | None) -> None:
    """401 "token_expired" past the token's end; 403 when its role may not call `endpoint`."""
    if station.expires_at is not None and station.expires_at <= utcnow():
        raise ApiError(
            401,
            "token_expired",
            "This station's token has expired. Enroll it again with a new enrollment code.",
            _CHALLENGE,
        )
    if endpoint is not None and not roles.allows(station.role, endpoint):
        raise ApiError(403, "forbidden_role", roles.refusal(station.role, endpoint))


def _role(text: str) -> StationRole:
    try:
        return StationRole(text)
    except ValueError:  # a role this version does not know: the narrowest reading
        return StationRole.DOOR


SEEN_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often per station


def settle(engine: Engine, station: StationAuth) -> None:
    """Write what a call taught: the new token is in use (forget the old), the station was seen.

    Most calls write nothing: a station is marked seen at most every SEEN_EVERY.
    """
    now = utcnow()
    stale = station.last_seen_at is None or now - station.last_seen_at >= SEEN_EVERY
    if not (station.clears_previous or stale):
        return
    values: dict[str, object] = {"last_seen_at": now}
    if station.clears_previous:
        values["previous_token_hash"] = None
    with engine.begin() as conn:
        conn.execute(update(Station).where(Station.id == station.station_id).values(**values))


_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def route_key(request: Request) -> str:
    """The route's key in central.roles.ENDPOINT_ROLES ("POST /refunds")."""
    route = request.scope.get("route")
    path = getattr(route, "path", request.url.path)
    return roles.endpoint_key(request.method, path, API_PREFIX)


def current_station(
    request: Request, response: Response, ctx: Annotated[Context, Depends(get_context)]
) -> StationAuth:
    """Every station endpoint's check: a valid token whose role may call this route.

    The answer tells the console its role and its token's expiry in headers (protocol).
    """
    token = bearer(request)
    with ctx.engine.connect() as conn:
        station = station_for(conn, token, route_key(request))
    settle(ctx.engine, station)
    response.headers[STATION_ROLE_HEADER] = station.role.value
    if station.expires_at is not None:
        response.headers[TOKEN_EXPIRES_HEADER] = station.expires_at.isoformat()
    return station


CtxDep = Annotated[Context, Depends(get_context)]
StationDep = Annotated[StationAuth, Depends(current_station)]
