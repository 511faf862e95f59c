"""Refunds, exchanges and contact-centre requests made at the box office, and cash shifts.

Money is integer tiyn (1 ₸ = 100 tiyn) and each line keeps price, fee and refund as computed at
the desk, so a receipt or a report never recomputes a past decision with today's rules.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, str_enum
from app.sync.protocol import RefundKind


class Refund(Base):
    """One desk action on an order; its id is the idempotency key for the upload."""

    __tablename__ = "refund"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    kind: Mapped[RefundKind] = mapped_column(str_enum(RefundKind))
    order_number: Mapped[str] = mapped_column(ForeignKey("ticket_order.number"), index=True)
    new_session_id: Mapped[str | None] = mapped_column(String(64))  # an exchange's target
    rule: Mapped[str] = mapped_column(String(200))  # the rule applied, as shown to the cashier
    reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    override: Mapped[bool] = mapped_column(default=False, server_default=false())
    supervisor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    ashyq_denial_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visit_event.id"))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    test_mode: Mapped[bool] = mapped_column(default=False, server_default=false())
    synced_at: Mapped[datetime | None]
    # A scan or photo of a refusal from elsewhere, relative to the data folder; usually the
    # console's own denial (ashyq_denial_id) is the proof and this stays empty.
    proof_path: Mapped[str | None] = mapped_column(String(500))

    lines: Mapped[list[RefundLine]] = relationship(
        back_populates="refund", cascade="all, delete-orphan", order_by="RefundLine.id"
    )


class RefundLine(Base):
    """One ticket of a refund: what it cost, what was withheld, what goes back."""

    __tablename__ = "refund_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("refund.id"), index=True)
    ticket_code: Mapped[str] = mapped_column(ForeignKey("ticket.code"), index=True)
    price_tiyn: Mapped[int]
    fee_tiyn: Mapped[int]
    refund_tiyn: Mapped[int]

    refund: Mapped[Refund] = relationship(back_populates="lines")

    __table_args__ = (
        UniqueConstraint("refund_id", "ticket_code"),
        CheckConstraint(
            "price_tiyn >= 0 AND fee_tiyn >= 0 AND refund_tiyn >= 0", name="amounts_not_negative"
        ),
        CheckConstraint("fee_tiyn + refund_tiyn <= price_tiyn", name="within_price"),
    )


class CashShift(Base):
    """A cashier's shift at the desk; totals are filled when it is closed (the Z report)."""

    __tablename__ = "cash_shift"

    id: Mapped[int] = mapped_column(primary_key=True)
    venue_code: Mapped[str] = mapped_column(ForeignKey("venue.code"), index=True)
    station_id: Mapped[uuid.UUID | None]
    opened_at: Mapped[datetime] = mapped_column(index=True)
    opened_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    refund_count: Mapped[int] = mapped_column(default=0, server_default="0")
    refunded_tiyn: Mapped[int] = mapped_column(default=0, server_default="0")
    fees_tiyn: Mapped[int] = mapped_column(default=0, server_default="0")
    receipt_count: Mapped[int] = mapped_column(default=0, server_default="0")
