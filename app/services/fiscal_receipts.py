"""The refund desk's receipts at a station with an online cash register.

The desk prints through `ReceiptService`; at a fiscal station it gets this subclass, which sends
the waiting return cheques to the register before each print (so a receipt printed right after its
refund already carries its fiscal sign when the register is reachable), prints a receipt whose
cheque was answered after a "pending" slip again with its fiscal data (an original, not a COPY),
and lists such receipts under "to print" until that is done, with the ones whose cheque still
waits (printing one of those first tries the register, and says so when it is still away).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.devices.fiscal import FiscalRegister, NoRegister
from app.models.fiscal import ChequeState, FiscalCheque
from app.models.receipts import Receipt
from app.services.fiscal import FiscalService, make_register
from app.services.receipts import PrintOutcome, ReceiptRow, ReceiptService, ReceiptSink, _printed_ok


@dataclass
class FiscalReceiptService(ReceiptService):
    register: FiscalRegister = field(default_factory=NoRegister)

    def fiscal(self) -> FiscalService:
        return FiscalService(self.sessions, clock=self.clock)

    def print_receipt(
        self, receipt_id: int, sink: ReceiptSink, *, staff_id: uuid.UUID | None = None
    ) -> PrintOutcome:
        fiscal = self.fiscal()
        sent = fiscal.send_pending(self.register)  # an unavailable register leaves them queued
        with self.sessions() as session:
            cheque = session.scalar(
                select(FiscalCheque).where(FiscalCheque.receipt_id == receipt_id)
            )
            state = cheque.state if cheque is not None else None
            unprinted_fiscal = cheque is not None and state is ChequeState.DONE
            unprinted_fiscal = unprinted_fiscal and cheque is not None and cheque.printed_at is None
            printed = bool(session.scalar(select(_printed_ok(receipt_id))))
            number = session.scalar(select(Receipt.number).where(Receipt.id == receipt_id))
        if unprinted_fiscal and printed:  # a "pending" slip went out: now the fiscal receipt
            return fiscal.print_fiscal(receipt_id, sink, staff_id=staff_id)
        if printed and state is ChequeState.PENDING:  # its slip is out; the fiscal one must wait
            why = f"{sent.error_code}: {sent.message}" if sent.error_code else "pending"
            return PrintOutcome(
                receipt_id,
                int(number or 0),
                False,
                False,
                sink.name,
                "fiscal_pending",
                f"fiscal cheque pending ({why})",
            )
        outcome = super().print_receipt(receipt_id, sink, staff_id=staff_id)
        if outcome.ok and unprinted_fiscal:
            with self.sessions.begin() as session:
                row = session.scalar(
                    select(FiscalCheque).where(FiscalCheque.receipt_id == receipt_id)
                )
                if row is not None:
                    row.printed_at = self.clock()
        return outcome

    def unprinted(self) -> list[ReceiptRow]:
        rows = super().unprinted()
        known = {row.receipt_id for row in rows}
        with self.sessions() as session:
            waiting = session.scalars(
                select(FiscalCheque.receipt_id).where(
                    FiscalCheque.printed_at.is_(None),
                    FiscalCheque.state.in_([ChequeState.PENDING, ChequeState.DONE]),
                )
            )
            again = [rid for rid in waiting if rid not in known]
        if again:
            rows += self.rows(Receipt.id.in_(again))
        return rows


def desk_receipts(
    sessions: sessionmaker[Session],
    venue_code: str,
    *,
    clock: Callable[[], datetime],
    register: str,
    url: str,
    cashbox: str,
    profile: str,
) -> ReceiptService:
    """The desk's receipt service for the station's `fiscal_register` setting."""
    if register == "none":
        return ReceiptService(sessions, venue_code, clock=clock)
    try:
        device = make_register(register, url=url, cashbox=cashbox, profile=profile, timeout_s=6)
    except ValueError:  # settings incomplete: the cheques wait in the queue until they are fixed
        device = NoRegister()
    return FiscalReceiptService(sessions, venue_code, clock=clock, register=device)
