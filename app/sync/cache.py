"""The status cache in the local database: the chain's last resort when no service answers.

Keyed by the venue pseudonym, never the IIN (DOMAIN.md §4). An entry holds the status, when an
online service gave it (the chain reports its age; the admission rules treat an old one as not
found) and where it came from.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from app.models.visits import StatusCache
from app.sync.status_chain import CachedStatus


class SqlStatusCache:
    """StatusCacheStore over the status_cache table."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def get(self, pseudonym: str) -> CachedStatus | None:
        with self.sessions() as session:
            row = session.get(StatusCache, pseudonym)
            if row is None:
                return None
            return CachedStatus(row.status, row.fetched_at, row.set_at, row.source)

    def put(self, pseudonym: str, entry: CachedStatus) -> None:
        with self.sessions.begin() as session:
            row = session.get(StatusCache, pseudonym)
            if row is None:
                row = StatusCache(person=pseudonym)
                session.add(row)
            row.status = entry.status
            row.fetched_at = entry.fetched_at
            row.set_at = entry.set_at
            row.source = entry.source

    def prune(self, older_than: datetime) -> int:
        """Forget entries too old to matter: a cache is not a register of who came."""
        with self.sessions.begin() as session:
            result = session.execute(delete(StatusCache).where(StatusCache.fetched_at < older_than))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
