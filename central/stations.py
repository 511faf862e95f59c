"""A station's token over its life: expiry, rotation, revocation, and the administrator's list.

Tokens expire `token_days` after they were issued (ServerSettings, `serve --token-days`); a
console rotates its token before that (POST /api/v1/token/rotate) when GET /config says the
expiry is near. Rotation never locks a console out: the token it called with stays valid until
the new one is first used (central.context.settle forgets it then), so if the answer is lost
the console simply rotates again with the old token. Rotating with that old token replaces the
unused new one and keeps the old one as the fallback.

Revocation sets `revoked_at`; every later call with either token answers 401 "revoked", and an
open check-in stream ends within `stream_recheck_s` (central.stream).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, select, update

from app.sync.protocol import StationRole, TokenRotation
from central.context import ApiError, StationAuth, new_token, token_hash
from central.db import Station, Venue, utcnow

DEFAULT_TOKEN_DAYS = 90


class StationError(ValueError):
    """An administrator's request about a station that cannot be done; the message says why."""


def rotate(conn: Connection, station: StationAuth, used_token: str, days: float) -> TokenRotation:
    """A new token for the caller; the token it called with stays valid until the new one is used."""
    token = new_token()
    expires = utcnow() + timedelta(days=days)
    used = token_hash(used_token)
    row = conn.execute(
        select(Station.token_hash, Station.previous_token_hash).where(
            Station.id == station.station_id
        )
    ).one()
    keep = used if row.token_hash == used else row.previous_token_hash
    changed = conn.execute(
        update(Station)
        .where(Station.id == station.station_id, Station.revoked_at.is_(None))
        .values(token_hash=token_hash(token), previous_token_hash=keep, expires_at=expires)
    )
    if changed.rowcount != 1:
        raise ApiError(401, "revoked", "This station was revoked while rotating its token.")
    return TokenRotation(token=token, expires_at=expires)


def revoke(conn: Connection, station_id: uuid.UUID | str) -> datetime:
    """Revoke a station at once; revoking it again keeps the first moment."""
    try:
        sid = station_id if isinstance(station_id, uuid.UUID) else uuid.UUID(str(station_id))
    except ValueError:
        raise StationError(f"{station_id!r} is not a station id (a UUID).") from None
    now = utcnow()
    conn.execute(
        update(Station)
        .where(Station.id == sid, Station.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    when = conn.execute(select(Station.revoked_at).where(Station.id == sid)).one_or_none()
    if when is None:
        raise StationError(f"No station with id {sid}.")
    return when[0] or now


@dataclass(frozen=True)
class StationRow:
    id: uuid.UUID
    name: str
    role: StationRole | str
    created_at: datetime
    last_seen_at: datetime | None
    expires_at: datetime
    revoked_at: datetime | None


def list_stations(conn: Connection, venue_code: str) -> list[StationRow]:
    venue = conn.execute(
        select(Venue.id).where(Venue.code == venue_code.strip().upper())
    ).scalar_one_or_none()
    if venue is None:
        raise StationError(f"No venue with code {venue_code!r}.")
    rows = conn.execute(
        select(
            Station.id,
            Station.name,
            Station.role,
            Station.created_at,
            Station.last_seen_at,
            Station.expires_at,
            Station.revoked_at,
        )
        .where(Station.venue_id == venue)
        .order_by(Station.created_at)
    ).all()
    return [StationRow(*row) for row in rows]


def _moment(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "-"


def format_rows(rows: list[StationRow]) -> list[str]:
    """The lines `ashyq-central list-stations` prints, one per station, tab-separated."""
    lines = ["id\tname\trole\tcreated\tlast seen\texpires\trevoked"]
    for r in rows:
        role = r.role.value if isinstance(r.role, StationRole) else str(r.role)
        lines.append(
            "\t".join(
                [
                    str(r.id),
                    r.name,
                    role,
                    _moment(r.created_at),
                    _moment(r.last_seen_at),
                    _moment(r.expires_at),
                    _moment(r.revoked_at),
                ]
            )
        )
    return lines
