"""Receipts of desk actions: issued with the refund, printed after it, reprinted as COPY.

The order matters (DESIGN.md habit 6, "write before you show"): the refund, its receipt row and
its gap-free number are committed in one transaction first (`issue_receipt`, called by the refund
desk); printing comes after and may fail or never happen (paper out, a crash, a power cut).
Every attempt is logged in `receipt_print`; a receipt with no successful print is listed by
`unprinted()`, so the cashier can print it later. The receipt's payload holds every printed field,
so a reprint years later is identical to the original apart from the COPY stamp.

Where the bytes go is a `ReceiptSink`: ESC/POS printers (serial, network, file, USB) are built
here from the `printer` setting; the Qt print system's sink lives in app/views/printing.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.workdays import money_back_by
from app.documents import data as d
from app.documents.escpos import EscposMode, receipt_escpos
from app.documents.printers import (
    FilePrinter,
    NetworkPrinter,
    PrinterError,
    ReceiptPrinter,
    SerialPrinter,
    UsbPrinter,
)
from app.documents.receipt import ReceiptSize, render_receipt_pdf
from app.documents.texts import Language
from app.models.receipts import Receipt, ReceiptKind, ReceiptPrint, next_receipt_number
from app.models.records import AuditLog
from app.models.refunds import Refund
from app.models.tickets import CinemaSession, Order, Ticket
from app.models.venue import Staff, Venue
from app.sync.protocol import RefundKind

SinkFormat = Literal["pdf", "escpos"]
_DOC_KIND: dict[RefundKind, d.ReceiptKind] = {
    RefundKind.REFUND: "refund",
    RefundKind.EXCHANGE: "exchange",
    RefundKind.CONTACT_REQUEST: "contact_request",
}
_ROW_KIND = {
    RefundKind.REFUND: ReceiptKind.SELL_RETURN,
    RefundKind.EXCHANGE: ReceiptKind.EXCHANGE,
    RefundKind.CONTACT_REQUEST: ReceiptKind.CONTACT_REQUEST,
}


# --- issuing: inside the refund's own transaction ------------------------------------------------


def receipt_data(
    session: Session,
    refund: Refund,
    *,
    venue_code: str,
    number: int,
    lang: Language,
    rules_days: int,
) -> d.ReceiptData:
    """The receipt of a refund flushed in `session`, from the rows the desk just wrote."""
    venue_row = session.get(Venue, venue_code)
    if venue_row is None:
        raise LookupError("no venue row: pull the venue configuration first")
    venue = d.Venue(venue_row.name, venue_row.bin, venue_row.address, venue_row.time_zone)
    order = session.get(Order, refund.order_number)
    assert order is not None
    old = session.get(CinemaSession, order.session_id)
    new = session.get(CinemaSession, refund.new_session_id) if refund.new_session_id else None
    assert old is not None
    tariffs = dict(
        session.execute(
            select(Ticket.code, Ticket.tariff).where(
                Ticket.code.in_([line.ticket_code for line in refund.lines])
            )
        ).all()
    )
    lines = tuple(
        d.ReceiptLine(
            ticket_code=line.ticket_code,
            session_title=old.title,
            session_start=old.starts_at,
            tariff=str(tariffs.get(line.ticket_code, "")),
            price_tiyn=line.price_tiyn,
            fee_tiyn=line.fee_tiyn,
            refund_tiyn=line.refund_tiyn,
            new_session_title=new.title if new else "",
            new_session_start=new.starts_at if new else None,
        )
        for line in refund.lines
    )
    cashier = session.scalar(select(Staff.name).where(Staff.id == refund.staff_id)) or ""
    returned = sum(line.refund_tiyn for line in lines)
    back = None
    if refund.kind is RefundKind.REFUND and returned > 0:
        back = money_back_by(refund.occurred_at, venue.tz, rules_days)
    return d.ReceiptData(
        venue=venue,
        receipt_number=number,
        kind=_DOC_KIND[refund.kind],
        order_number=refund.order_number,
        moment=refund.occurred_at,
        lines=lines,
        receipt_id=refund.id,
        cashier=cashier,
        language=lang,
        money_back_date=back,
    )


def issue_receipt(
    session: Session,
    refund: Refund,
    *,
    venue_code: str,
    shift_id: int | None,
    lang: Language,
    rules_days: int,
) -> Receipt:
    """Take the next gap-free number and store the receipt, in the refund's transaction."""
    number = next_receipt_number(session, venue_code)
    data = receipt_data(
        session, refund, venue_code=venue_code, number=number, lang=lang, rules_days=rules_days
    )
    row = Receipt(
        venue_code=venue_code,
        number=number,
        kind=_ROW_KIND[refund.kind],
        refund_id=refund.id,
        cash_shift_id=shift_id,
        staff_id=refund.staff_id,
        created_at=refund.occurred_at,
        payload=payload_of(data),
    )
    session.add(row)
    session.flush()
    return row


