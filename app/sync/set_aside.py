"""Events the outbox set aside, for a manager: what they are, why, and sending them again.

An event is set aside when the server refused it (its code and sentence are kept) or failed on
it alone while answering everything else (app/sync/outbox.py). Nothing sends it again by
itself: a manager reads the reason (`ashyq outbox list`, the console's set-aside dialog) and
retries once the cause is gone, e.g. after the server was fixed. Retrying puts the event back in
the queue in its original place; the next push delivers it or sets it aside again.

What is shown never holds an IIN: the kind, the event's id, moments, attempts and the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.records import Outbox as OutboxRow


@dataclass(frozen=True)
class SetAsideEvent:
    kind: str  # "visit", "refund", "redemption"
    id: uuid.UUID
    created_at: datetime  # when the event was recorded here
    set_aside_at: datetime
    attempts: int
    code: str  # the server's code ("invalid", "already_refunded", ...) or "server_error"
    message: str  # the server's sentence (English), shown when the code has no words here

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": str(self.id),
            "created_at": self.created_at.isoformat(),
            "set_aside_at": self.set_aside_at.isoformat(),
            "attempts": self.attempts,
            "code": self.code,
            "message": self.message,
        }


def list_set_aside(sessions: sessionmaker[Session], limit: int = 1000) -> list[SetAsideEvent]:
    """Oldest first."""
    query = (
        select(OutboxRow)
        .where(OutboxRow.acknowledged_at.is_(None), OutboxRow.set_aside_at.is_not(None))
        .order_by(OutboxRow.id)
        .limit(limit)
    )
    with sessions() as session:
        return [
            SetAsideEvent(
                kind=str(row.kind),
                id=row.entity_id,
                created_at=row.created_at,
                set_aside_at=row.set_aside_at or row.created_at,
                attempts=row.attempts,
                code=row.set_aside_code or "rejected",
                message=row.set_aside_message or "",
            )
            for row in session.scalars(query)
        ]


def retry_set_aside(sessions: sessionmaker[Session], ids: Iterable[uuid.UUID] | None = None) -> int:
    """Put set-aside events (all of them when `ids` is None) back in the queue; how many."""
    statement = (
        update(OutboxRow)
        .where(OutboxRow.acknowledged_at.is_(None), OutboxRow.set_aside_at.is_not(None))
        .values(
            set_aside_at=None, set_aside_code=None, set_aside_message=None, next_attempt_at=None
        )
    )
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return 0
        statement = statement.where(OutboxRow.entity_id.in_(wanted))
    with sessions.begin() as session:
        return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]
