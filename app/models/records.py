"""The outbox of events waiting for the server, and the local audit log.

The outbox is the only road from this console to the central server for visits, refunds and
ticket redemptions: a row is written in the same transaction as the event it carries and stays
until the server acknowledges it. A trigger refuses to delete an unacknowledged row, so no
clean-up code, however wrong, can lose evidence that was never delivered.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Index, String, Table, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, str_enum

OUTBOX_GUARD_TRIGGER = "outbox_keep_unacknowledged"
OUTBOX_GUARD_SQL = f"""
CREATE TRIGGER IF NOT EXISTS {OUTBOX_GUARD_TRIGGER}
BEFORE DELETE ON outbox
FOR EACH ROW WHEN OLD.acknowledged_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'outbox row not acknowledged yet; it cannot be deleted');
END
"""


class OutboxKind(StrEnum):
    VISIT = "visit"
    REFUND = "refund"
    REDEMPTION = "redemption"


class Outbox(Base):
    """One event to upload; `payload` is the wire body (app/sync/protocol.py), ready to send."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)  # upload order = insert order
    kind: Mapped[OutboxKind] = mapped_column(str_enum(OutboxKind))
    entity_id: Mapped[uuid.UUID]  # the event's client id, also the server's idempotency key
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None]  # back-off; None = as soon as possible
    last_error: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None]
    # Set aside: the server refused this event or failed on it alone while others went through.
    # It is kept (never deleted) and not sent again until a manager retries it.
    set_aside_at: Mapped[datetime | None]
    set_aside_code: Mapped[str | None] = mapped_column(String(64))  # the server's code
    set_aside_message: Mapped[str | None] = mapped_column(Text)  # the server's sentence

    __table_args__ = (
        UniqueConstraint("kind", "entity_id"),
        # "what is due now": pending rows by due time, then in insert order
        Index("ix_outbox_pending", "acknowledged_at", "next_attempt_at", "id"),
    )


@event.listens_for(Outbox.__table__, "after_create")
def _create_outbox_guard(target: Table, connection: Connection, **kw: Any) -> None:
    """Keep `Base.metadata.create_all` (used by some tests) as strict as the migrated schema."""
    connection.exec_driver_sql(OUTBOX_GUARD_SQL)


class AuditLog(Base):
    """Who did what at this console (logins, overrides, reprints, settings); never an IIN.

    `staff_id` has no foreign key: the audit record must outlive any change to the staff list.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