def payload_of(data: d.ReceiptData) -> dict[str, Any]:
    """Every printed field as JSON; `data_of(payload_of(x)) == x`."""
    payload: dict[str, Any] = _jsonable(asdict(data))
    return payload


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def data_of(payload: dict[str, Any], *, copy: bool = False) -> d.ReceiptData:
    venue = d.Venue(**payload["venue"])
    lines = tuple(
        d.ReceiptLine(
            **{
                **line,
                "session_start": datetime.fromisoformat(line["session_start"]),
                "new_session_start": _moment(line["new_session_start"]),
            }
        )
        for line in payload["lines"]
    )
    vat = d.VatLine(**payload["vat"]) if payload.get("vat") else None
    back = payload.get("money_back_date")
    fields = {k: v for k, v in payload.items() if k not in ("venue", "lines", "vat", "copy")}
    fields |= {
        "moment": datetime.fromisoformat(payload["moment"]),
        "receipt_id": uuid.UUID(payload["receipt_id"]),
        "money_back_date": date.fromisoformat(back) if back else None,
    }
    return d.ReceiptData(venue=venue, lines=lines, vat=vat, copy=copy, **fields)


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# --- where receipts go -------------------------------------------------------------------------


class ReceiptSink(Protocol):
    """A printer as the receipt service sees it: a name for the log, a format, and `send`."""

    name: str
    format: SinkFormat
    size: ReceiptSize

    def send(self, data: bytes) -> None:
        """Deliver one complete job; raise (PrinterError, OSError ...) when it did not go."""


@dataclass
class EscposSink:
    printer: ReceiptPrinter
    name: str
    mode: EscposMode = "hybrid"
    format: SinkFormat = "escpos"
    size: ReceiptSize = "80mm"

    def send(self, data: bytes) -> None:
        self.printer.print_bytes(data)


