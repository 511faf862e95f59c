"""Rotating the station token before it expires, without ever locking the console out.

The server says when the token expires (GET /config's `token_expires_at`). Within
ROTATE_WHEN_LEFT of that moment a sync cycle asks for a new token (POST /token/rotate), puts it
in the keyring first and only then uses it. Until the new token is first used the server still
accepts the old one, so an answer lost on the way, or a keyring that refuses to write, leaves
the console with a token that works; the next cycle simply rotates again. A console rotates at
most once per MIN_INTERVAL, so a server with very short tokens does not get a rotation per cycle.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.sync import secrets
from app.sync.client import CentralClient
from app.sync.pull import TOKEN_EXPIRES_KEY, get_setting, set_setting

ROTATE_WHEN_LEFT = timedelta(days=30)
MIN_INTERVAL = timedelta(days=1)
ROTATED_KEY = "station.token_rotated_at"


def rotation_due(expires_at: datetime | None, last_rotated: datetime | None, now: datetime) -> bool:
    if expires_at is None or expires_at - now > ROTATE_WHEN_LEFT:
        return False
    return last_rotated is None or now - last_rotated >= MIN_INTERVAL


def last_rotated(sessions: sessionmaker[Session]) -> datetime | None:
    with sessions() as session:
        text = get_setting(session, ROTATED_KEY)
    return datetime.fromisoformat(text) if text else None


def rotate_if_due(
    primary: CentralClient,
    others: list[CentralClient | None],
    sessions: sessionmaker[Session],
    *,
    expires_at: datetime | None,
    now: datetime,
    profile: str = secrets.DEFAULT_PROFILE,
) -> datetime | None:
    """Rotate when due; the new expiry, or None when it was not due. Raises SyncError."""
    if not rotation_due(expires_at, last_rotated(sessions), now):
        return None
    answer = primary.rotate_token()
    secrets.store_token(answer.token, profile)  # kept before it is used: see the module's text
    for client in (primary, *others):
        if client is not None:
            client.set_token(answer.token)
    with sessions.begin() as session:
        set_setting(session, TOKEN_EXPIRES_KEY, answer.expires_at.isoformat())
        set_setting(session, ROTATED_KEY, now.isoformat())
    return answer.expires_at
