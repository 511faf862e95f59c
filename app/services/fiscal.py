"""Fiscal return cheques: queued with the refund, sent to the register, printed with their data.

Why it is built this way (DESIGN.md habits 5 and 6):

- The cheque is a row of `fiscal_cheque` written in the refund's own transaction
  (`enqueue_cheque`, called by the refund desk), with its idempotency key fixed there: the refund's
  UUID. Nothing is sent before that commit, so a crash cannot leave a cheque the console does not
  know about.
- Each attempt is counted and committed before the request leaves, and every attempt sends the
  same key. If the console dies after the register made the cheque but before its answer was
  stored, the next attempt gets the register's "already registered" answer with the same cheque:
  never a second cheque, never a lost one.
- An unreachable register (timeout, network, credentials, a shift over 24 hours) leaves the cheque
  queued and stops the run; a cheque the register refuses is set aside for a manager.
- When the answer arrives, the fiscal sign, cheque number, shift and OFD link are written into the
  receipt's payload in the same transaction as the cheque's state, so every later print or
  reprint carries them; the receipt is then printed again, this time with its fiscal data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.devices.fiscal import (
    ChequeLine,
    ChequeRefused,
    FiscalAnswer,
    FiscalRegister,
    NoRegister,
    RegisterUnavailable,
    ReportKind,
    ReturnCheque,
    ShiftReport,
)
from app.devices.webkassa import WebkassaRegister
from app.documents.escpos import receipt_escpos
from app.documents.receipt import render_receipt_pdf
from app.models.fiscal import ChequeState, FiscalCheque
from app.models.receipts import Receipt, ReceiptPrint
from app.models.records import AuditLog
from app.models.refunds import Refund
from app.services.context import utcnow
from app.services.receipts import PrintOutcome, ReceiptSink, data_of
from app.sync import secrets
from app.sync.protocol import RefundKind

REGISTERS = ("none", "webkassa")


def make_register(
    kind: str,
    *,
    url: str = "",
    cashbox: str = "",
    profile: str = secrets.DEFAULT_PROFILE,
    timeout_s: float = 15.0,
) -> FiscalRegister:
    """The station's register from its settings, with the account from the keyring."""
    if kind == "none":
        return NoRegister()
    if kind != "webkassa":
        raise ValueError(f"unknown fiscal register {kind!r}")
    if not url or not cashbox:
        raise ValueError("Webkassa needs the settings webkassa_url and webkassa_cashbox")
    account = secrets.fiscal_credentials(profile)
    return WebkassaRegister(
        url,
        cashbox,
        login=account.login if account else "",
        password=account.password if account else "",
        api_key=account.api_key if account else "",
        timeout_s=timeout_s,
    )


def external_id_of(refund_id: uuid.UUID) -> str:
    """The cheque's idempotency key: one refund, one cheque, whichever station sends it."""
    return f"ashyq-{refund_id.hex}"


def enqueue_cheque(
    session: Session, receipt: Receipt, refund: Refund, *, register: str, now: datetime
) -> FiscalCheque | None:
    """Queue the refund's return cheque in the refund's transaction; None when none is due.

    A station without a register, an exchange, a contact-centre request or a refund that returns
    nothing make no cheque; their receipts stay marked non-fiscal.
    """
    if register not in REGISTERS:
        raise ValueError(f"unknown fiscal register {register!r}")
    if register == "none" or refund.kind is not RefundKind.REFUND:
        return None
    titles = {line["ticket_code"]: line["session_title"] for line in receipt.payload["lines"]}
    lines = [
        {
            "name": f"{line.ticket_code} {titles.get(line.ticket_code, '')}".strip()[:200],
            "code": line.ticket_code,
            "price_tiyn": line.refund_tiyn,
        }
        for line in refund.lines
        if line.refund_tiyn > 0
    ]
    if not lines:
        return None
    row = FiscalCheque(
        receipt_id=receipt.id,
        register=register,
        external_id=external_id_of(refund.id),
        operation="sell_return",
        amount_tiyn=sum(x["price_tiyn"] for x in lines),
        request={"lines": lines},
        state=ChequeState.PENDING,
        created_at=now,
        attempts=0,
    )
    session.add(row)
    receipt.payload = {**receipt.payload, "fiscal_state": "pending"}
    session.flush()
    return row