@dataclass
class PdfFolderSink:
    """Writes each job as a numbered PDF: the demo's "printer" and an archive of what printed."""

    folder: Path
    size: ReceiptSize = "80mm"
    format: SinkFormat = "pdf"
    name: str = "pdf-folder"

    def send(self, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        index = len(list(self.folder.glob("receipt-*.pdf"))) + 1
        (self.folder / f"receipt-{index:05d}.pdf").write_bytes(data)


def sink_from_spec(spec: str, size: ReceiptSize = "80mm") -> ReceiptSink | None:
    """An ESC/POS sink for `escpos:serial:COM4[:19200]`, `escpos:net:HOST[:9100]`,
    `escpos:file:PATH` or `escpos:usb:VID:PID` (hex); a PDF folder for `pdf:FOLDER` (the demo's
    printer); None for anything else (a Qt printer name).
    """
    if spec.startswith("pdf:") and spec[len("pdf:") :].strip():
        return PdfFolderSink(Path(spec[len("pdf:") :].strip()), size, name=spec[:200])
    if not spec.startswith("escpos:"):
        return None
    kind, _, rest = spec[len("escpos:") :].partition(":")
    try:
        if kind == "file" and rest:
            return EscposSink(FilePrinter(Path(rest)), spec)
        if kind == "serial" and rest:
            port, baud = _split_last_int(rest, 19200)
            return EscposSink(SerialPrinter(port, baud), spec)
        if kind == "net" and rest:
            host, port_no = _split_last_int(rest, 9100)
            return EscposSink(NetworkPrinter(host, port_no), spec)
        if kind == "usb":
            vendor, product = (int(x, 16) for x in rest.split(":"))
            return EscposSink(UsbPrinter(vendor, product), spec)
    except ValueError:
        pass
    raise ValueError(
        f"printer {spec!r}: use escpos:serial:COM4:19200, escpos:net:192.168.1.50:9100, "
        "escpos:file:PATH or escpos:usb:VID:PID"
    )


def _split_last_int(text: str, default: int) -> tuple[str, int]:
    """'COM4:19200' -> ('COM4', 19200); 'COM4' -> ('COM4', default); Windows 'C:' is no port."""
    head, sep, tail = text.rpartition(":")
    if sep and head and tail.isdigit():
        return head, int(tail)
    return text, default


# --- printing and the log ----------------------------------------------------------------------


@dataclass(frozen=True)
class PrintOutcome:
    receipt_id: int
    number: int
    ok: bool
    copy: bool
    printer: str
    error_code: str = ""
    message: str = ""


@dataclass(frozen=True)
class ReceiptRow:
    receipt_id: int
    number: int
    kind: str
    refund_id: uuid.UUID | None
    order_number: str
    created_at: datetime
    returned_tiyn: int
    printed: bool
    attempts: int
    last_error: str


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class ReceiptService:
    sessions: sessionmaker[Session]  # write sessions
    venue_code: str
    clock: Callable[[], datetime] = utcnow

    def data(self, receipt_id: int, *, copy: bool = False) -> d.ReceiptData:
        with self.sessions() as session:
            row = session.get(Receipt, receipt_id)
            if row is None:
                raise LookupError(f"no receipt {receipt_id}")
            return data_of(dict(row.payload), copy=copy)

    def print_receipt(
        self, receipt_id: int, sink: ReceiptSink, *, staff_id: uuid.UUID | None = None
    ) -> PrintOutcome:
        """Print the receipt; once one print succeeded every later one is a COPY, never two
        originals. A failure is logged and returned (not raised) so the screen offers Retry."""
        return self._print(receipt_id, sink, staff_id=staff_id, force_copy=False)

    def reprint(
        self, receipt_id: int, sink: ReceiptSink, *, staff_id: uuid.UUID | None = None
    ) -> PrintOutcome:
        """A copy stamped COPY, logged and audited."""
        return self._print(receipt_id, sink, staff_id=staff_id, force_copy=True)

    def _print(
        self, receipt_id: int, sink: ReceiptSink, *, staff_id: uuid.UUID | None, force_copy: bool
    ) -> PrintOutcome:
        with self.sessions() as session:
            row = session.get(Receipt, receipt_id)
            if row is None:
                raise LookupError(f"no receipt {receipt_id}")
            number, payload = row.number, dict(row.payload)
            printed = bool(session.scalar(select(_printed_ok(receipt_id))))
        copy = force_copy or printed
        error_code, message = "", ""
        try:
            data = data_of(payload, copy=copy)
            if sink.format == "escpos":
                job = receipt_escpos(data, mode=getattr(sink, "mode", "hybrid"))
            else:
                job = render_receipt_pdf(data, sink.size)
            sink.send(job)
        except PrinterError as exc:
            error_code, message = exc.code.value, exc.message
        except OSError as exc:
            error_code, message = "io", str(exc) or type(exc).__name__
        except Exception as exc:  # a driver's own error: logged and shown, never a lost receipt
            error_code, message = "internal", f"{type(exc).__name__}: {exc}"
        ok = not error_code
        now = self.clock()
        with self.sessions.begin() as session:
            session.add(
                ReceiptPrint(receipt_id=receipt_id, printed_at=now, copy=copy,
                             printer=sink.name[:200], ok=ok, error=message or None,
                             staff_id=staff_id)
            )  # fmt: skip
            if force_copy:
                session.add(AuditLog(at=now, staff_id=staff_id, action="receipt_reprint",
                                     details={"receipt": number, "ok": ok}))  # fmt: skip
        return PrintOutcome(receipt_id, number, ok, copy, sink.name, error_code, message)

    def for_refund(self, refund_id: uuid.UUID) -> ReceiptRow | None:
        rows = self.rows(Receipt.refund_id == refund_id)
        return rows[0] if rows else None

    def unprinted(self) -> list[ReceiptRow]:
        """Receipts whose refund is committed but no print succeeded: print them now."""
        return self.rows(~_printed_ok(Receipt.id))

    def rows(self, *conditions: Any) -> list[ReceiptRow]:
        """Receipts of this venue matching every condition (SQL expressions), by number."""
        attempts = (
            select(func.count(ReceiptPrint.id))
            .where(ReceiptPrint.receipt_id == Receipt.id)
            .scalar_subquery()
        )
        last_error = (
            select(ReceiptPrint.error)
            .where(ReceiptPrint.receipt_id == Receipt.id)
            .order_by(ReceiptPrint.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        query = (
            select(Receipt, attempts, last_error, _printed_ok(Receipt.id))
            .where(Receipt.venue_code == self.venue_code, *conditions)
            .order_by(Receipt.number)
        )
        with self.sessions() as session:
            out = []
            for row, tries, error, printed in session.execute(query):
                payload = row.payload
                out.append(
                    ReceiptRow(
                        receipt_id=row.id,
                        number=row.number,
                        kind=str(row.kind),
                        refund_id=row.refund_id,
                        order_number=str(payload.get("order_number", "")),
                        created_at=row.created_at,
                        returned_tiyn=sum(int(x["refund_tiyn"]) for x in payload.get("lines", [])),
                        printed=bool(printed),
                        attempts=int(tries or 0),
                        last_error=error or "",
                    )
                )
            return out


def _printed_ok(receipt_id: Any) -> Any:
    return exists().where(and_(ReceiptPrint.receipt_id == receipt_id, ReceiptPrint.ok))
