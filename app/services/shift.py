"""The cashier's shift at the desk: opened, worked, closed with a summary that must add up.

Refunds are tied to a shift through their receipt (`receipt.cash_shift_id`, set in the same
transaction that records the refund), not by comparing times: a refund committed one millisecond
before the close, or on a desk whose clock jumped, still lands in exactly one shift. The closing
summary is therefore the sum of the refund lines behind that shift's receipts, and the totals
stored on the shift row are copied from it, so the Z report and the refunds cannot disagree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models.receipts import Receipt, ReceiptPrint
from app.models.records import AuditLog
from app.models.refunds import CashShift, Refund, RefundLine
from app.models.venue import Staff
from app.sync.protocol import RefundKind


def utcnow() -> datetime:
    return datetime.now(UTC)


class DeskError(Exception):
    """A desk action refused for a reason the cashier can act on; `code` is stable for the GUI."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    opened_at: datetime
    opened_by: uuid.UUID
    opened_by_name: str
    closed_at: datetime | None = None


@dataclass(frozen=True)
class ShiftSummary:
    """The closing (Z) summary; `price_tiyn == fees_tiyn + returned_tiyn` for the refunds."""

    shift: ShiftInfo
    refunds: int = 0  # refund actions (one per confirmation, any number of tickets)
    refunded_tickets: int = 0
    price_tiyn: int = 0  # face value of the refunded tickets
    fees_tiyn: int = 0  # withheld on refunds
    returned_tiyn: int = 0  # sent back to cards
    exchanges: int = 0
    exchanged_tickets: int = 0
    exchange_fees_tiyn: int = 0
    contact_requests: int = 0
    receipts: int = 0
    unprinted_receipts: int = 0

    @property
    def all_fees_tiyn(self) -> int:
        return self.fees_tiyn + self.exchange_fees_tiyn


def open_shift_id(session: Session, venue_code: str, station_id: uuid.UUID | None) -> int | None:
    """The shift open at this desk, inside the caller's transaction."""
    query = select(CashShift.id).where(
        CashShift.venue_code == venue_code, CashShift.closed_at.is_(None)
    )
    if station_id is None:
        query = query.where(CashShift.station_id.is_(None))
    else:
        query = query.where(CashShift.station_id == station_id)
    return session.scalars(query.order_by(CashShift.id.desc())).first()


@dataclass
class ShiftService:
    sessions: sessionmaker[Session]  # write sessions
    venue_code: str
    station_id: uuid.UUID | None = None
    clock: Callable[[], datetime] = utcnow

    def current(self) -> ShiftInfo | None:
        with self.sessions() as session:
            shift_id = open_shift_id(session, self.venue_code, self.station_id)
            return None if shift_id is None else _info(session, shift_id)

    def open(self, staff_id: uuid.UUID) -> ShiftInfo:
        """Open a shift; a second open while one is running is refused, not silently merged."""
        with self.sessions.begin() as session:
            if open_shift_id(session, self.venue_code, self.station_id) is not None:
                raise DeskError(
                    "shift_open", "A shift is already open at this desk: close it first."
                )
            row = CashShift(
                venue_code=self.venue_code,
                station_id=self.station_id,
                opened_at=self.clock(),
                opened_by=staff_id,
            )
            session.add(row)
            session.flush()
            session.add(AuditLog(at=row.opened_at, staff_id=staff_id, action="shift_open",
                                 details={"shift": row.id}))  # fmt: skip
            shift_id = row.id
        with self.sessions() as session:
            return _info(session, shift_id)

    def summary(self, shift_id: int | None = None) -> ShiftSummary:
        """The running summary of a shift (the open one by default)."""
        with self.sessions() as session:
            if shift_id is None:
                shift_id = open_shift_id(session, self.venue_code, self.station_id)
                if shift_id is None:
                    raise DeskError("no_shift", "No shift is open at this desk.")
            return _summary(session, shift_id)

    def close(self, staff_id: uuid.UUID) -> ShiftSummary:
        """Close the open shift and store its totals, computed in the same transaction."""
        with self.sessions.begin() as session:
            shift_id = open_shift_id(session, self.venue_code, self.station_id)
            if shift_id is None:
                raise DeskError("no_shift", "No shift is open at this desk.")
            totals = _summary(session, shift_id)
            row = session.get(CashShift, shift_id)
            assert row is not None
            row.closed_at = self.clock()
            row.closed_by = staff_id
            row.refund_count = totals.refunds
            row.refunded_tiyn = totals.returned_tiyn
            row.fees_tiyn = totals.all_fees_tiyn
            row.receipt_count = totals.receipts
            session.add(AuditLog(at=row.closed_at, staff_id=staff_id, action="shift_close",
                                 details={"shift": shift_id, "refunds": totals.refunds,
                                          "returned_tiyn": totals.returned_tiyn}))  # fmt: skip
        with self.sessions() as session:
            return _summary(session, shift_id)


def _info(session: Session, shift_id: int) -> ShiftInfo:
    row = session.get(CashShift, shift_id)
    if row is None:
        raise DeskError("no_shift", f"No shift {shift_id}.")
    name = session.scalar(select(Staff.name).where(Staff.id == row.opened_by)) or ""
    return ShiftInfo(row.id, row.opened_at, row.opened_by, name, row.closed_at)


def _summary(session: Session, shift_id: int) -> ShiftSummary:
    shift = _info(session, shift_id)
    by_kind = session.execute(
        select(
            Refund.kind,
            func.count(func.distinct(Refund.id)),
            func.count(RefundLine.id),
            func.coalesce(func.sum(RefundLine.price_tiyn), 0),
            func.coalesce(func.sum(RefundLine.fee_tiyn), 0),
            func.coalesce(func.sum(RefundLine.refund_tiyn), 0),
        )
        .join(Receipt, Receipt.refund_id == Refund.id)
        .join(RefundLine, RefundLine.refund_id == Refund.id)
        .where(Receipt.cash_shift_id == shift_id)
        .group_by(Refund.kind)
    ).all()
    got = {kind: (int(a), int(t), int(p), int(f), int(r)) for kind, a, t, p, f, r in by_kind}
    refund = got.get(RefundKind.REFUND, (0, 0, 0, 0, 0))
    exchange = got.get(RefundKind.EXCHANGE, (0, 0, 0, 0, 0))
    requests = got.get(RefundKind.CONTACT_REQUEST, (0, 0, 0, 0, 0))
    printed = exists().where(and_(ReceiptPrint.receipt_id == Receipt.id, ReceiptPrint.ok))
    receipts, unprinted = session.execute(
        select(
            func.count(Receipt.id),
            func.coalesce(func.sum(func.iif(printed, 0, 1)), 0),
        ).where(Receipt.cash_shift_id == shift_id)
    ).one()
    return ShiftSummary(
        shift=shift,
        refunds=refund[0],
        refunded_tickets=refund[1],
        price_tiyn=refund[2],
        fees_tiyn=refund[3],
        returned_tiyn=refund[4],
        exchanges=exchange[0],
        exchanged_tickets=exchange[1],
        exchange_fees_tiyn=exchange[3],
        contact_requests=requests[0],
        receipts=int(receipts),
        unprinted_receipts=int(unprinted),
    )
