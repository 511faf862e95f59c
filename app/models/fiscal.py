"""Fiscal cheques waiting for, or answered by, the station's online cash register.

A refund that returns money must also be a "return of sale" cheque in an online cash register
(KKM) registered with a fiscal data operator (OFD). The register is a web service that may be
unreachable, so the cheque is a durable queue row written in the refund's own transaction, with
its idempotency key (`external_id`) fixed before anything is sent: a resend after a timeout or a
crash carries the same key, and the register answers with the cheque it already made instead of
making a second one. The row keeps what the register answered, so the receipt can be printed
again with its fiscal sign and OFD link.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, str_enum


class ChequeState(StrEnum):
    PENDING = "pending"  # not answered yet: send (again) when the register is reachable
    DONE = "done"  # the register answered with a fiscal sign
    REFUSED = "refused"  # the register refused it (a business error): a manager must look


class FiscalCheque(Base):
    __tablename__ = "fiscal_cheque"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipt.id"), unique=True)
    register: Mapped[str] = mapped_column(String(20))  # "webkassa"
    external_id: Mapped[str] = mapped_column(String(50), unique=True)  # the idempotency key
    operation: Mapped[str] = mapped_column(String(20))  # "sell_return"
    amount_tiyn: Mapped[int]
    request: Mapped[dict[str, Any]]  # what is sent, fixed at the refund: a resend is identical
    state: Mapped[ChequeState] = mapped_column(str_enum(ChequeState), index=True)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    error_code: Mapped[str | None] = mapped_column(String(40))
    answered_at: Mapped[datetime | None]
    answer: Mapped[dict[str, Any] | None]  # the fiscal fields as the register gave them
    printed_at: Mapped[datetime | None]  # the receipt printed again with its fiscal data
