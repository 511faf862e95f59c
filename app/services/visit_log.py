"""The visit log, read page by page: newest first, filtered in the database, no IIN anywhere.

Pages are keyset pages ("the 200 rows older than this one"), not OFFSET pages, so the millionth
row costs what the first does: each filter has an index ending in (occurred_at, id)
(app/models/visits.py). A row carries the short pseudonym only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.core.pseudonym import short_pseudonym
from app.core.statuses import Direction, InputMethod, Status, Verdict
from app.models.venue import Staff
from app.models.visits import VisitEvent

PAGE_SIZE = 200


@dataclass(frozen=True)
class LogFilter:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    direction: Direction | None = None
    status: Status | None = None
    verdict: Verdict | None = None
    method: InputMethod | None = None
    door: str | None = None
    staff_id: uuid.UUID | None = None


@dataclass(frozen=True)
class VisitRow:
    id: uuid.UUID
    occurred_at: datetime
    direction: str
    status: str | None
    verdict: str
    reason: str
    method: str
    door: str | None
    staff_name: str | None
    person_tag: str | None  # short pseudonym: tells visits of one person apart, reveals nothing
    order_number: str | None
    test_mode: bool
    offline: bool
    synced: bool


@dataclass(frozen=True)
class Cursor:
    """Where the previous page ended."""

    occurred_at: datetime
    id: uuid.UUID


def _conditions(f: LogFilter) -> list[object]:
    conds: list[object] = []
    if f.since is not None:
        conds.append(VisitEvent.occurred_at >= f.since)
    if f.until is not None:
        conds.append(VisitEvent.occurred_at < f.until)
    for column, value in (
        (VisitEvent.direction, f.direction),
        (VisitEvent.status, f.status),
        (VisitEvent.verdict, f.verdict),
        (VisitEvent.method, f.method),
        (VisitEvent.door, f.door),
        (VisitEvent.staff_id, f.staff_id),
    ):
        if value is not None:
            conds.append(column == value)
    return conds


@dataclass
class VisitLog:
    sessions: Callable[[], Session]

    def page(
        self, f: LogFilter, after: Cursor | None = None, limit: int = PAGE_SIZE
    ) -> list[VisitRow]:
        conds = _conditions(f)
        if after is not None:
            conds.append(
                or_(
                    VisitEvent.occurred_at < after.occurred_at,
                    and_(VisitEvent.occurred_at == after.occurred_at, VisitEvent.id < after.id),
                )
            )
        query = (
            select(VisitEvent, Staff.name)
            .outerjoin(Staff, Staff.id == VisitEvent.staff_id)
            .where(*conds)  # type: ignore[arg-type]
            .order_by(VisitEvent.occurred_at.desc(), VisitEvent.id.desc())
            .limit(limit)
        )
        with self.sessions() as session:
            return [_row(event, name) for event, name in session.execute(query)]

    def count(self, f: LogFilter) -> int:
        query = select(func.count()).select_from(VisitEvent).where(*_conditions(f))  # type: ignore[arg-type]
        with self.sessions() as session:
            return int(session.scalar(query) or 0)

    def doors(self) -> list[str]:
        with self.sessions() as session:
            query = select(VisitEvent.door).where(VisitEvent.door.is_not(None)).distinct()
            return sorted(d for d in session.scalars(query) if d)

    def staff(self) -> list[tuple[uuid.UUID, str]]:
        with self.sessions() as session:
            return [
                (row.id, row.name) for row in session.scalars(select(Staff).order_by(Staff.name))
            ]


def _row(event: VisitEvent, staff_name: str | None) -> VisitRow:
    return VisitRow(
        id=event.id,
        occurred_at=event.occurred_at,
        direction=str(event.direction),
        status=str(event.status) if event.status is not None else None,
        verdict=str(event.verdict),
        reason=event.reason,
        method=str(event.method),
        door=event.door,
        staff_name=staff_name,
        person_tag=short_pseudonym(event.person) if event.person else None,
        order_number=event.order_number,
        test_mode=event.test_mode,
        offline=event.offline,
        synced=event.synced_at is not None,
    )


def cursor_of(row: VisitRow) -> Cursor:
    return Cursor(row.occurred_at, row.id)
