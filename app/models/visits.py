"""The visit log (the venue's evidence that it checked) and the status cache.

Privacy (DOMAIN.md §4): a visitor is known here only by `person`, the venue-keyed pseudonym.
The IIN itself appears only as `sealed_iin`, encrypted to the central server's public key, for
visits the server has not acknowledged yet; the sync clears it on acknowledgement. No column
holds an IIN in clear, and a test walks the metadata to keep it so.

The log must page smoothly over a million rows: every filter the log screen offers has an index
led by the filter column and ending in (occurred_at, id), so "newest first, page after this
row" is an index range scan read backwards, never a sort of the table.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CHAR, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.core.statuses import Direction, InputMethod, Status, StatusSource, Verdict
from app.models.base import Base, str_enum


class VisitEvent(Base):
    """One scan at the door: an entry, an exit or a denial, written before it is shown.

    No foreign keys on purpose: a scan is recorded whatever it names (an unknown ticket, a
    session not pulled yet, a staff member since removed); losing a visit to a constraint would
    lose evidence.
    """

    __tablename__ = "visit_event"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # made at the scan; idempotency key
    occurred_at: Mapped[datetime]
    direction: Mapped[Direction] = mapped_column(str_enum(Direction))
    method: Mapped[InputMethod] = mapped_column(str_enum(InputMethod))
    status: Mapped[Status | None] = mapped_column(str_enum(Status))
    status_source: Mapped[StatusSource | None] = mapped_column(str_enum(StatusSource))
    status_age_s: Mapped[int | None]
    verdict: Mapped[Verdict] = mapped_column(str_enum(Verdict))
    reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    person: Mapped[str | None] = mapped_column(CHAR(64))  # pseudonym hex, never the IIN
    sealed_iin: Mapped[str | None] = mapped_column(Text)  # sealed box; cleared once delivered
    order_number: Mapped[str | None] = mapped_column(String(32))
    ticket_code: Mapped[str | None] = mapped_column(String(32))
    session_id: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[uuid.UUID | None]
    override_by: Mapped[uuid.UUID | None]  # the supervisor who admitted against the verdict
    station_id: Mapped[uuid.UUID | None]
    door: Mapped[str | None] = mapped_column(String(40))
    test_mode: Mapped[bool] = mapped_column(default=False, server_default=false())
    offline: Mapped[bool] = mapped_column(default=False, server_default=false())
    synced_at: Mapped[datetime | None]  # when the server acknowledged it

    __table_args__ = (
        Index("ix_visit_event_occurred_at", "occurred_at", "id"),
        Index("ix_visit_event_direction", "direction", "occurred_at", "id"),
        Index("ix_visit_event_status", "status", "occurred_at", "id"),
        Index("ix_visit_event_verdict", "verdict", "occurred_at", "id"),
        Index("ix_visit_event_method", "method", "occurred_at", "id"),
        Index("ix_visit_event_door", "door", "occurred_at", "id"),
        Index("ix_visit_event_staff_id", "staff_id", "occurred_at", "id"),
        # one person's few visits (occupancy, repeat scans): a plain index, sorted in memory
        Index("ix_visit_event_person", "person"),
        # "which member of this order was denied for this session" (the refund desk's proof)
        Index("ix_visit_event_order_number", "order_number", "session_id"),
    )


class StatusCache(Base):
    """The last status seen for a person, for offline lookups; keyed by pseudonym, not IIN."""

    __tablename__ = "status_cache"

    person: Mapped[str] = mapped_column(CHAR(64), primary_key=True)
    status: Mapped[Status] = mapped_column(str_enum(Status))
    source: Mapped[StatusSource] = mapped_column(str_enum(StatusSource))
    set_at: Mapped[datetime | None]  # when the registry set the status, if it said
    fetched_at: Mapped[datetime] = mapped_column(index=True)  # decides staleness; pruned by age
