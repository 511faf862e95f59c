"""What every request handler needs, built once per process at start-up, and the station check.

Nothing here is shared state between requests beyond the engine's connection pool and the
upstream HTTP client: every fact that matters lives in the database.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Annotated

import httpx
from fastapi import Depends, HTTPException, Request
from sqlalchemy import Connection, Engine, select

from central.db import Station, Venue
from central.keys import ServerKeys
from central.settings import ServerSettings


@dataclass(frozen=True)
class Context:
    settings: ServerSettings
    engine: Engine
    keys: ServerKeys
    upstream: httpx.Client | None


@dataclass(frozen=True)
class StationAuth:
    """The caller, as its token says: the venue comes from here, never from the body."""

    station_id: uuid.UUID
    venue_id: int
    venue_code: str


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


def station_for(conn: Connection, token: str) -> StationAuth:
    row = conn.execute(
        select(Station.id, Station.venue_id, Venue.code)
        .join(Venue, Venue.id == Station.venue_id)
        .where(Station.token_hash == token_hash(token), Station.revoked_at.is_(None))
    ).one_or_none()
    if row is None:
        raise ApiError(401, "unauthorized", "This station token is unknown or revoked.", _CHALLENGE)
    return StationAuth(station_id=row[0], venue_id=row[1], venue_code=row[2])


_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def current_station(request: Request, ctx: Annotated[Context, Depends(get_context)]) -> StationAuth:
    token = bearer(request)
    with ctx.engine.connect() as conn:
        return station_for(conn, token)


CtxDep = Annotated[Context, Depends(get_context)]
StationDep = Annotated[StationAuth, Depends(current_station)]
