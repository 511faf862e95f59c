"""Printed receipts with a gap-free number per venue, and a log of every print and reprint.

Tax Code art. 166 wants a receipt number from a gap-free sequence (DOMAIN.md §6). SQLite's
autoincrement leaves gaps on rollback, so the number comes from a counter row that is
incremented in the same transaction as the receipt insert: a rollback undoes both, and two
writers cannot both hold the write lock, so they cannot take the same number.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from app.models.base import Base, str_enum
from app.models.engine import BEGIN_OPTION


class ReceiptKind(StrEnum):
    SELL_RETURN = "sell_return"  # a refund: "возврат продажи", linked to the original sale
    EXCHANGE = "exchange"
    CONTACT_REQUEST = "contact_request"  # a slip saying the request went to the contact centre
    SHIFT_REPORT = "shift_report"  # the cash shift's closing (Z) report


class ReceiptCounter(Base):
    """The last receipt number issued for a venue."""

    __tablename__ = "receipt_counter"

    venue_code: Mapped[str] = mapped_column(ForeignKey("venue.code"), primary_key=True)
    last_number: Mapped[int]


class Receipt(Base):
    """A receipt as issued; `payload` holds every printed field so a reprint is identical."""

    __tablename__ = "receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    venue_code: Mapped[str] = mapped_column(ForeignKey("venue.code"))
    number: Mapped[int]
    kind: Mapped[ReceiptKind] = mapped_column(str_enum(ReceiptKind))
    refund_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("refund.id"), index=True)
    cash_shift_id: Mapped[int | None] = mapped_column(ForeignKey("cash_shift.id"), index=True)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)
    payload: Mapped[dict[str, Any]]

    prints: Mapped[list[ReceiptPrint]] = relationship(
        back_populates="receipt", order_by="ReceiptPrint.id"
    )

    __table_args__ = (UniqueConstraint("venue_code", "number"),)


class ReceiptPrint(Base):
    """One attempt to print a receipt; every copy after the first is marked COPY on paper."""

    __tablename__ = "receipt_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipt.id"), index=True)
    printed_at: Mapped[datetime]
    copy: Mapped[bool]
    printer: Mapped[str] = mapped_column(String(200))
    ok: Mapped[bool]
    error: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))

    receipt: Mapped[Receipt] = relationship(back_populates="prints")


def next_receipt_number(session: Session, venue_code: str) -> int:
    """Take the venue's next receipt number inside the caller's transaction.

    Insert the receipt in the same transaction and commit both, or roll both back: the number
    is then neither lost nor reused. Call it in a session from ``session_factory(engine,
    write=True)``: that transaction holds the write lock from its start, so a concurrent writer
    waits instead of failing with a stale snapshot.
    """
    if session.connection().get_execution_options().get(BEGIN_OPTION) != "IMMEDIATE":
        raise RuntimeError(
            "next_receipt_number needs a write session: session_factory(engine, write=True)"
        )
    statement = (
        sqlite_insert(ReceiptCounter)
        .values(venue_code=venue_code, last_number=1)
        .on_conflict_do_update(
            index_elements=[ReceiptCounter.venue_code],
            set_={"last_number": ReceiptCounter.last_number + 1},
        )
        .returning(ReceiptCounter.last_number)
    )
    number = session.execute(statement).scalar_one()
    return int(number)