def cheque_of(row: FiscalCheque) -> ReturnCheque:
    lines = tuple(
        ChequeLine(name=x["name"], code=x["code"], price_tiyn=int(x["price_tiyn"]))
        for x in row.request["lines"]
    )
    return ReturnCheque(external_id=row.external_id, lines=lines)


@dataclass(frozen=True)
class ChequeRow:
    cheque_id: int
    receipt_id: int
    receipt_number: int
    external_id: str
    state: str
    amount_tiyn: int
    attempts: int
    error_code: str
    last_error: str
    fiscal_sign: str
    printed: bool


@dataclass(frozen=True)
class SendOutcome:
    """One run of the queue: the receipts fiscalised now (to print again) and what is left."""

    fiscalised: tuple[int, ...]  # receipt ids
    pending: int
    refused: int
    error_code: str = ""  # why the run stopped early ("" when the queue is empty)
    message: str = ""


@dataclass
class FiscalService:
    sessions: sessionmaker[Session]  # write sessions
    clock: Callable[[], datetime] = utcnow
    # called between steps; tests use it to simulate a crash at each one
    step: Callable[[str, int], None] = field(default=lambda _name, _cheque_id: None)

    def cheques(self, *, state: ChequeState | None = None) -> list[ChequeRow]:
        query = select(FiscalCheque, Receipt.number, Receipt.payload).join(
            Receipt, Receipt.id == FiscalCheque.receipt_id
        )
        if state is not None:
            query = query.where(FiscalCheque.state == state)
        with self.sessions() as session:
            return [
                ChequeRow(
                    cheque_id=row.id,
                    receipt_id=row.receipt_id,
                    receipt_number=number,
                    external_id=row.external_id,
                    state=str(row.state),
                    amount_tiyn=row.amount_tiyn,
                    attempts=row.attempts,
                    error_code=row.error_code or "",
                    last_error=row.last_error or "",
                    fiscal_sign=str(payload.get("fiscal_sign", "")),
                    printed=row.printed_at is not None,
                )
                for row, number, payload in session.execute(query.order_by(FiscalCheque.id))
            ]

    def send_pending(self, register: FiscalRegister, *, limit: int = 100) -> SendOutcome:
        """Send queued cheques in order; stop at the first sign the register is unavailable."""
        done: list[int] = []
        error_code = message = ""
        with self.sessions() as session:
            ids = list(
                session.scalars(
                    select(FiscalCheque.id)
                    .where(FiscalCheque.state == ChequeState.PENDING)
                    .order_by(FiscalCheque.id)
                    .limit(limit)
                )
            )
        for cheque_id in ids:
            self.step("before_attempt", cheque_id)
            cheque = self._attempt(cheque_id)
            if cheque is None:  # answered meanwhile (another run)
                continue
            self.step("before_send", cheque_id)
            try:
                answer = register.return_cheque(cheque)
            except RegisterUnavailable as exc:
                self._failed(cheque_id, exc.code, exc.message, refused=False)
                error_code, message = exc.code, exc.message
                break
            except ChequeRefused as exc:
                self._failed(cheque_id, exc.code, exc.message, refused=True)
                continue
            self.step("before_record", cheque_id)
            done.append(self._record(cheque_id, answer))
        left = self.cheques()
        return SendOutcome(
            fiscalised=tuple(done),
            pending=sum(1 for c in left if c.state == ChequeState.PENDING),
            refused=sum(1 for c in left if c.state == ChequeState.REFUSED),
            error_code=error_code,
            message=message,
        )

    def _attempt(self, cheque_id: int) -> ReturnCheque | None:
        """Count the attempt and commit it before anything leaves the station."""
        with self.sessions.begin() as session:
            row = session.get(FiscalCheque, cheque_id)
            if row is None or row.state is not ChequeState.PENDING:
                return None
            row.attempts += 1
            row.last_attempt_at = self.clock()
            return cheque_of(row)

    def _failed(self, cheque_id: int, code: str, message: str, *, refused: bool) -> None:
        with self.sessions.begin() as session:
            row = session.get(FiscalCheque, cheque_id)
            assert row is not None
            row.error_code, row.last_error = code[:40], message[:1000]
            if refused:
                row.state = ChequeState.REFUSED

    def _record(self, cheque_id: int, answer: FiscalAnswer) -> int:
        """The answer, the cheque's state and the receipt's fiscal fields in one transaction."""
        now = self.clock()
        with self.sessions.begin() as session:
            row = session.get(FiscalCheque, cheque_id)
            assert row is not None
            receipt = session.get(Receipt, row.receipt_id)
            assert receipt is not None
            row.state = ChequeState.DONE
            row.answered_at = now
            row.error_code = row.last_error = None
            row.answer = {
                "fiscal_sign": answer.fiscal_sign,
                "check_number": answer.check_number,
                "shift_number": answer.shift_number,
                "ofd_url": answer.ofd_url,
                "register_serial": answer.register_serial,
                "register_number": answer.register_number,
                "registered_at": answer.registered_at,
                "offline": answer.offline,
                "repeated": answer.repeated,
            }
            receipt.payload = {
                **receipt.payload,
                "fiscal_state": "done",
                "fiscal_sign": answer.fiscal_sign,
                "fiscal_check_number": answer.check_number,
                "fiscal_shift": answer.shift_number,
                "ofd_url": answer.ofd_url,
                "register_serial": answer.register_serial,
                "register_number": answer.register_number,
            }
            session.add(
                AuditLog(
                    at=now,
                    staff_id=None,
                    action="fiscal_cheque",
                    details={
                        "receipt": receipt.number,
                        "cheque": answer.check_number,
                        "repeated": answer.repeated,
                    },
                )
            )
            return row.receipt_id

    def retry(self, cheque_id: int) -> None:
        """A manager sends a refused cheque again (after fixing the register's settings)."""
        with self.sessions.begin() as session:
            row = session.get(FiscalCheque, cheque_id)
            if row is None:
                raise LookupError(f"no fiscal cheque {cheque_id}")
            if row.state is ChequeState.REFUSED:
                row.state = ChequeState.PENDING

    # --- printing again with the fiscal data ---------------------------------------------------

    def to_print(self) -> list[int]:
        """Receipts fiscalised after their first print, not yet printed with their fiscal data."""
        with self.sessions() as session:
            return list(
                session.scalars(
                    select(FiscalCheque.receipt_id)
                    .where(
                        FiscalCheque.state == ChequeState.DONE, FiscalCheque.printed_at.is_(None)
                    )
                    .order_by(FiscalCheque.id)
                )
            )

    def print_fiscal(
        self, receipt_id: int, sink: ReceiptSink, *, staff_id: uuid.UUID | None = None
    ) -> PrintOutcome:
        """Print the receipt with its fiscal data: the fiscal cheque itself, not a COPY."""
        with self.sessions() as session:
            receipt = session.get(Receipt, receipt_id)
            if receipt is None:
                raise LookupError(f"no receipt {receipt_id}")
            number, payload = receipt.number, dict(receipt.payload)
        error_code = message = ""
        try:
            data = data_of(payload)
            if sink.format == "escpos":
                job = receipt_escpos(data, mode=getattr(sink, "mode", "hybrid"))
            else:
                job = render_receipt_pdf(data, sink.size)
            sink.send(job)
        except OSError as exc:
            error_code, message = "io", str(exc) or type(exc).__name__
        except Exception as exc:  # a printer driver's own error: logged, the cheque stays listed
            error_code = str(getattr(exc, "code", "internal"))
            message = str(getattr(exc, "message", "")) or f"{type(exc).__name__}: {exc}"
        ok = not error_code
        now = self.clock()
        with self.sessions.begin() as session:
            session.add(
                ReceiptPrint(
                    receipt_id=receipt_id,
                    printed_at=now,
                    copy=False,
                    printer=sink.name[:200],
                    ok=ok,
                    error=message or None,
                    staff_id=staff_id,
                )
            )
            if ok:
                row = session.scalar(
                    select(FiscalCheque).where(FiscalCheque.receipt_id == receipt_id)
                )
                if row is not None:
                    row.printed_at = now
        return PrintOutcome(receipt_id, number, ok, False, sink.name, error_code, message)

    # --- shift reports -------------------------------------------------------------------------

    def report(
        self, register: FiscalRegister, kind: ReportKind, *, staff_id: uuid.UUID | None = None
    ) -> ShiftReport:
        """The register's X (totals so far) or Z (close its shift) report, audited."""
        result = register.x_report() if kind == "x" else register.z_report()
        with self.sessions.begin() as session:
            session.add(
                AuditLog(
                    at=self.clock(),
                    staff_id=staff_id,
                    action=f"fiscal_{kind}_report",
                    details={"shift": result.shift_number, "documents": result.document_count},
                )
            )
        return result
